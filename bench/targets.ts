import { encodeCursor } from '@/lib/pagination/cursor';
import type { Role as AppRole } from '@/lib/roles';
import { likePrefix, scopeOf } from '@/lib/scope';
import { CATEGORIES } from '@/db/schema/register';
import type { SqlClient } from './database';
import { isSignInPage, STAFF_ROLES, type Role } from './signin';

/** A person the bench signs in as, with what their scope needs. */
export interface Account extends Role {
  role: AppRole;
  userId: number;
  unitPath: string;
}

/** What the issue asks of a target; nothing set: measured for the record, no verdict. */
export interface Goal {
  /** One request at a time: p95 at most this. */
  seqP95Ms?: number;
  /**
   * Under load: throughput at least `minRatio` × the static ceiling's of the same run (this
   * machine's speed moves by half from day to day; a ratio does not), p99 at most `maxP99Ms`, no errors.
   */
  underLoad?: { minRatio?: number; maxP99Ms: number };
  /** A ceiling to compare with, not something to pass. */
  ceiling?: boolean;
}

export interface Target {
  name: string;
  /** Path and query, on the server under test. */
  path: string;
  as?: Account;
  goal: Goal;
  /** What a successful answer looks like: any page, a list with table rows, a ledger file. */
  expect: 'page' | 'rows' | 'file';
  /** Fewer connections than the run's, for a reason the report gives. */
  connections?: number;
  /** How the target was chosen (a deep page's position, a filter's size…), for the report. */
  note?: string;
  /** For a deep page: the link of the row after the cursor, which its first row should be. */
  startsWith?: string;
  /** The list's table body (its data-testid) when it is not the page's first one. */
  tbody?: string;
  /** Found by the check before measuring; a target whose check failed is not measured. */
  problem?: string;
  /** What the check saw: rows on the page, a file's rows and bytes. */
  seen?: { rows?: number; bytes?: number };
}

export const LIST_GOAL_MS = 100;
export const LEADER_DASHBOARD_GOAL_MS = 150;
export const WORKER_GOAL_MS = 50;
/** How deep a deep page is: the row after this one, or ~90% into a shorter list. */
export const DEEP_ROW = 100_000;
/** Concurrent exports: a branch's daily ledger is not something 50 people fetch at the same second. */
export const EXPORT_CONNECTIONS = 10;
/** Issue 16's targets at 50 connections, as ratios to the static ceiling. */
export const DASHBOARD_LOAD = { minRatio: 0.25, maxP99Ms: 400 };
export const LIST_LOAD = { minRatio: 0.1, maxP99Ms: 800 };
/** The dashboards while 20 writes a second go on; a signed-in dashboard during the abuse check. */
export const MIXED_P99_MS = 500;
export const ABUSE_P99_MS = 1_000;
export const WRITES_PER_SECOND = 20;

/** The signed-in accounts: the four staff accounts, checked, and a worker who has applied for aid. */
export async function resolveAccounts(sql: SqlClient): Promise<{ staff: Account[]; worker: Account }> {
  type Row = { id: number; employee_no: string; role: AppRole; path: string; disabled: boolean };
  const select = `SELECT u.id, u.employee_no, u.role, o.path, u.disabled FROM users u JOIN org_units o ON o.id = u.unit_id`;
  const rows = await sql.rows<Row>(`${select} WHERE u.employee_no = ANY($1)`, [STAFF_ROLES.map((r) => r.employeeNo)]);
  const expected: Record<string, AppRole> = {
    A0001: 'admin',
    L0001: 'leader',
    B0001: 'branch_official',
    S0001: 'sub_branch_official',
  };
  const staff = STAFF_ROLES.map((r) => {
    const row = rows.find((x) => x.employee_no === r.employeeNo);
    if (!row || row.disabled || row.role !== expected[r.employeeNo]) {
      throw new Error(
        `${r.employeeNo} should be an enabled ${expected[r.employeeNo]} in this database: ${row ? `${row.role}${row.disabled ? ', disabled' : ''}` : 'missing'}`,
      );
    }
    return { ...r, role: row.role, userId: row.id, unitPath: row.path };
  });
  // The first worker (by employee number) with a submitted case: their pages have something on them.
  const [w] = await sql.rows<Row>(
    `${select} WHERE u.role = 'worker' AND NOT u.disabled
       AND EXISTS (SELECT 1 FROM cases c WHERE c.applicant_id = u.id AND c.submitted_at IS NOT NULL)
     ORDER BY u.employee_no LIMIT 1`,
  );
  if (!w) throw new Error('no enabled worker with a submitted case in this database');
  return {
    staff,
    worker: { label: 'worker', employeeNo: w.employee_no, role: 'worker', userId: w.id, unitPath: w.path },
  };
}

/** Positional parameters for a query being put together. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * One list's rows as the page reads them (its FROM, the actor's scope and the filter in the
 * WHERE, its ORDER BY) and the sort key a keyset cursor carries, as Postgres text.
 */
interface ListQuery {
  from: string;
  where: string[];
  params: Params;
  order: string;
  key: string[];
  /** The row's link on the page (its first cell), to tell which row a page starts with. */
  link: string;
}

/** The actor's units (org_units joined as `o`) as SQL; 'true' for the whole mine. */
function unitsIn(a: Account, p: Params): string {
  const scope = scopeOf(a);
  if (scope.kind === 'subtree') return `o.path LIKE ${p.add(likePrefix(scope.unitPath))}`;
  return scope.kind === 'all' ? 'true' : 'false';
}

/** db/queries/case-views.ts caseReadable: their own cases, and submitted ones in their units. */
function readableCases(a: Account, p: Params): string[] {
  const me = p.add(a.userId);
  return [`(c.applicant_id = ${me} OR ${unitsIn(a, p)})`, `(c.applicant_id = ${me} OR c.submitted_at IS NOT NULL)`];
}

/** db/schema/register.ts categorySeverity over a campaign entry's category. */
const SEVERITY = `array_position(ARRAY[${CATEGORIES.map((c) => `'${c}'`).join(',')}]::text[], e.category)`;

/** Each list's rows and order as its page reads them (db/queries: listCases, listPayments, listHouseholds, listPeople). */
const SHAPES = {
  cases: {
    from: 'cases c JOIN org_units o ON o.id = c.unit_id',
    order: 'c.updated_at DESC, c.id DESC',
    key: ['c.updated_at::text', 'c.id::text'],
    link: `'/cases/' || c.id`,
  },
  payments: {
    from: 'payments p JOIN cases c ON c.id = p.case_id JOIN org_units o ON o.id = c.unit_id',
    order: 'p.paid_on DESC, p.id DESC',
    key: ['p.paid_on::text', 'p.id::text'],
    link: `'/cases/' || c.id`,
  },
  /** The default sort ('worker': the worker's employee number), households.id breaking ties. */
  households: {
    from: 'households h JOIN users w ON w.id = h.worker_id JOIN org_units o ON o.id = h.unit_id',
    order: 'w.employee_no ASC, h.id ASC',
    key: ['w.employee_no', 'h.id::text'],
    link: `'/households/' || h.id`,
  },
  workers: {
    from: 'users w JOIN org_units o ON o.id = w.unit_id',
    order: 'w.employee_no ASC, w.id ASC',
    key: ['w.employee_no', 'w.id::text'],
    link: `'/workers/' || w.id`,
  },
  /** db/queries/mutual-aid.ts enrolmentList: one scheme-year's list, newest first. */
  enrolments: {
    from: 'mutual_enrolments e JOIN org_units o ON o.id = e.unit_id JOIN users w ON w.id = e.member_id',
    order: 'e.id DESC',
    key: ['e.id::text'],
    link: `'/workers/' || e.member_id`,
  },
  /** db/queries/mutual-aid.ts claimList: one scheme-year's claims, newest first. */
  claims: {
    from: 'mutual_claims m JOIN cases c ON c.id = m.case_id JOIN org_units o ON o.id = c.unit_id',
    order: 'm.case_id DESC',
    key: ['m.case_id::text'],
    link: `'/cases/' || m.case_id`,
  },
  /**
   * db/queries/campaigns.ts entriesPage: a campaign's households by sub-branch (name, id), category
   * severity and household — the order campaign_entries_order_idx reads.
   */
  campaignEntries: {
    from: 'campaign_entries e JOIN org_units o ON o.id = e.unit_id JOIN households h ON h.id = e.household_id JOIN users w ON w.id = h.worker_id',
    order: `o.name ASC, e.unit_id ASC, ${SEVERITY} ASC, e.household_id ASC`,
    key: ['o.name', 'e.unit_id::text', `(${SEVERITY})::text`, 'e.household_id::text'],
    link: `'/households/' || e.household_id`,
  },
} satisfies Record<string, Omit<ListQuery, 'where' | 'params'>>;

function listOf(shape: Omit<ListQuery, 'where' | 'params'>, where: (p: Params) => string[]): ListQuery {
  const params = new Params();
  return { ...shape, where: where(params), params };
}

/** The lists under the actor's scope and the page's filter. */
const LISTS = {
  cases: (a: Account, state: string) =>
    listOf(SHAPES.cases, (p) => [...readableCases(a, p), `c.state = ${p.add(state)}`]),
  payments: (a: Account, year: number) =>
    listOf(SHAPES.payments, (p) => [
      ...readableCases(a, p),
      `p.paid_on BETWEEN ${p.add(`${year}-01-01`)}::date AND ${p.add(`${year}-12-31`)}::date`,
    ]),
  enrolments: (a: Account, schemeId: number, year: number) =>
    listOf(SHAPES.enrolments, (p) => [
      `e.scheme_id = ${p.add(schemeId)}`,
      `e.year = ${p.add(year)}`,
      `(e.member_id = ${p.add(a.userId)} OR ${unitsIn(a, p)})`,
    ]),
  claims: (a: Account, schemeId: number, year: number) =>
    listOf(SHAPES.claims, (p) => [
      `m.scheme_id = ${p.add(schemeId)}`,
      `m.cap_year = ${p.add(year)}`,
      ...readableCases(a, p),
    ]),
  /** db/queries/register.ts householdVisible: the actor's units, or a household they help. */
  households: (a: Account, category: string) =>
    listOf(SHAPES.households, (p) => [
      `(${unitsIn(a, p)} OR EXISTS (SELECT 1 FROM household_helpers hh WHERE hh.household_id = h.id AND hh.user_id = ${p.add(a.userId)} AND hh.until IS NULL))`,
      `h.category = ${p.add(category)}`,
    ]),
  /** A campaign's entries in the actor's units (db/queries/campaigns.ts entriesWhere); `unitId`: one sub-branch's. */
  campaignEntries: (a: Account, campaignId: number, unitId?: number) =>
    listOf(SHAPES.campaignEntries, (p) => [
      `e.campaign_id = ${p.add(campaignId)}`,
      unitsIn(a, p),
      ...(unitId ? [`e.unit_id = ${p.add(unitId)}`] : []),
    ]),
  /** Active workers in scope; `unitId` is the unit itself (the page's filter), none: the whole scope. */
  workers: (a: Account, unitId?: number) =>
    listOf(SHAPES.workers, (p) => [
      unitsIn(a, p),
      `w.role = 'worker'`,
      'NOT w.disabled',
      ...(unitId ? [`w.unit_id = ${p.add(unitId)}`] : []),
    ]),
};

async function countOf(sql: SqlClient, q: ListQuery): Promise<number> {
  const [row] = await sql.rows<{ n: string }>(
    `SELECT count(*)::text AS n FROM ${q.from} WHERE ${q.where.join(' AND ')}`,
    q.params.values,
  );
  return Number(row.n);
}

/** The sort key of the row at `position` (1-based) of the list, and the link of the row after it. */
async function keyAt(sql: SqlClient, q: ListQuery, position: number): Promise<{ key: string[]; next?: string }> {
  const cols = q.key.map((k, i) => `${k} AS k${i}`).join(', ');
  const rows = await sql.rows<Record<string, string>>(
    `SELECT ${cols}, ${q.link} AS link FROM ${q.from} WHERE ${q.where.join(' AND ')} ORDER BY ${q.order} OFFSET ${position - 1} LIMIT 2`,
    q.params.values,
  );
  if (!rows.length) throw new Error(`no row at position ${position} of ${q.from}`);
  return { key: q.key.map((_, i) => rows[0][`k${i}`]), next: rows[1]?.link };
}

const n = (x: number) => x.toLocaleString('en');
const rowsText = (x: number) => `${n(x)} row${x === 1 ? '' : 's'}`;
const who = (a: Account) => `${a.label} ${a.employeeNo}`;

/** A list's first page under a filter, and a deep page of `deep` (by default the same list). */
async function listTargets(
  sql: SqlClient,
  a: Account,
  path: string,
  query: string,
  first: ListQuery,
  deep: ListQuery = first,
  deepQuery = query,
  tbody?: string,
): Promise<Target[]> {
  const goal: Goal = { seqP95Ms: LIST_GOAL_MS, underLoad: LIST_LOAD };
  const total = await countOf(sql, first);
  const firstUrl = query ? `${path}?${query}` : path;
  const firstPage: Target = {
    name: `${firstUrl} · ${who(a)}`,
    path: firstUrl,
    as: a,
    goal,
    expect: 'rows',
    tbody,
    note: `${rowsText(total)} under the filter`,
  };
  const deepTotal = deep === first ? total : await countOf(sql, deep);
  const position = Math.min(DEEP_ROW, Math.floor(deepTotal * 0.9));
  const name = `${path}${deepQuery ? `?${deepQuery}` : ''} deep · ${who(a)}`;
  if (position < 1)
    return [
      firstPage,
      {
        name,
        path: firstUrl,
        as: a,
        goal,
        expect: 'rows',
        tbody,
        problem: `too short for a deep page (${rowsText(deepTotal)})`,
      },
    ];
  const edge = await keyAt(sql, deep, position);
  const after = encodeCursor(edge.key);
  return [
    firstPage,
    {
      name,
      path: `${path}?${deepQuery ? `${deepQuery}&` : ''}after=${after}`,
      as: a,
      goal,
      expect: 'rows',
      tbody,
      note: `after row ${n(position)} of ${n(deepTotal)}`,
      startsWith: edge.next,
    },
  ];
}

/**
 * Everything measured against the server: the static ceiling, each role's dashboard, the four
 * main lists as the leader and as the branch official (a filtered first page and a deep page, its
 * keyset cursor built here in SQL from the list's own order), the worker's pages and a ledger
 * export a branch official would run daily.
 */
export async function buildTargets(
  sql: SqlClient,
  accounts: { staff: Account[]; worker: Account },
  thisYear: number,
  staticPath: string,
): Promise<Target[]> {
  const byRole = (role: AppRole) => accounts.staff.find((a) => a.role === role)!;
  const leader = byRole('leader');
  const branch = byRole('branch_official');
  const { worker } = accounts;

  const targets: Target[] = [
    { name: `static ${staticPath}`, path: staticPath, goal: { ceiling: true }, expect: 'page' },
  ];
  for (const a of [...accounts.staff, worker]) {
    const seqP95Ms = a.role === 'leader' ? LEADER_DASHBOARD_GOAL_MS : a.role === 'worker' ? WORKER_GOAL_MS : undefined;
    targets.push({
      name: `/dashboard · ${who(a)}`,
      path: '/dashboard',
      as: a,
      goal: { seqP95Ms, underLoad: DASHBOARD_LOAD },
      expect: 'page',
    });
  }

  // The most common category, so its list is a long one.
  const [{ category }] = await sql.rows<{ category: string }>(
    'SELECT category FROM households GROUP BY category ORDER BY count(*) DESC, category LIMIT 1',
  );
  const lastYear = thisYear - 1;
  for (const a of [leader, branch]) {
    // A unit in scope that holds workers itself (a sub-branch): the directory's unit filter is that unit alone.
    const p = new Params();
    const [unit] = await sql.rows<{ id: number }>(
      `SELECT o.id FROM org_units o WHERE ${unitsIn(a, p)}
         AND EXISTS (SELECT 1 FROM users w WHERE w.unit_id = o.id AND w.role = 'worker' AND NOT w.disabled)
       ORDER BY o.id LIMIT 1`,
      p.values,
    );
    if (!unit) throw new Error(`no unit with workers in the scope of ${a.employeeNo}`);
    targets.push(
      ...(await listTargets(sql, a, '/cases', 'state=paid', LISTS.cases(a, 'paid'))),
      ...(await listTargets(sql, a, '/payments', `year=${lastYear}`, LISTS.payments(a, lastYear))),
      ...(await listTargets(sql, a, '/households', `category=${category}`, LISTS.households(a, category))),
      // One sub-branch's workers fill a few pages only: the deep page goes into the whole directory.
      ...(await listTargets(sql, a, '/workers', `unitId=${unit.id}`, LISTS.workers(a, unit.id), LISTS.workers(a), '')),
    );
  }

  // Mutual aid (issue 19): the medical scheme's enrolment list of this year and its claims of last year.
  const [scheme] = await sql.rows<{ id: number }>(
    `SELECT id FROM mutual_schemes WHERE kind = 'medical' ORDER BY id LIMIT 1`,
  );
  if (scheme)
    for (const a of [leader, branch])
      targets.push(
        ...(await listTargets(
          sql,
          a,
          '/mutual-aid/enrolments',
          `scheme=${scheme.id}&year=${thisYear}`,
          LISTS.enrolments(a, scheme.id, thisYear),
        )),
        ...(await listTargets(
          sql,
          a,
          '/mutual-aid/claims',
          `scheme=${scheme.id}&year=${lastYear}`,
          LISTS.claims(a, scheme.id, lastYear),
        )),
      );

  // Issue 20: the province's Spring Festival list (seed:scale, ≈ 126,000 households, survivors and
  // lone elderly apart) — the leader's whole list, and the branch official's part: one of their
  // sub-branches (the page's ?unit=) and a deep page into their whole branch.
  const [campaign] = await sql.rows<{ id: number }>(
    `SELECT c.id FROM campaigns c ORDER BY (SELECT count(*) FROM campaign_entries e WHERE e.campaign_id = c.id) DESC, c.id LIMIT 1`,
  );
  if (campaign) {
    const path = `/campaigns/${campaign.id}`;
    targets.push(
      ...(await listTargets(
        sql,
        leader,
        path,
        '',
        LISTS.campaignEntries(leader, campaign.id),
        undefined,
        '',
        'entries',
      )),
    );
    const p = new Params();
    const [part] = await sql.rows<{ unit_id: number }>(
      `SELECT e.unit_id FROM campaign_entries e JOIN org_units o ON o.id = e.unit_id
       WHERE e.campaign_id = ${p.add(campaign.id)} AND ${unitsIn(branch, p)} ORDER BY o.name, e.unit_id LIMIT 1`,
      p.values,
    );
    if (part)
      targets.push(
        ...(await listTargets(
          sql,
          branch,
          path,
          `unit=${part.unit_id}`,
          LISTS.campaignEntries(branch, campaign.id, part.unit_id),
          LISTS.campaignEntries(branch, campaign.id),
          '',
          'entries',
        )),
      );
  }

  const [own] = await sql.rows<{ id: number }>(
    'SELECT id FROM cases WHERE applicant_id = $1 ORDER BY updated_at DESC, id DESC LIMIT 1',
    [worker.userId],
  );
  const workerGoal = { seqP95Ms: WORKER_GOAL_MS };
  targets.push(
    { name: `/cases · ${who(worker)}`, path: '/cases', as: worker, goal: workerGoal, expect: 'rows' },
    {
      name: `/cases/${own.id} · ${who(worker)}`,
      path: `/cases/${own.id}`,
      as: worker,
      goal: workerGoal,
      expect: 'page',
      note: 'their latest case',
    },
    {
      name: `export cases.csv year=${thisYear} · ${who(branch)}`,
      path: `/api/exports/cases?format=csv&year=${thisYear}`,
      as: branch,
      goal: {},
      expect: 'file',
      connections: EXPORT_CONNECTIONS,
      note: "the branch's cases of this year, as CSV",
    },
  );
  return targets;
}

/** Rows of the first table body on a page (or the one with data-testid `testid`), and the first row's markup. */
function tableRows(html: string, testid?: string): { rows: number; firstRow?: string } {
  const start = testid ? html.lastIndexOf('<tbody', html.indexOf(`data-testid="${testid}"`)) : html.indexOf('<tbody');
  if (start < 0) return { rows: 0 };
  const end = html.indexOf('</tbody>', start);
  const body = html.slice(start, end < 0 ? undefined : end);
  const rows = body.match(/<tr[\s>]/g)?.length ?? 0;
  const at = body.search(/<tr[\s>]/);
  return { rows, firstRow: at < 0 ? undefined : body.slice(at, body.indexOf('</tr>', at)) };
}

/**
 * One request per target before any load: it must answer 200 with what the target is about (a
 * page that is not the sign-in page; a list with rows; a file with its row count). A target that
 * fails is marked and left out of the measurements; a cookie that no longer signs in stops the run.
 */
export async function checkTargets(
  baseUrl: string,
  targets: Target[],
  cookieOf: (a: Account) => string,
): Promise<void> {
  for (const t of targets) {
    const res = await fetch(`${baseUrl}${t.path}`, {
      headers: t.as ? { cookie: cookieOf(t.as) } : {},
      redirect: 'manual',
      signal: AbortSignal.timeout(60_000),
    });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) {
      t.problem = `answered ${res.status}${res.headers.get('location') ? ` → ${res.headers.get('location')}` : ''}`;
      if (t.path === '/dashboard') throw new Error(`GET /dashboard as ${t.as?.employeeNo} ${t.problem}`);
      continue;
    }
    if (t.expect === 'file') {
      t.seen = { rows: Number(res.headers.get('x-total-rows')), bytes: body.length };
      continue;
    }
    const html = body.toString('utf8');
    if (t.as && isSignInPage(html))
      throw new Error(`GET ${t.path} as ${t.as.employeeNo} answered 200 but with the sign-in page`);
    const { rows, firstRow } =
      t.expect === 'rows' ? tableRows(html, t.tbody) : { rows: undefined, firstRow: undefined };
    t.seen = { bytes: body.length, rows };
    if (t.expect === 'rows' && !rows) t.problem = 'no table rows on the page';
    // Until a list reads ?after= it shows its first page: measured all the same, and said so.
    if (t.startsWith && rows) {
      t.note += firstRow?.includes(`href="${t.startsWith}"`)
        ? `; starts with the next row (${t.startsWith}) ✓`
        : `; ⚠ does not start with the next row (${t.startsWith}): the list ignored ?after=`;
    }
  }
}
