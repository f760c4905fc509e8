import 'server-only';
import { aliasedTable, and, asc, count, desc, eq, or, sql, sum, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgSelect } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { cases, householdMembers, households, orgUnits, payments, users } from '@/db/schema';
import type { LedgerRows } from '@/lib/exports/columns';
import type { Ledger, LedgerFilters, PaymentParams } from '@/lib/exports/ledgers';
import { maskingFor } from '@/lib/exports/masking';
import type { Fen } from '@/lib/money';
import { likePrefix, type Actor } from '@/lib/scope';
import { caseListWhere, caseReadable } from './case-views';
import { helperCount, householdListQuery, lastVisit } from './register';

/**
 * The ledgers' reads for export: the list pages' own WHERE (scope included) and order, read in
 * keyset batches — each batch one short query that starts after the last row of the one before —
 * so a ledger of a million rows is never in memory at once, no transaction or connection is held
 * while the browser downloads, and a deep batch costs what the first one does. Identifiers are
 * masked here, as rows arrive, by the exporter's role.
 */

/** Rows per batch: large enough that round trips do not dominate, small enough to stay a few hundred KB. */
export const EXPORT_BATCH = 1000;

interface SortTerm {
  expr: SQL | AnyPgColumn;
  dir: 'asc' | 'desc';
}

/**
 * Rows strictly after `last` in the order of `terms` (the last term unique). All one way, a row
 * comparison (a, b) < (x, y), which an index on (a, b) serves as a range; mixed, its expansion
 * (a > x) OR (a = x AND b < y) … Values travel as the text the query selected, so a timestamp keeps
 * its microseconds (a JS Date would drop them and skip or repeat rows).
 */
function after(terms: SortTerm[], last: string[]): SQL {
  const op = (dir: SortTerm['dir']) => sql.raw(dir === 'asc' ? '>' : '<');
  if (terms.every((t) => t.dir === terms[0].dir)) {
    return sql`(${sql.join(terms.map((t) => sql`${t.expr}`), sql`, `)}) ${op(terms[0].dir)} (${sql.join(last.map((v) => sql`${v}`), sql`, `)})`;
  }
  return or(...terms.map((term, i) => and(...terms.slice(0, i).map((t, j) => sql`${t.expr} = ${last[j]}`), sql`${term.expr} ${op(term.dir)} ${last[i]}`)))!;
}

const orderOf = (terms: SortTerm[]) => terms.map((t) => (t.dir === 'asc' ? asc(t.expr) : desc(t.expr)));
const cursorOf = (terms: SortTerm[]) => sql<string[]>`ARRAY[${sql.join(terms.map((t) => sql`(${t.expr})::text`), sql`, `)}]`;

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
function keysetSource<Q extends PgSelect, R>(o: { where: SQL | undefined; terms: SortTerm[]; count: () => Promise<number>; query: (cursor: SQL<string[]>) => Q; row: (r: Result<Q>) => R }): LedgerSource<R> {
  const cursor = cursorOf(o.terms);
  return {
    count: o.count,
    async *batches(size = EXPORT_BATCH) {
      let last: string[] | null = null;
      for (;;) {
        const batch = (await o.query(cursor).where(and(o.where, last ? after(o.terms, last) : undefined)).orderBy(...orderOf(o.terms)).limit(size)) as (Result<Q> & { cursor: string[] })[];
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

async function registerSource(db: Queryable, actor: Actor, f: LedgerFilters['register']): Promise<LedgerSource<LedgerRows['register']>> {
  const { where, sortColumn } = await householdListQuery(db, actor, { ...f, missingHelper: f.missingHelper === '1' });
  const mask = maskingFor(actor.role);
  return keysetSource({
    where,
    // The list's order: its sort column, then the file's id ascending whichever way the column runs.
    terms: [{ expr: sortColumn, dir: f.dir }, { expr: households.id, dir: 'asc' }],
    count: async () => (await withHouseholdJoins(db.select({ n: count() }).from(households).$dynamic()).where(where))[0].n,
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

function withCaseJoins<T extends PgSelect>(qb: T) {
  return qb.innerJoin(orgUnits, eq(orgUnits.id, cases.unitId)).innerJoin(users, eq(users.id, cases.applicantId));
}

async function casesSource(db: Queryable, actor: Actor, f: LedgerFilters['cases']): Promise<LedgerSource<LedgerRows['cases']>> {
  const where = await caseListWhere(db, actor, f);
  const mask = maskingFor(actor.role);
  return keysetSource({
    where,
    // The list's order: last changed first.
    terms: [
      { expr: cases.updatedAt, dir: 'desc' },
      { expr: cases.id, dir: 'desc' },
    ],
    count: async () => (await withCaseJoins(db.select({ n: count() }).from(cases).$dynamic()).where(where))[0].n,
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

/**
 * Payments whose case the actor may read (an official's unit and below, leaders all), over
 * payments joined to cases, org_units (the case's unit) and users (the applicant).
 */
async function paymentWhere(db: Queryable, actor: Actor, f: Omit<PaymentParams, 'page'>): Promise<SQL | undefined> {
  const unitPath = f.unitId ? (await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, f.unitId)))[0]?.path : undefined;
  return and(
    caseReadable(actor),
    f.year ? sql`${payments.paidOn} BETWEEN ${`${f.year}-01-01`}::date AND ${`${f.year}-12-31`}::date` : undefined,
    f.aidKind ? eq(cases.aidKind, f.aidKind) : undefined,
    f.unitId ? (unitPath ? sql`${orgUnits.path} LIKE ${likePrefix(unitPath)}` : sql`false`) : undefined,
  );
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

/** One page of the payment ledger with its total count and money, for the ledger page. */
export async function listPayments(db: Queryable, actor: Actor, f: PaymentParams): Promise<{ rows: PaymentRow[]; total: number; totalFen: Fen }> {
  const where = await paymentWhere(db, actor, f);
  const [rows, [totals]] = await Promise.all([
    withPaymentJoins(db.select(paymentFields).from(payments).$dynamic())
      .where(where)
      .orderBy(...orderOf(PAYMENT_ORDER))
      .limit(PAYMENT_PAGE_SIZE)
      .offset((f.page - 1) * PAYMENT_PAGE_SIZE),
    withPaymentJoins(db.select({ total: count(), fen: sum(payments.amountFen).mapWith(Number) }).from(payments).$dynamic()).where(where),
  ]);
  return { rows, total: totals.total, totalFen: totals.fen ?? 0 };
}

async function paymentsSource(db: Queryable, actor: Actor, f: LedgerFilters['payments']): Promise<LedgerSource<LedgerRows['payments']>> {
  const where = await paymentWhere(db, actor, f);
  const mask = maskingFor(actor.role);
  return keysetSource({
    where,
    terms: PAYMENT_ORDER,
    count: async () => (await withPaymentJoins(db.select({ n: count() }).from(payments).$dynamic()).where(where))[0].n,
    query: (cursor) => withPaymentJoins(db.select({ ...paymentFields, idNumber: users.idNumber, cursor }).from(payments).$dynamic()),
    row: ({ id: _id, ...r }) => ({ ...r, idNumber: mask.idNumber(r.idNumber) }),
  });
}

// ── Any ledger ────────────────────────────────────────────────────────────────────────────────

const SOURCES: { [L in Ledger]: (db: Queryable, actor: Actor, f: LedgerFilters[L]) => Promise<LedgerSource<LedgerRows[L]>> } = {
  register: registerSource,
  cases: casesSource,
  payments: paymentsSource,
};

/** A ledger's rows for an actor (callers have checked the role) under the list's filters. */
export function ledgerSource<L extends Ledger>(db: Queryable, actor: Actor, ledger: L, filters: LedgerFilters[L]): Promise<LedgerSource<LedgerRows[L]>> {
  return SOURCES[ledger](db, actor, filters);
}
