import 'server-only';
import { and, asc, count, desc, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgSelect } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { orgUnits } from '@/db/schema';
import { decodeCursor, encodeCursor, type Cursor } from '@/lib/pagination/cursor';
import { likePrefix, type Scope } from '@/lib/scope';
import { unitsWhere } from './scope';

/**
 * Keyset reads shared by the list pages and the ledger exports: a list is ordered by terms whose
 * last one is unique, and a page (or an export's batch) is the rows strictly after the edge row's
 * sort key — one index range however deep, where LIMIT/OFFSET reads and drops every row before.
 */

export interface SortTerm {
  expr: SQL | AnyPgColumn;
  dir: 'asc' | 'desc';
}

const op = (dir: SortTerm['dir'], strict: boolean) =>
  sql.raw(dir === 'asc' ? (strict ? '>' : '>=') : strict ? '<' : '<=');

/**
 * Rows strictly after `last` in the order of `terms` (the last term unique). All one way, a row
 * comparison (a, b) < (x, y), which an index on (a, b) serves as a range; mixed, its expansion
 * (a > x) OR (a = x AND b < y) … Either way the first term is also bounded on its own (a <= x),
 * which changes no answer but lets an index on the first term alone, or on a joined table's
 * column (households ordered by their worker's employee number), start at the edge. Values travel
 * as the text the query selected, so a timestamp keeps its microseconds (a JS Date would drop them
 * and skip or repeat rows).
 */
export function after(terms: SortTerm[], last: readonly string[]): SQL {
  const bound = sql`${terms[0].expr} ${op(terms[0].dir, false)} ${last[0]}`;
  if (terms.every((t) => t.dir === terms[0].dir)) {
    return sql`(${bound} AND (${sql.join(
      terms.map((t) => sql`${t.expr}`),
      sql`, `,
    )}) ${op(terms[0].dir, true)} (${sql.join(
      last.map((v) => sql`${v}`),
      sql`, `,
    )}))`;
  }
  return and(
    bound,
    or(
      ...terms.map((term, i) =>
        and(
          ...terms.slice(0, i).map((t, j) => sql`${t.expr} = ${last[j]}`),
          sql`${term.expr} ${op(term.dir, true)} ${last[i]}`,
        ),
      ),
    ),
  )!;
}

export const orderOf = (terms: SortTerm[]) => terms.map((t) => (t.dir === 'asc' ? asc(t.expr) : desc(t.expr)));

/** The sort key of a row as Postgres prints each term: what a cursor carries. */
export const cursorOf = (terms: SortTerm[]) =>
  sql<string[]>`ARRAY[${sql.join(
    terms.map((t) => sql`(${t.expr})::text`),
    sql`, `,
  )}]`;

/** The same order run backwards: the rows before a cursor, nearest first. */
export const reversed = (terms: SortTerm[]): SortTerm[] =>
  terms.map((t) => ({ ...t, dir: t.dir === 'asc' ? 'desc' : 'asc' }));

// ── A list page ───────────────────────────────────────────────────────────────────────────────

/** The page's place in the list as the URL gives it: `?after=` (next) or `?before=` (previous), raw. */
export interface PageAt {
  after?: string;
  before?: string;
}

export interface KeysetPage<R> {
  rows: R[];
  /** The cursor for `?before=` when rows come before this page, else null (the first page). */
  prev: string | null;
  /** The cursor for `?after=` when rows come after this page, else null (the last page). */
  next: string | null;
}

/**
 * What a list's query is asked for: `limit` rows in the order of `terms` (the list's own, or
 * reversed for a previous page), strictly after `edge` when there is one, each with its `cursor`
 * (cursorOf(terms) — the reversed terms print the same key).
 */
export interface PageRequest {
  terms: SortTerm[];
  edge: Cursor | null;
  limit: number;
}

/**
 * One page of a list. A previous page is the rows before the first row of the page the person was
 * on, read nearest first and turned round; with a page or less before it, that is the first page.
 * A cursor that does not decode to the list's shape, or one past which nothing is left (the rows
 * changed since the link was made), gives the first page.
 */
export async function keysetPage<R extends { cursor: string[] }>(
  terms: SortTerm[],
  at: PageAt,
  size: number,
  fetch: (req: PageRequest) => Promise<R[]>,
): Promise<KeysetPage<Omit<R, 'cursor'>>> {
  const strip = (rows: R[]) => rows.map(({ cursor: _cursor, ...row }) => row);
  const afterEdge = decodeCursor(at.after, terms.length);
  const beforeEdge = afterEdge ? null : decodeCursor(at.before, terms.length);
  // A cursor of the right shape may still hold text its terms cannot be (a forged one, or one
  // from another sort of the same list): Postgres refuses it as a data exception; start over.
  const edgeFetch = (req: PageRequest) =>
    fetch(req).catch((e: unknown) => {
      if (isDataException(e)) return [];
      throw e;
    });
  if (afterEdge) {
    const rows = await edgeFetch({ terms, edge: afterEdge, limit: size + 1 });
    const page = rows.slice(0, size);
    if (page.length > 0)
      return {
        rows: strip(page),
        prev: encodeCursor(page[0].cursor),
        next: rows.length > size ? encodeCursor(page[size - 1].cursor) : null,
      };
  } else if (beforeEdge) {
    const rows = await edgeFetch({ terms: reversed(terms), edge: beforeEdge, limit: size + 1 });
    // Back at the start (fewer than a page before): the first page, full, rather than a stub.
    if (rows.length > size) {
      const page = rows.slice(0, size).reverse();
      return { rows: strip(page), prev: encodeCursor(page[0].cursor), next: encodeCursor(page[size - 1].cursor) };
    }
  }
  const rows = await fetch({ terms, edge: null, limit: size + 1 });
  const page = rows.slice(0, size);
  return { rows: strip(page), prev: null, next: rows.length > size ? encodeCursor(page[size - 1].cursor) : null };
}

/** Postgres's class 22 (invalid text for a type, a date out of range, …), also when drizzle wraps it. */
function isDataException(e: unknown): boolean {
  for (let err = e; err instanceof Error; err = err.cause) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('22')) return true;
  }
  return false;
}

/** The usual query for a PageRequest: the list's WHERE, the edge, the order and the limit. */
export function pageOf<Q extends PgSelect>(query: Q, where: SQL | undefined, req: PageRequest) {
  return query
    .where(and(where, req.edge ? after(req.terms, req.edge) : undefined))
    .orderBy(...orderOf(req.terms))
    .limit(req.limit);
}

// ── Lists confined to a few units ─────────────────────────────────────────────────────────────

/** Up to this many units, a list confined to them is read through their ids (an official's branch: five). */
const FEW_UNITS = 100;

/**
 * The units a list is confined to — the actor's subtree, under the chosen unit (`unitPath`; null:
 * a unit that does not exist) — when there are at most FEW_UNITS of them; null when the list spans
 * more (a leader's whole mine) or is a worker's own. A list's scope and unit filter match units by
 * path prefix, which no index on the rows can serve; `unit_id = ANY(ids)` beside them (implied, so
 * it changes no answer) lets the rows' unit indexes read just those units.
 */
export async function fewUnits(
  db: Queryable,
  scope: Scope,
  unitPath: string | null | undefined,
): Promise<number[] | null> {
  if (scope.kind === 'self' || (scope.kind === 'all' && unitPath === undefined)) return null;
  if (unitPath === null) return [];
  const rows = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(unitsWhere(scope), unitPath ? sql`${orgUnits.path} LIKE ${likePrefix(unitPath)}` : undefined))
    .limit(FEW_UNITS + 1);
  return rows.length > FEW_UNITS ? null : rows.map((r) => r.id);
}

/** Ids as an int[] literal, inline (they are integers read from the database). */
export function anyArray(ids: readonly number[]): SQL {
  if (!ids.every(Number.isSafeInteger)) throw new Error('ids must be integers');
  return sql.raw(`'{${ids.join(',')}}'::int[]`);
}

export const anyOf = (column: SQL | AnyPgColumn, ids: readonly number[]): SQL => sql`${column} = ANY(${anyArray(ids)})`;

// ── Totals ────────────────────────────────────────────────────────────────────────────────────

/**
 * Lists count their rows up to this many: an exact count(*) over millions of cases costs half a
 * second a request, and beyond ten thousand rows the figure tells a person nothing they act on.
 */
export const COUNT_CAP = 10_000;

/** A list's total: exact up to the cap; `capped` when there are more (shown as "10,000+"). */
export interface Total {
  count: number;
  capped: boolean;
}

/**
 * The rows of `query` (a select of the list's FROM and WHERE, any one field), counted no further
 * than the cap. Joins only the WHERE needs should be left joins to a key: Postgres drops the rest.
 */
export async function cappedCount(db: Queryable, query: PgSelect, cap = COUNT_CAP): Promise<Total> {
  const [{ n }] = await db.select({ n: count() }).from(query.limit(cap + 1).as('capped'));
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false };
}
