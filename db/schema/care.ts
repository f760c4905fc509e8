import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { HANDOVER_METHODS, PERSON_KINDS } from '../../lib/campaigns/rules';
import { HELP_KINDS, STOP_REASONS, SURVIVOR_STATUSES } from '../../lib/care/rules';
import { campaigns } from './campaigns';
import { orgUnits } from './org';
import { RELATIONS } from './register';
import { users } from './users';
import { encrypted } from './pii';

const inList = (col: unknown, values: readonly string[]) =>
  sql`${col} IN (${sql.raw(values.map((v) => `'${v}'`).join(','))})`;

/**
 * A survivor (遗属) of a deceased worker: linked to the worker's account when there is one, kept
 * in the deceased's unit (the scope). An allowance that stops keeps the row with the reason.
 */
export const survivors = pgTable(
  'survivors',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    deceasedWorkerId: integer('deceased_worker_id').references(() => users.id),
    deceasedName: text('deceased_name').notNull(),
    diedOn: date('died_on'),
    name: text('name').notNull(),
    relation: text('relation', { enum: RELATIONS }).notNull(),
    birthDate: date('birth_date').notNull(),
    monthlyIncomeFen: integer('monthly_income_fen').notNull().default(0),
    /** The monthly dependant allowance, 0 when the survivor receives only the yearly subsidy. */
    monthlyAllowanceFen: integer('monthly_allowance_fen').notNull().default(0),
    livesAlone: boolean('lives_alone').notNull().default(false),
    phone: encrypted('phone')('phone').notNull().default(''),
    address: text('address').notNull().default(''),
    /** Encrypted at rest; leaves the server masked (lib/mask.ts) like ID numbers. */
    bankCard: encrypted('bankCard')('bank_card').notNull().default(''),
    status: text('status', { enum: SURVIVOR_STATUSES }).notNull().default('active'),
    stoppedOn: date('stopped_on'),
    stopReason: text('stop_reason', { enum: STOP_REASONS }),
    stopNote: text('stop_note').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survivors_unit_idx').on(t.unitId, t.status),
    index('survivors_deceased_idx').on(t.deceasedWorkerId),
    check('survivors_status_check', inList(t.status, SURVIVOR_STATUSES)),
    check('survivors_money_check', sql`${t.monthlyIncomeFen} >= 0 AND ${t.monthlyAllowanceFen} >= 0`),
    check(
      'survivors_stopped_check',
      sql`(${t.status} = 'stopped') = (${t.stoppedOn} IS NOT NULL AND ${t.stopReason} IS NOT NULL)`,
    ),
  ],
);

/** The yearly check (年审) of a survivor: alive, still eligible, and the year's subsidy paid with it. Once a year. */
export const survivorChecks = pgTable(
  'survivor_checks',
  {
    id: serial('id').primaryKey(),
    survivorId: integer('survivor_id')
      .notNull()
      .references(() => survivors.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    checkedOn: date('checked_on').notNull(),
    alive: boolean('alive').notNull(),
    eligible: boolean('eligible').notNull(),
    /** The year's Spring Festival subsidy handed over with the check (fen), 0 if none. */
    subsidyFen: integer('subsidy_fen').notNull().default(0),
    note: text('note').notNull().default(''),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    unique('survivor_checks_year_key').on(t.survivorId, t.year),
    check('survivor_checks_subsidy_check', sql`${t.subsidyFen} >= 0`),
  ],
);

/** A lone elderly person (孤寡老人) on a visit schedule: every `visit_every_days` days. */
export const lonelyElders = pgTable(
  'lonely_elders',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    name: text('name').notNull(),
    birthDate: date('birth_date').notNull(),
    address: text('address').notNull(),
    phone: encrypted('phone')('phone').notNull().default(''),
    /** Who they are to the mine: a retired worker, a survivor, … in words. */
    background: text('background').notNull().default(''),
    visitEveryDays: integer('visit_every_days').notNull(),
    since: date('since').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('lonely_elders_unit_idx').on(t.unitId, t.active),
    check('lonely_elders_every_check', sql`${t.visitEveryDays} BETWEEN 1 AND 366`),
  ],
);

export const elderVisits = pgTable(
  'elder_visits',
  {
    id: serial('id').primaryKey(),
    elderId: integer('elder_id')
      .notNull()
      .references(() => lonelyElders.id, { onDelete: 'cascade' }),
    visitedOn: date('visited_on').notNull(),
    visitors: text('visitors').notNull(),
    notes: text('notes').notNull().default(''),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('elder_visits_elder_idx').on(t.elderId, t.visitedOn)],
);

/**
 * Help given to a lone elderly person, with any fees advanced (垫付) by the union's people and
 * their later settlement: settled once, for at most what was advanced.
 */
export const elderHelp = pgTable(
  'elder_help',
  {
    id: serial('id').primaryKey(),
    elderId: integer('elder_id')
      .notNull()
      .references(() => lonelyElders.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: HELP_KINDS }).notNull(),
    on: date('on').notNull(),
    description: text('description').notNull(),
    advancedFen: integer('advanced_fen').notNull().default(0),
    advancedBy: text('advanced_by').notNull().default(''),
    settledOn: date('settled_on'),
    settledFen: integer('settled_fen'),
    settleNote: text('settle_note').notNull().default(''),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('elder_help_elder_idx').on(t.elderId, t.on),
    index('elder_help_unsettled_idx')
      .on(t.elderId)
      .where(sql`${t.advancedFen} > 0 AND ${t.settledOn} IS NULL`),
    check('elder_help_kind_check', inList(t.kind, HELP_KINDS)),
    check('elder_help_advanced_check', sql`${t.advancedFen} >= 0`),
    check(
      'elder_help_settled_check',
      sql`(${t.settledOn} IS NULL) = (${t.settledFen} IS NULL) AND (${t.settledFen} IS NULL OR (${t.advancedFen} > 0 AND ${t.settledFen} BETWEEN 0 AND ${t.advancedFen}))`,
    ),
  ],
);

/**
 * A campaign's option to list people besides the households, one row per kind the leader chose:
 * what each active survivor (遗属, still receiving) or active lone elderly person (孤寡老人) in a
 * branch with a quota receives. They are listed apart from the households, outside the branches'
 * household quotas, drawn with the list (db/campaign-draw.ts).
 */
export const campaignPersonRules = pgTable(
  'campaign_person_rules',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: PERSON_KINDS }).notNull(),
    cashFen: integer('cash_fen').notNull().default(0),
    items: text('items').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.kind] }),
    check('campaign_person_rules_kind_check', inList(t.kind, PERSON_KINDS)),
    check('campaign_person_rules_something_check', sql`${t.cashFen} > 0 OR ${t.items} <> ''`),
    check('campaign_person_rules_cash_check', sql`${t.cashFen} >= 0`),
  ],
);

/**
 * One person on a campaign's list — a survivor or a lone elderly person, by `kind` with that kind's
 * id set — once per person and campaign (the unique keys); handed over once, on the campaign's
 * budget; `unit_id` is the person's sub-branch when drawn, whose signed sign-for list locks it.
 */
export const campaignPersonEntries = pgTable(
  'campaign_person_entries',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: PERSON_KINDS }).notNull(),
    survivorId: integer('survivor_id').references(() => survivors.id),
    elderId: integer('elder_id').references(() => lonelyElders.id),
    branchId: integer('branch_id')
      .notNull()
      .references(() => orgUnits.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    cashFen: integer('cash_fen').notNull(),
    items: text('items').notNull().default(''),
    handedOverOn: date('handed_over_on'),
    method: text('method', { enum: HANDOVER_METHODS }),
    handedOverBy: text('handed_over_by'),
    receivedBy: text('received_by'),
    reference: text('reference'),
    recordedBy: integer('recorded_by').references(() => users.id),
  },
  (t) => [
    unique('campaign_person_entries_survivor_key').on(t.campaignId, t.survivorId),
    unique('campaign_person_entries_elder_key').on(t.campaignId, t.elderId),
    index('campaign_person_entries_unit_idx').on(t.campaignId, t.unitId),
    index('campaign_person_entries_survivor_idx').on(t.survivorId),
    index('campaign_person_entries_elder_idx').on(t.elderId),
    check('campaign_person_entries_kind_check', inList(t.kind, PERSON_KINDS)),
    check(
      'campaign_person_entries_person_check',
      sql`(${t.kind} = 'survivor' AND ${t.survivorId} IS NOT NULL AND ${t.elderId} IS NULL) OR (${t.kind} = 'elder' AND ${t.elderId} IS NOT NULL AND ${t.survivorId} IS NULL)`,
    ),
    check('campaign_person_entries_cash_check', sql`${t.cashFen} >= 0`),
    check('campaign_person_entries_handed_check', sql`(${t.handedOverOn} IS NULL) = (${t.method} IS NULL)`),
  ],
);
