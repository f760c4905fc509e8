import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { AID_KINDS, FREQUENCIES, STANDARD_CATEGORIES, type AmountRule } from '../../lib/aid/standards';
import { CASE_ACTIONS, CASE_KINDS, CASE_STATES, STEPS } from '../../lib/workflow/case-workflow';
import { orgUnits } from './org';
import { households } from './register';
import { students } from './students';
import { AWARD_TIERS, STAGES } from '../../lib/students/stages';
import { CLAIM_DOCUMENTS } from '../../lib/mutual-aid/rules';
import { users } from './users';
import { ZONE } from '../time-zone';

const inList = (col: unknown, values: readonly string[]) =>
  sql`${col} IN (${sql.raw(values.map((v) => `'${v}'`).join(','))})`;

/**
 * The aid standard (帮扶送温暖实施办法): one row per version. Versions are never edited: a leader's
 * edit inserts a new version, so a case can keep pointing at the one it was decided under.
 */
export const aidStandards = pgTable(
  'aid_standards',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    effectiveOn: date('effective_on').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('aid_standards_effective_idx').on(t.effectiveOn)],
);

/**
 * One cell of a standard: the amount for one aid kind and one household category, fixed or a
 * range with a suggested amount. The kind's frequency is repeated on each of its rows (the
 * action writes one value per kind). Money is integer fen.
 */
export const aidStandardRules = pgTable(
  'aid_standard_rules',
  {
    id: serial('id').primaryKey(),
    standardId: integer('standard_id')
      .notNull()
      .references(() => aidStandards.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: AID_KINDS }).notNull(),
    frequency: text('frequency', { enum: FREQUENCIES }).notNull(),
    category: text('category', { enum: STANDARD_CATEGORIES as unknown as [string, ...string[]] }).notNull(),
    /** What else the amount depends on: the stage for student aid, the tier for awards; '' otherwise. */
    variant: text('variant').notNull().default(''),
    ruleType: text('rule_type', { enum: ['fixed', 'range'] }).notNull(),
    fixedFen: integer('fixed_fen'),
    minFen: integer('min_fen'),
    maxFen: integer('max_fen'),
    suggestedFen: integer('suggested_fen'),
  },
  (t) => [
    unique('aid_standard_rules_cell_key').on(t.standardId, t.kind, t.category, t.variant),
    check('aid_standard_rules_kind_check', inList(t.kind, AID_KINDS)),
    check('aid_standard_rules_frequency_check', inList(t.frequency, FREQUENCIES)),
    check('aid_standard_rules_category_check', inList(t.category, STANDARD_CATEGORIES)),
    check(
      'aid_standard_rules_amount_check',
      sql`(${t.ruleType} = 'fixed' AND ${t.fixedFen} > 0 AND ${t.minFen} IS NULL AND ${t.maxFen} IS NULL AND ${t.suggestedFen} IS NULL)
       OR (${t.ruleType} = 'range' AND ${t.fixedFen} IS NULL AND 0 < ${t.minFen} AND ${t.minFen} <= ${t.suggestedFen} AND ${t.suggestedFen} <= ${t.maxFen})`,
    ),
  ],
);

/**
 * A case (申请): one row per application, whatever its kind; the state machine lives in
 * lib/workflow/case-workflow.ts and every state change here is a guarded UPDATE on
 * (id, state, version). `unit_id` is the applicant's unit when they applied, for scope
 * (a prefix match on that unit's path). `submit_token` is the client's key for the application,
 * so a retried or double-clicked save/submit finds the same case instead of making another.
 */
export const cases = pgTable(
  'cases',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: CASE_KINDS }).notNull().default('aid'),
    aidKind: text('aid_kind', { enum: AID_KINDS }),
    applicantId: integer('applicant_id')
      .notNull()
      .references(() => users.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    householdId: integer('household_id').references(() => households.id),
    /**
     * The official who filed the case for the applicant (a mutual-aid claim filed at the union's
     * office); null when the applicant filed it. Like the applicant, they see it before submission
     * and take no step of it.
     */
    filedBy: integer('filed_by').references(() => users.id),
    /** The household category the amount was computed for ('none': no active file), set at submission. */
    category: text('category', { enum: STANDARD_CATEGORIES as unknown as [string, ...string[]] }),
    state: text('state', { enum: CASE_STATES }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    eventOn: date('event_on').notNull(),
    /** What identifies the event for the ledger (e.g. the family member who died); '' when none. */
    eventKey: text('event_key').notNull().default(''),
    whatHappened: text('what_happened').notNull(),
    helpAsked: text('help_asked').notNull().default(''),
    /** The family's situation as the worker described it (prefilled from the household file). */
    familySituation: text('family_situation').notNull().default(''),
    /** Student aid and awards: the student, the school year (its first calendar year), stage and grade. */
    studentId: integer('student_id').references(() => students.id),
    schoolYear: integer('school_year'),
    stage: text('stage', { enum: STAGES }),
    grade: integer('grade'),
    tuitionFen: integer('tuition_fen'),
    livingFen: integer('living_fen'),
    /** Awards: the tier chosen by the leader, and the results the nomination cites. */
    awardTier: text('award_tier', { enum: AWARD_TIERS }),
    results: text('results'),
    /** The amount: computed at submission, possibly changed by the approver inside the range. */
    amountFen: integer('amount_fen'),
    computedFen: integer('computed_fen'),
    amountReason: text('amount_reason'),
    standardId: integer('standard_id').references(() => aidStandards.id),
    /** The rule the amount came from, as it was (AmountRule), and the kind's frequency. */
    rule: jsonb('rule').$type<AmountRule>(),
    frequency: text('frequency', { enum: FREQUENCIES }),
    /** The application date (the standard in force on it applies); kept across returns. */
    appliedOn: date('applied_on'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publicityStart: date('publicity_start'),
    publicityEnd: date('publicity_end'),
    submitToken: text('submit_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_submit_token_key').on(t.submitToken),
    // To-do queues: the cases waiting in one state, oldest first, then narrowed by unit path.
    index('cases_queue_idx').on(t.state, t.submittedAt),
    index('cases_unit_state_idx').on(t.unitId, t.state),
    index('cases_applicant_idx').on(t.applicantId, t.createdAt),
    index('cases_household_idx').on(t.householdId),
    // The case list's order and its export's keyset.
    index('cases_updated_id_idx').on(t.updatedAt, t.id),
    // The same order within a unit (an official's list reads each of their units' range), a state,
    // an aid kind, and a year (db/queries/case-views.ts caseYear: the very expression).
    index('cases_unit_updated_id_idx').on(t.unitId, t.updatedAt, t.id),
    index('cases_state_updated_id_idx').on(t.state, t.updatedAt, t.id),
    index('cases_kind_updated_id_idx').on(t.aidKind, t.updatedAt, t.id),
    index('cases_year_updated_id_idx').on(
      sql`extract(year from coalesce(${t.appliedOn}, (${t.createdAt} AT TIME ZONE ${ZONE})::date))`,
      t.updatedAt,
      t.id,
    ),
    // The system's sweep of publicity windows that have ended.
    index('cases_publicity_idx')
      .on(t.publicityEnd)
      .where(sql`${t.state} = 'in_publicity'`),
    // The dashboards' oldest wait per step: the first entry of the step's state (unit to filter a scope in the index).
    index('cases_waiting_idx')
      .on(t.state, t.updatedAt, t.unitId)
      .where(inList(t.state, ['submitted', 'verified', 'reviewed', 'ready_for_payment'])),
    // Once per student and school year for student aid, once per year for an award (a rejected or
    // withdrawn case frees the slot).
    uniqueIndex('cases_student_year_key')
      .on(t.kind, t.studentId, t.schoolYear)
      .where(sql`${t.studentId} IS NOT NULL AND ${t.state} NOT IN ('rejected', 'withdrawn')`),
    check('cases_kind_check', inList(t.kind, CASE_KINDS)),
    check(
      'cases_student_check',
      sql`${t.kind} IN ('aid', 'mutual_aid') OR (${t.studentId} IS NOT NULL AND ${t.schoolYear} IS NOT NULL)`,
    ),
    check(
      'cases_money_check',
      sql`(${t.tuitionFen} IS NULL OR ${t.tuitionFen} >= 0) AND (${t.livingFen} IS NULL OR ${t.livingFen} >= 0)`,
    ),
    check('cases_state_check', inList(t.state, CASE_STATES)),
    check(
      'cases_aid_kind_check',
      sql`${t.kind} <> 'aid' OR (${t.aidKind} IS NOT NULL AND ${inList(t.aidKind, AID_KINDS)})`,
    ),
    check('cases_amount_check', sql`${t.amountFen} IS NULL OR ${t.amountFen} > 0`),
    check('cases_submitted_check', sql`${t.state} IN ('draft', 'withdrawn') OR ${t.submittedAt} IS NOT NULL`),
    check(
      'cases_publicity_check',
      sql`${t.state} <> 'in_publicity' OR (${t.publicityStart} IS NOT NULL AND ${t.publicityEnd} >= ${t.publicityStart})`,
    ),
  ],
);

/** The history of a case: every move, who made it, at which step (null: the applicant or the system). */
export const caseSteps = pgTable(
  'case_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    step: text('step', { enum: STEPS }),
    action: text('action', { enum: CASE_ACTIONS }).notNull(),
    fromState: text('from_state', { enum: CASE_STATES }).notNull(),
    toState: text('to_state', { enum: CASE_STATES }).notNull(),
    actorId: integer('actor_id').references(() => users.id),
    comment: text('comment').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_steps_case_idx').on(t.caseId, t.at),
    check('case_steps_step_check', sql`${t.step} IS NULL OR ${inList(t.step, STEPS)}`),
    check('case_steps_action_check', inList(t.action, CASE_ACTIONS)),
  ],
);

export const OBJECTION_STATUSES = ['pending', 'upheld', 'dismissed'] as const;

/** An objection (异议) raised during publicity by anyone signed in; decided at the publicity step. */
export const objections = pgTable(
  'objections',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    byId: integer('by_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    status: text('status', { enum: OBJECTION_STATUSES }).notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => users.id),
    decision: text('decision'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('objections_case_idx').on(t.caseId, t.status),
    index('objections_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
    check('objections_status_check', inList(t.status, OBJECTION_STATUSES)),
    check('objections_decided_check', sql`(${t.status} = 'pending') = (${t.decidedBy} IS NULL)`),
  ],
);

/**
 * A yearly budget per aid kind, for the whole mine (unit_id NULL) or one branch. The CHECK is the
 * last line behind the guarded `spent_fen + $a <= amount_fen` update: no write can overspend.
 */
export const budgets = pgTable(
  'budgets',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull(),
    aidKind: text('aid_kind', { enum: AID_KINDS }).notNull(),
    unitId: integer('unit_id').references(() => orgUnits.id),
    // bigint: a province's mine-wide reserve passes int4's ¥21,474,836.47.
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    spentFen: bigint('spent_fen', { mode: 'number' }).notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One budget per (year, kind, unit), the mine-wide one (NULL unit) included.
    unique('budgets_year_kind_unit_key').on(t.year, t.aidKind, t.unitId).nullsNotDistinct(),
    check('budgets_kind_check', inList(t.aidKind, AID_KINDS)),
    check('budgets_spent_check', sql`${t.spentFen} <= ${t.amountFen} AND ${t.spentFen} >= 0`),
    check('budgets_amount_check', sql`${t.amountFen} >= 0`),
  ],
);

/** The payment of a case: exactly one per case (the unique key backs the guarded state change). */
export const payments = pgTable(
  'payments',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** The budget drawn on; null for a mutual-aid claim, which its scheme-year's fund pays (mutual_claims). */
    budgetId: integer('budget_id').references(() => budgets.id),
    amountFen: integer('amount_fen').notNull(),
    paidOn: date('paid_on').notNull(),
    method: text('method', { enum: ['bank_transfer', 'cash'] }).notNull(),
    reference: text('reference').notNull().default(''),
    /** Why a repeat within the kind's period was paid anyway (the ledger warning); null when none. */
    repeatReason: text('repeat_reason'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payments_case_key').on(t.caseId),
    index('payments_budget_idx').on(t.budgetId),
    // The payment ledger's order (and its export's keyset): newest payments first, by id within a day.
    index('payments_paid_on_id_idx').on(t.paidOn, t.id),
    // An official's ledger looks up each of their units' cases' payment for its day and id: read
    // from this index alone, not the table (ledger of a branch: ~58 → ~30 ms at a province's size).
    index('payments_case_paid_on_id_idx').on(t.caseId, t.paidOn, t.id),
    check('payments_amount_check', sql`${t.amountFen} > 0`),
    check('payments_method_check', inList(t.method, ['bank_transfer', 'cash'])),
  ],
);

/** In-portal notifications (the bell): unread = read_at IS NULL. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    caseId: integer('case_id').references(() => cases.id),
    kind: text('kind').notNull(),
    /** The decision the notification tells of, so it can quote its reason (a return's, a rejection's). */
    stepId: bigint('step_id', { mode: 'number' }).references(() => caseSteps.id),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const DOCUMENT_PURPOSES = [
  'supporting',
  'admission_letter',
  'enrolment_certificate',
  'results',
  ...CLAIM_DOCUMENTS,
] as const;

/**
 * A supporting document of a case (PDF, JPEG or PNG), kept in Postgres with the case so that a
 * backup holds both and a download passes the same scope check as the case. The type is the one
 * sniffed from the content at upload, never the browser's claim.
 */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type', { enum: DOCUMENT_TYPES }).notNull(),
    /** What the document proves: 'supporting' (any), or for student aid 'admission_letter' / 'enrolment_certificate'. */
    purpose: text('purpose', { enum: DOCUMENT_PURPOSES }).notNull().default('supporting'),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_documents_case_idx').on(t.caseId),
    check('case_documents_type_check', inList(t.contentType, DOCUMENT_TYPES)),
    check('case_documents_purpose_check', inList(t.purpose, DOCUMENT_PURPOSES)),
    check(
      'case_documents_size_check',
      sql`${t.sizeBytes} > 0 AND ${t.sizeBytes} <= 10485760 AND octet_length(${t.content}) = ${t.sizeBytes}`,
    ),
  ],
);

/** Settings leaders change (e.g. the publicity window's length): one JSON value per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
