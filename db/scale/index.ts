import { Client } from 'pg';
import { hashPassword } from '@/lib/auth/password';
import { todayInChina } from '@/lib/dates';
import { REBUILD_CASE_STATS } from '@/lib/stats/case-stats';
import { piiKeyring } from '@/lib/config';
import { migrate, openDatabase } from '../client';
import { rewritePii } from '../pii-rewrite';
import { DEMO_PASSWORD } from '../demo-data';
import { deferConstraints, restoreForeignKeys, restoreIndexes, restoreOrder } from './bulk';
import { budgetsSql, casesSql, genCasesSql, objectionsSql, paymentsSql, standardsSql, stepsSql } from './cases';
import { seedProvinceCampaign } from './campaigns';
import { eldersSql, survivorsSql } from './care';
import { mutualAidSql } from './mutual-aid';
import { orgUnitsSql, usersSql } from './people';
import {
  attendeesSql,
  eventsSql,
  genHouseholdsSql,
  helpersSql,
  householdsSql,
  membersSql,
  opinionTasksSql,
  opinionsSql,
  symposiumsSql,
  visitTasksSql,
  visitsSql,
} from './register';
import { calendarOf, shapeOf } from './sql';

/**
 * `npm run seed:scale -- --workers N`: a provincial federation's worth of consistent data in a
 * real PostgreSQL database, generated inside the server by set-based SQL (see sql.ts for how
 * the randomness stays deterministic). One transaction: either the whole data set or nothing.
 */

export const SCALE_TABLES = [
  'org_units',
  'users',
  'households',
  'household_members',
  'household_events',
  'household_helpers',
  'visits',
  'tasks',
  'symposiums',
  'symposium_attendees',
  'symposium_opinions',
  'aid_standards',
  'aid_standard_rules',
  'budgets',
  'cases',
  'case_steps',
  'payments',
  'objections',
  'notifications',
  'audit_log',
] as const;
type Table = (typeof SCALE_TABLES)[number];

export interface ScaleOptions {
  /** A postgres:// URL. */
  url: string;
  workers: number;
  /** Empty every table of the app first (else a database with data is refused). */
  reset?: boolean;
  /** Mutual aid too (db/scale/mutual-aid.ts); default on. The aid-case checks of seed-scale.test.ts leave it out. */
  mutualAid?: boolean;
  /** YYYY-MM-DD; default today in China. Nothing is dated on or after it. */
  today?: string;
  log?: (line: string) => void;
}

export interface ScaleReport {
  today: string;
  seconds: number;
  steps: { label: string; rows: number | null; seconds: number }[];
  rows: Partial<Record<Table, number>>;
  databaseSize: string;
}

export class ScaleRefusal extends Error {}

const line = (label: string, rows: number | null, seconds: number) =>
  `${label.padEnd(36)}${(rows === null ? '' : `${rows.toLocaleString('en')} rows`).padStart(18)}${seconds.toFixed(1).padStart(9)} s`;

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/** Tables whose one row the migrations write and a reset must keep (the dashboards' cache generation). */
// Rows the migrations create, not data: the figures' generation and the audit chain's head.
const MIGRATION_STATE = new Set(['dashboard_generation', 'audit_chain_head']);

async function appTables(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
  );
  return rows.map((r) => r.name).filter((name) => !MIGRATION_STATE.has(name));
}

async function tablesWithData(client: Client, tables: string[]): Promise<string[]> {
  if (!tables.length) return [];
  const { rows } = await client.query<{ name: string }>(
    tables.map((t) => `SELECT '${t}' AS name WHERE EXISTS (SELECT 1 FROM "${t}")`).join(' UNION ALL '),
  );
  return rows.map((r) => r.name);
}

export async function seedScale(opts: ScaleOptions): Promise<ScaleReport> {
  if (!isPostgresUrl(opts.url)) {
    throw new ScaleRefusal('seed:scale needs a PostgreSQL server: set DATABASE_URL=postgres://….');
  }
  const log = opts.log ?? (() => {});
  const shape = shapeOf(opts.workers);
  const cal = calendarOf(opts.today ?? todayInChina());
  const began = performance.now();

  const handle = await openDatabase(opts.url);
  try {
    await migrate(handle);
  } finally {
    await handle.close();
  }

  const client = new Client({ connectionString: opts.url });
  await client.connect();
  const report: ScaleReport = { today: cal.today, seconds: 0, steps: [], rows: {}, databaseSize: '' };
  const step = async (label: string, run: () => Promise<number | null>, table?: Table) => {
    const t0 = performance.now();
    const rows = await run();
    const seconds = (performance.now() - t0) / 1000;
    report.steps.push({ label, rows, seconds });
    if (table && rows !== null) report.rows[table] = (report.rows[table] ?? 0) + rows;
    log(line(label, rows, seconds));
  };
  const sql =
    (text: string, params: unknown[] = []) =>
    async () =>
      (await client.query(text, params)).rowCount ?? null;

  try {
    const all = await appTables(client);
    const filled = await tablesWithData(client, all);
    if (filled.length && !opts.reset) {
      throw new ScaleRefusal(
        `The database already has data (${filled.join(', ')}); run with --reset to empty every table of the app first.`,
      );
    }
    log(
      `[scale] ${shape.workers.toLocaleString('en')} workers, ${shape.branches} branches, ${shape.subBranches} sub-branches, ${shape.leaders} leaders; ` +
        `${cal.start} to ${cal.today} (today, not included)`,
    );
    const passwordHash = await hashPassword(DEMO_PASSWORD);

    // Session settings for a bulk load: the commit at the end is the only one, temp tables stay in memory.
    await client.query(
      `SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '1GB'; SET temp_buffers = '1GB'; SET jit = on`,
    );
    await client.query('BEGIN');
    if (filled.length)
      await step(
        'reset: truncate every table',
        // The audit log refuses TRUNCATE by trigger (migration 0021); a reset is the one place that
        // starts it over, as the superuser that seeds, with triggers off for this statement and the
        // chain restarted from its genesis.
        sql(
          `SET LOCAL session_replication_role = replica;
           TRUNCATE ${all.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE;
           UPDATE audit_chain_head SET seq = 0, hash = repeat('0', 64);
           SET LOCAL session_replication_role = origin`,
        ),
      );
    const deferred = await deferConstraints(client, SCALE_TABLES);
    log(
      `[scale] ${deferred.keys.length} keys, ${deferred.indexes.length} indexes and ${deferred.foreignKeys.length} foreign keys set aside until the tables are full`,
    );

    await step('org_units', sql(orgUnitsSql(shape, cal)), 'org_units');
    await step('users', sql(usersSql(shape, cal), [passwordHash]), 'users');
    await step('(plan) households', sql(genHouseholdsSql(shape, cal)));
    await step('households', sql(householdsSql(shape)), 'households');
    await step('household_members', sql(membersSql()), 'household_members');
    await step('household_events', sql(eventsSql(shape)), 'household_events');
    await step('household_helpers', sql(helpersSql(shape)), 'household_helpers');
    await step('visits', sql(visitsSql(shape)), 'visits');
    await step('tasks (from visits)', sql(visitTasksSql(shape, cal)), 'tasks');
    await step('symposiums', sql(symposiumsSql(shape, cal)), 'symposiums');
    await step('symposium_attendees', sql(attendeesSql()), 'symposium_attendees');
    await step('symposium_opinions', sql(opinionsSql()), 'symposium_opinions');
    await step('tasks (from opinions)', sql(opinionTasksSql(cal)), 'tasks');
    const [versions, rules, lookup, lookupRows] = standardsSql(shape, cal);
    await step('aid_standards', sql(versions), 'aid_standards');
    await step('aid_standard_rules', sql(rules), 'aid_standard_rules');
    await client.query(lookup);
    await client.query(lookupRows);
    await step('(plan) cases', sql(genCasesSql(shape, cal)));
    await step('budgets', sql(budgetsSql(shape, cal)), 'budgets');
    await step('cases', sql(casesSql(shape)), 'cases');
    await step('case_steps', sql(stepsSql(shape, cal)), 'case_steps');
    await step('payments', sql(paymentsSql()), 'payments');
    await step('objections', sql(objectionsSql(shape)), 'objections');
    await step('notifications', sql(stepsSql(shape, cal, true)), 'notifications');
    // Mutual aid: enrolments, claims (cases of kind mutual_aid), their payments, caps and funds.
    if (opts.mutualAid !== false)
      for (const [i, statement] of mutualAidSql(cal).entries()) await step(`mutual aid (${i + 1})`, sql(statement));
    // The dashboards' aggregates, from what was just loaded (the app keeps them from here on).
    for (const [i, statement] of REBUILD_CASE_STATS.entries())
      await step(`case figures (${i + 1}/${REBUILD_CASE_STATS.length})`, sql(statement));
    await step(
      'audit_log',
      sql(`INSERT INTO audit_log (actor_id, action, entity, after) VALUES (NULL, 'system.seed', 'scale', $1)`, [
        JSON.stringify({ workers: shape.workers, today: cal.today, rows: report.rows }),
      ]),
      'audit_log',
    );

    // Keys and indexes first (foreign keys need the keys they point at), then the foreign keys.
    for (const [what, restore] of [
      ['indexes', restoreIndexes],
      ['foreign keys', restoreForeignKeys],
    ] as const) {
      for (const table of restoreOrder(deferred, SCALE_TABLES)) {
        const t0 = performance.now();
        const n = await restore(client, deferred, table);
        if (!n) continue;
        const seconds = (performance.now() - t0) / 1000;
        report.steps.push({ label: `${what}: ${table}`, rows: null, seconds });
        log(line(`${what}: ${table} (${n})`, null, seconds));
      }
    }
    // The sequences carry on after the ids assigned here.
    await step(
      'sequences',
      sql(
        SCALE_TABLES.filter((t) => t !== 'symposium_attendees')
          .map(
            (t) =>
              `SELECT setval(pg_get_serial_sequence('${t}', 'id'), coalesce((SELECT max(id) FROM "${t}"), 1), (SELECT count(*) > 0 FROM "${t}"))`,
          )
          .join(' UNION ALL '),
      ),
    );
    await step('commit', sql('COMMIT'));
    // Survivors and lone elderly (db/scale/care.ts): a few thousand rows, so after the bulk load
    // with every key in place, and before the encryption step that seals their phones and cards.
    await step('survivors', sql(survivorsSql(shape, cal)));
    await step('lonely_elders', sql(eldersSql(shape, cal)));
    // After the bulk load, through the app's own code: the ID numbers and phones written in SQL
    // are encrypted (set-based SQL cannot: the key is not in the database), then a province's
    // campaign list by the app's own drawing statement, survivors and lone elderly included.
    const app = await openDatabase(opts.url);
    try {
      await step('encrypt ID numbers and phones', async () => {
        const counts = await app.db.transaction((tx) => rewritePii(tx, piiKeyring(), 'seal'));
        return Object.values(counts).reduce((a, b) => a + b, 0);
      });
      await step('campaign list (province)', () => seedProvinceCampaign(app.db, cal.today));
    } finally {
      await app.close();
    }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    await client.end();
    throw err;
  }

  try {
    // Outside the transaction: set hint bits and visibility once, and give the planner statistics.
    await step('vacuum analyze', sql(`VACUUM (ANALYZE) ${SCALE_TABLES.map((t) => `"${t}"`).join(', ')}`));
    const { rows } = await client.query<{ size: string }>(
      'SELECT pg_size_pretty(pg_database_size(current_database())) AS size',
    );
    report.databaseSize = rows[0].size;
  } finally {
    await client.end();
  }
  report.seconds = (performance.now() - began) / 1000;
  log(`[scale] done in ${report.seconds.toFixed(1)} s; database size ${report.databaseSize}`);
  return report;
}
