/**
 * The mixed load's writes (bench/run.ts): `tsx --conditions=react-server bench/writer.ts <seconds> <per second>`
 * with DATABASE_URL. Submissions, decisions (a sub-branch official's verification) and household
 * visits in turn, each through the portal's own data layer — the guarded move with its history,
 * notifications and dashboard aggregates, and its audit row, in one transaction — so the figures'
 * cache is invalidated by each (its triggers) exactly as a write through a page would. Runs in a
 * process of its own, paced at the given rate; prints what it did as one JSON line.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { getCaseHead } from '@/db/queries/cases';
import { visits } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { moveCase } from '@/lib/cases/move';
import { todayInChina } from '@/lib/dates';
import type { Actor } from '@/lib/scope';

const [seconds, rate] = process.argv.slice(2).map(Number);
const handle = await openDatabase();
const db = handle.db;

const rows = async <T>(query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[];
const actorSelect = sql`u.id AS "userId", u.employee_no AS "employeeNo", u.name, u.role, u.unit_id AS "unitId", o.path AS "unitPath", u.session_version AS version`;

// Enough work for the whole run, chosen up front so that the paced loop only writes.
const want = Math.ceil((seconds * rate) / 3) + 10;
const drafts = await rows<Actor & { caseId: number }>(sql`
  SELECT c.id AS "caseId", ${actorSelect} FROM cases c JOIN users u ON u.id = c.applicant_id JOIN org_units o ON o.id = u.unit_id
  WHERE c.state = 'draft' AND NOT u.disabled ORDER BY c.id DESC LIMIT ${want}`);
const submitted = await rows<Actor & { caseId: number }>(sql`
  SELECT DISTINCT ON (c.id) c.id AS "caseId", ${actorSelect} FROM cases c
  JOIN users u ON u.unit_id = c.unit_id AND u.role = 'sub_branch_official' AND NOT u.disabled AND u.id <> c.applicant_id
  JOIN org_units o ON o.id = u.unit_id
  WHERE c.state = 'submitted' ORDER BY c.id DESC LIMIT ${want}`);
const households = await rows<{ householdId: number; recordedBy: number }>(sql`
  SELECT h.id AS "householdId", u.id AS "recordedBy" FROM households h
  JOIN users u ON u.unit_id = h.unit_id AND u.role = 'sub_branch_official' AND NOT u.disabled
  WHERE h.status = 'active' ORDER BY h.id DESC LIMIT ${want}`);

const done = { submissions: 0, decisions: 0, visits: 0, conflicts: 0, errors: 0 };
const today = todayInChina();

async function move(kind: 'submissions' | 'decisions', item: (Actor & { caseId: number }) | undefined) {
  if (!item) return;
  const { caseId, ...actor } = item;
  await db.transaction(async (tx) => {
    const head = await getCaseHead(tx, actor, caseId);
    const moved =
      kind === 'submissions'
        ? await moveCase(tx, actor, head, 'submit', { set: { submittedAt: new Date() } })
        : await moveCase(tx, actor, head, 'approve', { comment: 'bench' });
    await writeAudit(tx, actor.userId, { action: `case.${moved.to}`, entity: 'case', entityId: caseId });
  });
  done[kind]++;
}

async function visit(item: { householdId: number; recordedBy: number } | undefined) {
  if (!item) return;
  await db.transaction(async (tx) => {
    const [v] = await tx
      .insert(visits)
      .values({
        householdId: item.householdId,
        visitedOn: today,
        visitors: 'bench',
        knows: ['name', 'address'],
        recordedBy: item.recordedBy,
      })
      .returning({ id: visits.id });
    await writeAudit(tx, item.recordedBy, { action: 'visit.create', entity: 'visit', entityId: v.id });
  });
  done.visits++;
}

const started = performance.now();
const latencies: number[] = [];
for (let i = 0; performance.now() - started < seconds * 1000; i++) {
  const due = started + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const t0 = performance.now();
  // Not awaited in line: a slow write must not lower the rate; the pool bounds how many run at once.
  void (async () => {
    try {
      if (i % 3 === 0) await move('submissions', drafts.pop());
      else if (i % 3 === 1) await move('decisions', submitted.pop());
      else await visit(households.pop());
      latencies.push(performance.now() - t0);
    } catch (err) {
      if ((err as { code?: string }).code === 'conflict') done.conflicts++;
      else {
        done.errors++;
        if (done.errors <= 3) console.error(err);
      }
    }
  })();
}
await new Promise((r) => setTimeout(r, 2_000)); // the last writes finish
latencies.sort((a, b) => a - b);
const p = (q: number) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor((q / 100) * latencies.length))] ?? 0);
console.log(
  JSON.stringify({
    ...done,
    perSecond: (done.submissions + done.decisions + done.visits) / seconds,
    p50: p(50),
    p99: p(99),
  }),
);
await handle.close();
