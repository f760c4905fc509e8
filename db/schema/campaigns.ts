import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
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
import { CAMPAIGN_STATES, ENTRY_STATES, HANDOVER_METHODS, OCCASIONS } from '../../lib/campaigns/rules';
import { DOCUMENT_TYPES } from './cases';
import { orgUnits } from './org';
import { CATEGORIES, categorySeverity, households } from './register';
import { users } from './users';

const inList = (col: unknown, values: readonly string[]) =>
  sql`${col} IN (${sql.raw(values.map((v) => `'${v}'`).join(','))})`;

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * A batch campaign (送温暖, Mid-Autumn visits, …): a leader sets the budget, the amount per
 * category and the branches' quotas; the list is drawn from the register and handed over.
 * `spent_fen` is drawn by guarded updates and the CHECK refuses any overspend that slipped past.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    occasion: text('occasion', { enum: OCCASIONS }).notNull(),
    heldOn: date('held_on').notNull(),
    // bigint: a province-wide Spring Festival campaign passes int4's ¥21,474,836.47.
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    spentFen: bigint('spent_fen', { mode: 'number' }).notNull().default(0),
    state: text('state', { enum: CAMPAIGN_STATES }).notNull().default('listing'),
    /** Whether the approved list is shown to everyone (names masked). */
    publicList: boolean('public_list').notNull().default(false),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaigns_held_on_idx').on(t.heldOn),
    check('campaigns_occasion_check', inList(t.occasion, OCCASIONS)),
    check('campaigns_state_check', inList(t.state, CAMPAIGN_STATES)),
    check('campaigns_spent_check', sql`${t.spentFen} >= 0 AND ${t.spentFen} <= ${t.budgetFen}`),
    check('campaigns_approved_check', sql`(${t.state} = 'approved') = (${t.approvedAt} IS NOT NULL)`),
  ],
);

/** What a household of one category receives in this campaign: cash and/or goods. */
export const campaignAmounts = pgTable(
  'campaign_amounts',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    category: text('category', { enum: CATEGORIES }).notNull(),
    cashFen: integer('cash_fen').notNull().default(0),
    items: text('items').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.category] }),
    check('campaign_amounts_category_check', inList(t.category, CATEGORIES)),
    check('campaign_amounts_something_check', sql`${t.cashFen} > 0 OR ${t.items} <> ''`),
    check('campaign_amounts_cash_check', sql`${t.cashFen} >= 0`),
  ],
);

/**
 * A branch's quota and how many of its places are taken (`listed`, kept by guarded updates as the
 * list changes); the branch's confirmation ends its officials' adjustments.
 */
export const campaignQuotas = pgTable(
  'campaign_quotas',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    branchId: integer('branch_id')
      .notNull()
      .references(() => orgUnits.id),
    quota: integer('quota').notNull(),
    listed: integer('listed').notNull().default(0),
    confirmedBy: integer('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.branchId] }),
    check('campaign_quotas_listed_check', sql`${t.listed} >= 0 AND ${t.listed} <= ${t.quota}`),
  ],
);

/**
 * One household on a campaign's list: at most one row per household and campaign (a removed
 * household keeps its row with the reason, so adding it again reuses it). `unit_id` is the
 * household's unit when drawn: the sub-branch whose sign-for list carries it.
 */
export const campaignEntries = pgTable(
  'campaign_entries',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    branchId: integer('branch_id')
      .notNull()
      .references(() => orgUnits.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    category: text('category', { enum: CATEGORIES }).notNull(),
    cashFen: integer('cash_fen').notNull(),
    items: text('items').notNull().default(''),
    state: text('state', { enum: ENTRY_STATES }).notNull().default('listed'),
    /** 'drawn' by the rule, or 'added' by an official. */
    source: text('source', { enum: ['drawn', 'added'] }).notNull(),
    /** Why it was added, removed or marked unreachable. */
    reason: text('reason').notNull().default(''),
    /** Why the amount differs from the category's rule; '' when it follows the rule. */
    amountReason: text('amount_reason').notNull().default(''),
    handedOverOn: date('handed_over_on'),
    handedOverBy: text('handed_over_by'),
    receivedBy: text('received_by'),
    method: text('method', { enum: HANDOVER_METHODS }),
    reference: text('reference'),
    recordedBy: integer('recorded_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('campaign_entries_household_key').on(t.campaignId, t.householdId),
    // The list's order within a sub-branch (db/queries/campaigns.ts ENTRY_ORDER): a keyset page
    // reads one index range per sub-branch however large the campaign. Also serves (campaign, unit).
    index('campaign_entries_order_idx').on(t.campaignId, t.unitId, categorySeverity(t.category), t.householdId),
    index('campaign_entries_household_idx').on(t.householdId),
    check('campaign_entries_state_check', inList(t.state, ENTRY_STATES)),
    check('campaign_entries_cash_check', sql`${t.cashFen} >= 0`),
    check(
      'campaign_entries_delivered_check',
      sql`(${t.state} = 'delivered') = (${t.handedOverOn} IS NOT NULL AND ${t.method} IS NOT NULL)`,
    ),
  ],
);

/** The signed sign-for list (签领表) of one sub-branch, scanned: once uploaded, that part is locked. */
export const campaignSheets = pgTable(
  'campaign_sheets',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type', { enum: DOCUMENT_TYPES }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('campaign_sheets_unit_key').on(t.campaignId, t.unitId),
    check('campaign_sheets_type_check', inList(t.contentType, DOCUMENT_TYPES)),
    check(
      'campaign_sheets_size_check',
      sql`${t.sizeBytes} > 0 AND ${t.sizeBytes} <= 10485760 AND octet_length(${t.content}) = ${t.sizeBytes}`,
    ),
  ],
);
