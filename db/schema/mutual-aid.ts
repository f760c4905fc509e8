import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import type { PayoutLine } from '../../lib/mutual-aid/payout';
import {
  CONTRIBUTION_STATUSES,
  ENROLMENT_STATES,
  SCHEME_KINDS,
  type ClaimDocument,
  type PayoutRule,
} from '../../lib/mutual-aid/rules';
import { cases } from './cases';
import { orgUnits } from './org';
import { users } from './users';

const inList = (col: unknown, values: readonly string[]) =>
  sql`${col} IN (${sql.raw(values.map((v) => `'${v}'`).join(','))})`;

/**
 * A scheme (险种) of the medical mutual-aid society or the mutual-aid insurance association. What
 * it pays and costs lives in its versions; the scheme itself is only its name and kind.
 */
export const mutualSchemes = pgTable(
  'mutual_schemes',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    kind: text('kind', { enum: SCHEME_KINDS }).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('mutual_schemes_code_key').on(t.code),
    check('mutual_schemes_kind_check', inList(t.kind, SCHEME_KINDS)),
  ],
);

/**
 * One version of a scheme's rules, effective from a date. Versions are never edited: a leader's edit
 * inserts a new one, so a claim keeps pointing at the version its payout was computed with.
 */
export const mutualSchemeVersions = pgTable(
  'mutual_scheme_versions',
  {
    id: serial('id').primaryKey(),
    schemeId: integer('scheme_id')
      .notNull()
      .references(() => mutualSchemes.id),
    effectiveOn: date('effective_on').notNull(),
    contributionFen: integer('contribution_fen').notNull(),
    unionFen: integer('union_fen').notNull(),
    unitFen: integer('unit_fen').notNull(),
    memberFen: integer('member_fen').notNull(),
    maxShares: integer('max_shares').notNull(),
    termYears: integer('term_years').notNull(),
    windowStart: text('window_start').notNull(),
    windowEnd: text('window_end').notNull(),
    waitingDays: integer('waiting_days').notNull(),
    renewalGraceDays: integer('renewal_grace_days').notNull(),
    filingDeadline: text('filing_deadline').notNull(),
    publish: boolean('publish').notNull(),
    documents: jsonb('documents').$type<ClaimDocument[]>().notNull(),
    rule: jsonb('rule').$type<PayoutRule>().notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mutual_scheme_versions_scheme_idx').on(t.schemeId, t.effectiveOn),
    check(
      'mutual_scheme_versions_money_check',
      sql`${t.contributionFen} >= 0 AND ${t.unionFen} >= 0 AND ${t.unitFen} >= 0 AND ${t.memberFen} >= 0
        AND ${t.unionFen} + ${t.unitFen} + ${t.memberFen} = ${t.contributionFen}`,
    ),
    check(
      'mutual_scheme_versions_shares_check',
      sql`${t.maxShares} BETWEEN 1 AND 10 AND ${t.termYears} BETWEEN 1 AND 5`,
    ),
    check(
      'mutual_scheme_versions_days_check',
      sql`${t.waitingDays} BETWEEN 0 AND 365 AND ${t.renewalGraceDays} BETWEEN 0 AND 365`,
    ),
  ],
);

/**
 * A member's enrolment (参保) in a scheme for a term (first year `year`). Listed by the unit's
 * official (or requested by the worker), confirmed by the branch. The contribution is recorded per
 * member. `cover_from` is fixed at confirmation (waiting period or continuity).
 */
export const mutualEnrolments = pgTable(
  'mutual_enrolments',
  {
    id: serial('id').primaryKey(),
    schemeId: integer('scheme_id')
      .notNull()
      .references(() => mutualSchemes.id),
    versionId: integer('version_id')
      .notNull()
      .references(() => mutualSchemeVersions.id),
    year: integer('year').notNull(),
    termStart: date('term_start').notNull(),
    termEnd: date('term_end').notNull(),
    memberId: integer('member_id')
      .notNull()
      .references(() => users.id),
    /** The member's unit when listed, for scope. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    shares: integer('shares').notNull(),
    state: text('state', { enum: ENROLMENT_STATES }).notNull(),
    enrolledOn: date('enrolled_on').notNull(),
    coverFrom: date('cover_from').notNull(),
    continuous: boolean('continuous').notNull().default(false),
    contributionFen: integer('contribution_fen').notNull(),
    contributionStatus: text('contribution_status', { enum: CONTRIBUTION_STATUSES }).notNull().default('unpaid'),
    listedBy: integer('listed_by').references(() => users.id),
    confirmedBy: integer('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('mutual_enrolments_member_key').on(t.schemeId, t.year, t.memberId),
    index('mutual_enrolments_member_idx').on(t.memberId, t.schemeId, t.termEnd),
    // The enrolment list: one scheme-year, by unit, in id order (keyset).
    index('mutual_enrolments_list_idx').on(t.schemeId, t.year, t.unitId, t.id),
    index('mutual_enrolments_year_id_idx').on(t.year, t.id),
    check('mutual_enrolments_state_check', inList(t.state, ENROLMENT_STATES)),
    check('mutual_enrolments_contribution_check', inList(t.contributionStatus, CONTRIBUTION_STATUSES)),
    check('mutual_enrolments_shares_check', sql`${t.shares} BETWEEN 1 AND 10 AND ${t.contributionFen} >= 0`),
    check('mutual_enrolments_term_check', sql`${t.termStart} <= ${t.termEnd} AND ${t.coverFrom} >= ${t.termStart}`),
    check(
      'mutual_enrolments_confirmed_check',
      sql`(${t.state} = 'confirmed') = (${t.confirmedAt} IS NOT NULL) OR ${t.state} = 'cancelled'`,
    ),
  ],
);

/**
 * A member's yearly cap in a scheme: what approved claims have drawn (`used_fen`) of `cap_fen`.
 * Every draw is `UPDATE … SET used_fen = used_fen + $a WHERE used_fen + $a <= cap_fen`; the CHECK
 * refuses whatever might slip past, so two claims approved at once can never exceed the cap.
 */
export const mutualCaps = pgTable(
  'mutual_caps',
  {
    id: serial('id').primaryKey(),
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => mutualEnrolments.id),
    year: integer('year').notNull(),
    capFen: integer('cap_fen').notNull(),
    usedFen: integer('used_fen').notNull().default(0),
  },
  (t) => [
    unique('mutual_caps_enrolment_year_key').on(t.enrolmentId, t.year),
    check('mutual_caps_used_check', sql`${t.usedFen} >= 0 AND ${t.usedFen} <= ${t.capFen}`),
  ],
);

/**
 * A scheme-year's fund: contributions in (confirmed enrolments' contributions once paid or
 * deducted), payouts out (claims paid). Kept by the same transactions that move the money.
 */
export const mutualFunds = pgTable(
  'mutual_funds',
  {
    id: serial('id').primaryKey(),
    schemeId: integer('scheme_id')
      .notNull()
      .references(() => mutualSchemes.id),
    year: integer('year').notNull(),
    contributionsFen: bigint('contributions_fen', { mode: 'number' }).notNull().default(0),
    payoutsFen: bigint('payouts_fen', { mode: 'number' }).notNull().default(0),
    payouts: integer('payouts').notNull().default(0),
  },
  (t) => [
    unique('mutual_funds_scheme_year_key').on(t.schemeId, t.year),
    check('mutual_funds_money_check', sql`${t.contributionsFen} >= 0 AND ${t.payoutsFen} >= 0 AND ${t.payouts} >= 0`),
  ],
);

/**
 * The facts of a mutual-aid claim, beside its case (kind 'mutual_aid', one chain for every kind).
 * The diagnosis is health information: only the member, officials in scope and leaders read it.
 */
export const mutualClaims = pgTable(
  'mutual_claims',
  {
    caseId: integer('case_id')
      .primaryKey()
      .references(() => cases.id),
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => mutualEnrolments.id),
    schemeId: integer('scheme_id')
      .notNull()
      .references(() => mutualSchemes.id),
    /** The case's unit (the member's when filed), here too so a claims list reads one index range per unit. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    versionId: integer('version_id')
      .notNull()
      .references(() => mutualSchemeVersions.id),
    /** The cap year (the event's) and whether the approval has drawn on it. */
    capYear: integer('cap_year').notNull(),
    capDrawnFen: integer('cap_drawn_fen').notNull().default(0),
    hospital: text('hospital').notNull().default(''),
    admittedOn: date('admitted_on'),
    dischargedOn: date('discharged_on'),
    totalFen: integer('total_fen').notNull(),
    basicFen: integer('basic_fen').notNull(),
    otherFen: integer('other_fen').notNull(),
    selfPaidFen: integer('self_paid_fen').notNull(),
    itemCode: text('item_code'),
    diagnosis: text('diagnosis').notNull(),
    lines: jsonb('lines').$type<PayoutLine[]>().notNull(),
    payoutFen: integer('payout_fen').notNull(),
  },
  (t) => [
    index('mutual_claims_enrolment_idx').on(t.enrolmentId, t.capYear),
    // The claims list: one scheme-year, newest first (a leader's), or within each of an official's units.
    // The payout is in the key so a leader's page reads the index alone: with the heap to visit,
    // the planner preferred walking the primary key from the newest claim (this year's first).
    index('mutual_claims_list_idx').on(t.schemeId, t.capYear, t.caseId, t.payoutFen),
    index('mutual_claims_unit_list_idx').on(t.schemeId, t.capYear, t.unitId, t.caseId),
    check(
      'mutual_claims_costs_check',
      sql`${t.totalFen} >= 0 AND ${t.basicFen} >= 0 AND ${t.otherFen} >= 0 AND ${t.selfPaidFen} >= 0
        AND ${t.basicFen} + ${t.otherFen} + ${t.selfPaidFen} = ${t.totalFen}`,
    ),
    check(
      'mutual_claims_dates_check',
      sql`${t.admittedOn} IS NULL OR ${t.dischargedOn} IS NULL OR ${t.dischargedOn} >= ${t.admittedOn}`,
    ),
    check('mutual_claims_payout_check', sql`${t.payoutFen} > 0 AND ${t.capDrawnFen} IN (0, ${t.payoutFen})`),
  ],
);

export type MutualClaimRow = typeof mutualClaims.$inferSelect;
