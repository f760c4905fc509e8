import 'server-only';
import { aliasedTable, and, count, eq, not, or, sql, sum, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { cases, caseStats, householdMembers, households, orgUnits, paymentMonths, payments, users } from '@/db/schema';
import type { LedgerRows } from '@/lib/exports/columns';
import type { Ledger, LedgerFilters, PaymentParams } from '@/lib/exports/ledgers';
import { maskingFor } from '@/lib/exports/masking';
import type { Fen } from '@/lib/money';
import { likePrefix, scopeOf, type Actor } from '@/lib/scope';
import { CASE_ORDER, caseListReads, withCaseJoins } from './case-views';
import { caseReadable } from './cases';
import {
  after,
  anyOf,
  cursorOf,
  fewUnits,
  keysetPage,
  pageOf,
  type KeysetPage,
  type PageAt,
  type PageRequest,
  type SortTerm,
  type Total,
} from './keyset';
import { unitsWhere } from './scope';
import { helperCount, householdListQuery, householdOrder, lastVisit } from './register';

/**
 * The ledgers' reads for export: the list pages' own WHERE (scope included) and order, read in
 * keyset batches — each batch one short query that starts after the last row of the one before —
 * so a ledger of a million rows is never in memory at once, no transaction or connection is held
 * while the browser downloads, and a deep batch costs what the first one does. Identifiers are
 * masked here, as rows arrive, by the exporter's role.
 */

/** Rows per batch: large enough that round trips do not dominate, small enough to stay a few hundred KB. */
export const EXPORT_BATCH = 1000;

export interface LedgerSource<R> {
  /** How many rows the file will hold (the list's total for the same filters). */
  count(): Promise<number>;
  /** The rows in the list's order, `size` at a time. */
  batches(size?: number): AsyncGenerator<R[]>;
}

type Result<Q extends PgSelect> = Omit<Awaited<Q>[number], 'cursor'>;

/**
 * A ledger read in keyset batches until one comes back short: `query` is the ledger's select with
 * its joins (the cursor among its fields), to which each batch adds the WHERE, order and limit.
 */
function keysetSource<Q extends PgSelect, R>(o: {
  /** The WHERE of a batch: fixed, or per batch where the list narrows each read (the cases). */
  where: SQL | undefined | ((req: PageRequest) => SQL | undefined);
  terms: SortTerm[];
  count: () => Promise<number>;
  query: (cursor: SQL<string[]>) => Q;
  row: (r: Result<Q>) => R;
}): LedgerSource<R> {
  const cursor = cursorOf(o.terms);
  return {
    count: o.count,
    async *batches(size = EXPORT_BATCH) {
      let last: string[] | null = null;
      for (;;) {
        const req: PageRequest = { terms: o.terms, edge: last, limit: size };
        const batch = (await pageOf(
          o.query(cursor),
          typeof o.where === 'function' ? o.where(req) : o.where,
          req,
        )) as (Result<Q> & { cursor: string[] })[];
        if (batch.length === 0) return;
        last = batch[batch.length - 1].cursor;
        yield batch.map(({ cursor: _cursor, ...r }) => o.row(r as unknown as Result<Q>));
        if (batch.length < size) return;
      }
    },
  };
}

// ── The register (困难职工台账) ────────────────────────────────────────────────────────────────

const memberCount = sql<number>`(SELECT count(*)::int FROM ${householdMembers} m WHERE m.household_id = ${households.id})`;

function withHouseholdJoins<T extends PgSelect>(qb: T) {
  return qb.innerJoin(users, eq(users.id, households.workerId)).innerJoin(orgUnits, eq(orgUnits.id, households.unitId));
}

async function registerSource(
  db: Queryable,
  actor: Actor,
  f: LedgerFilters['register'],
): Promise<LedgerSource<LedgerRows['register']>> {
  const { where, sortColumn } = await householdListQuery(db, actor, { ...f, missingHelper: f.missingHelper === '1' });
  const mask = maskingFor(actor.role);
  return keysetSource({
    where,
    terms: householdOrder(sortColumn, f.dir),
    count: async () =>
      (await withHouseholdJoins(db.select({ n: count() }).from(households).$dynamic()).where(where))[0].n,
    query: (cursor) =>
      withHouseholdJoins(
        db
          .select({
            employeeNo: users.employeeNo,
            workerName: users.name,
            idNumber: users.idNumber,
            unitName: orgUnits.name,
            category: households.category,
            keepingLevel: households.keepingLevel,
            status: households.status,
            causes: households.causes,
            monthlyIncomeFen: households.monthlyIncomeFen,
            memberCount,
            phone: households.phone,
            filedOn: households.filedOn,
            reviewDue: households.reviewDue,
            exitedOn: households.exitedOn,
            helperCount,
            lastVisit,
            cursor,
          })
          .from(households)
          .$dynamic(),
      ),
    row: (r) => ({ ...r, idNumber: mask.idNumber(r.idNumber), phone: mask.phone(r.phone) }),
  });
}

// ── The cases (帮扶申请台账) ───────────────────────────────────────────────────────────────────

async function casesSource(
  db: Queryable,
  actor: Actor,
  f: LedgerFilters['cases'],
): Promise<LedgerSource<LedgerRows['cases']>> {
  // The list's own reads, so the file holds exactly its rows, read as fast as its pages.
  const reads = await caseListReads(db, actor, f);
  const mask = maskingFor(actor.role);
  return keysetSource({
    where: reads.page,
    terms: CASE_ORDER,
    count: async () => (await withCaseJoins(db.select({ n: count() }).from(cases).$dynamic()).where(reads.all))[0].n,
    query: (cursor) =>
      withCaseJoins(
        db
          .select({
            id: cases.id,
            kind: cases.kind,
            aidKind: cases.aidKind,
            state: cases.state,
            employeeNo: users.employeeNo,
            applicantName: users.name,
            idNumber: users.idNumber,
            unitName: orgUnits.name,
            amountFen: cases.amountFen,
            appliedOn: cases.appliedOn,
            paidOn: payments.paidOn,
            // The day as the mine's calendar has it, as the list shows it.
            updatedOn: sql<string>`(${cases.updatedAt} AT TIME ZONE 'Asia/Shanghai')::date::text`,
            cursor,
          })
          .from(cases)
          .$dynamic(),
      ).leftJoin(payments, eq(payments.caseId, cases.id)),
    row: (r) => ({ ...r, idNumber: mask.idNumber(r.idNumber) }),
  });
}

// ── The payment ledger (发放台账) ──────────────────────────────────────────────────────────────

export const PAYMENT_PAGE_SIZE = 20;

/** Newest payment first. */
const PAYMENT_ORDER: SortTerm[] = [
  { expr: payments.paidOn, dir: 'desc' },
  { expr: payments.id, dir: 'desc' },
];

type PaymentFilters = Omit<PaymentParams, 'page'>;

/** The path of the unit a filter names: undefined when none is named, null when it does not exist. */
async function filterUnitPath(db: Queryable, unitId: number | undefined): Promise<string | null | undefined> {
  if (!unitId) return undefined;
  return (await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, unitId)))[0]?.path ?? null;
}

/** A unit filter over org_units: the unit and the units below it (nothing when it does not exist). */
const underUnit = (unitPath: string | null | undefined) =>
  unitPath === undefined ? undefined : unitPath ? sql`${orgUnits.path} LIKE ${likePrefix(unitPath)}` : sql`false`;

/**
 * Payments whose case the actor may read (an official's unit and below, leaders all), over
 * payments joined to cases, org_units (the case's unit) and users (the applicant).
 */
function paymentFilter(actor: Actor, f: PaymentFilters, unitPath: string | null | undefined): SQL | undefined {
  return and(caseReadable(actor), paymentRowFilter(f), underUnit(unitPath));
}

const paidIn = (f: PaymentFilters) =>
  f.year ? sql`${payments.paidOn} BETWEEN ${`${f.year}-01-01`}::date AND ${`${f.year}-12-31`}::date` : undefined;
const ofKind = (f: PaymentFilters) => (f.aidKind ? eq(cases.aidKind, f.aidKind) : undefined);

/** The year paid and the aid kind, over payments joined to cases. */
const paymentRowFilter = (f: PaymentFilters) => and(paidIn(f), ofKind(f));

async function paymentWhere(db: Queryable, actor: Actor, f: PaymentFilters): Promise<SQL | undefined> {
  return paymentFilter(actor, f, await filterUnitPath(db, f.unitId));
}

const recorder = aliasedTable(users, 'recorder');

const paymentFields = {
  id: payments.id,
  caseId: cases.id,
  kind: cases.kind,
  aidKind: cases.aidKind,
  employeeNo: users.employeeNo,
  applicantName: users.name,
  unitName: orgUnits.name,
  amountFen: payments.amountFen,
  paidOn: payments.paidOn,
  method: payments.method,
  reference: payments.reference,
  recordedByName: recorder.name,
};

/** Payments joined to their case, the case's unit, the applicant and whoever recorded the payment. */
function withPaymentJoins<T extends PgSelect>(qb: T) {
  return qb
    .innerJoin(cases, eq(cases.id, payments.caseId))
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .innerJoin(users, eq(users.id, cases.applicantId))
    .innerJoin(recorder, eq(recorder.id, payments.recordedBy));
}

export type PaymentRow = Omit<LedgerRows['payments'], 'idNumber'> & { id: number };

/**
 * The ledger's count and money for its filters, exact and without reading millions of payments:
 * the aggregates kept in each payment's transaction (payment_months; case_stats' `paid` rows, by
 * aid kind, when a kind is chosen — both keyed by the case's unit and the year paid), summed over
 * the units in scope under the chosen unit, plus the actor's own payments made while in a unit
 * outside their scope today (an applicant always reads their own cases), from the base tables.
 */
async function paymentTotals(
  db: Queryable,
  actor: Actor,
  f: PaymentFilters,
  unitPath: string | null | undefined,
): Promise<{ count: number; fen: Fen }> {
  if (actor.role === 'admin') return { count: 0, fen: 0 };
  const scope = unitsWhere(scopeOf(actor));
  const units = and(scope, underUnit(unitPath));
  const [aggregated] = f.aidKind
    ? await db
        .select({ n: sum(caseStats.cases).mapWith(Number), fen: sum(caseStats.amountFen).mapWith(Number) })
        .from(caseStats)
        .leftJoin(orgUnits, eq(orgUnits.id, caseStats.unitId))
        .where(
          and(
            eq(caseStats.measure, 'paid'),
            eq(caseStats.aidKind, f.aidKind),
            f.year ? eq(caseStats.year, f.year) : undefined,
            units,
          ),
        )
    : await db
        .select({ n: sum(paymentMonths.payments).mapWith(Number), fen: sum(paymentMonths.amountFen).mapWith(Number) })
        .from(paymentMonths)
        .leftJoin(orgUnits, eq(orgUnits.id, paymentMonths.unitId))
        .where(and(f.year ? eq(paymentMonths.year, f.year) : undefined, units));
  const [own] = scope
    ? await withPaymentJoins(
        db
          .select({ n: count(), fen: sum(payments.amountFen).mapWith(Number) })
          .from(payments)
          .$dynamic(),
      ).where(and(paymentFilter(actor, f, unitPath), eq(cases.applicantId, actor.userId), not(scope)))
    : [{ n: 0, fen: 0 }];
  return { count: (aggregated?.n ?? 0) + own.n, fen: (aggregated?.fen ?? 0) + (own.fen ?? 0) };
}

/**
 * One page of the payment ledger, newest first, after or before a cursor (PageAt), with the exact
 * count and money of everything the filters select.
 */
export async function listPayments(
  db: Queryable,
  actor: Actor,
  f: PaymentFilters,
  at: PageAt = {},
): Promise<KeysetPage<PaymentRow> & { total: Total; totalFen: Fen }> {
  const unitPath = await filterUnitPath(db, f.unitId);
  const units = await fewUnits(db, scopeOf(actor), unitPath);
  const where = paymentFilter(actor, f, unitPath);
  const cursor = cursorOf(PAYMENT_ORDER);
  /**
   * Confined to a few units (an official's), the page's candidates first, by keys alone: the
   * units' payments past the edge (their cases all readable: in scope, submitted), found from the
   * units' cases one by one and sorted — a five-hundredth of the ledger, read the same at any
   * depth, where walking the ledger's date index would pass every other unit's payments to find
   * them. The units' cases are read first on their own (MATERIALIZED: else Postgres ANDs in the
   * aid kind's index, most of a million entries), and LIMIT 1 (a payment per case) keeps it from
   * hashing the whole ledger to join them. Plus the actor's own, readable wherever they were made.
   */
  const confined = (req: PageRequest) => {
    if (!units) return undefined;
    const payment = db
      .select({ id: payments.id, paidOn: payments.paidOn })
      .from(payments)
      .where(and(eq(payments.caseId, cases.id), paidIn(f), req.edge ? after(req.terms, req.edge) : undefined))
      .limit(1);
    const unitCases = db.select({ id: cases.id, aidKind: cases.aidKind }).from(cases).where(anyOf(cases.unitId, units));
    const dir = sql.raw(req.terms[0].dir);
    return or(
      sql`${payments.id} = ANY(ARRAY(WITH unit_cases AS MATERIALIZED (${unitCases}) SELECT k.id FROM unit_cases AS ${cases} CROSS JOIN LATERAL (${payment}) k WHERE ${ofKind(f) ?? sql`true`} ORDER BY k.paid_on ${dir}, k.id ${dir} LIMIT ${req.limit}))`,
      sql`${payments.caseId} = ANY(ARRAY(SELECT c.id FROM ${cases} c WHERE c.applicant_id = ${actor.userId}))`,
    );
  };
  const [page, totals] = await Promise.all([
    keysetPage(PAYMENT_ORDER, at, PAYMENT_PAGE_SIZE, (req) =>
      pageOf(
        withPaymentJoins(
          db
            .select({ ...paymentFields, cursor })
            .from(payments)
            .$dynamic(),
        ),
        and(where, confined(req)),
        req,
      ),
    ),
    paymentTotals(db, actor, f, unitPath),
  ]);
  return { ...page, total: { count: totals.count, capped: false }, totalFen: totals.fen };
}

async function paymentsSource(
  db: Queryable,
  actor: Actor,
  f: LedgerFilters['payments'],
): Promise<LedgerSource<LedgerRows['payments']>> {
  const where = await paymentWhere(db, actor, f);
  const mask = maskingFor(actor.role);
  return keysetSource({
    where,
    terms: PAYMENT_ORDER,
    count: async () => (await withPaymentJoins(db.select({ n: count() }).from(payments).$dynamic()).where(where))[0].n,
    query: (cursor) =>
      withPaymentJoins(
        db
          .select({ ...paymentFields, idNumber: users.idNumber, cursor })
          .from(payments)
          .$dynamic(),
      ),
    row: ({ id: _id, ...r }) => ({ ...r, idNumber: mask.idNumber(r.idNumber) }),
  });
}

// ── Any ledger ────────────────────────────────────────────────────────────────────────────────

const SOURCES: {
  [L in Ledger]: (db: Queryable, actor: Actor, f: LedgerFilters[L]) => Promise<LedgerSource<LedgerRows[L]>>;
} = {
  register: registerSource,
  cases: casesSource,
  payments: paymentsSource,
};

/** A ledger's rows for an actor (callers have checked the role) under the list's filters. */
export function ledgerSource<L extends Ledger>(
  db: Queryable,
  actor: Actor,
  ledger: L,
  filters: LedgerFilters[L],
): Promise<LedgerSource<LedgerRows[L]>> {
  return SOURCES[ledger](db, actor, filters);
}
