import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import {
  enrolableWorkers,
  enrolmentsOfMembers,
  getJob,
  householdsOfWorkers,
  membersOf,
  peopleByEmployeeNo,
  recordsAfter,
  type ImportJob,
} from '@/db/queries/imports';
import { personAuditView } from '@/db/queries/people';
import { householdEvents, importJobs, importRecords, orgUnits, users, type RowOutcome } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { hashOneTimePassword } from '@/lib/auth/password';
import { todayInChina } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { listMembers, termVersion } from '@/lib/mutual-aid/enrolment';
import { contributionFor, enrolmentRefusal, sharesChangeable } from '@/lib/mutual-aid/rules';
import { nextReviewDue } from '@/lib/register/rules';
import { likePrefix, scopeOf, type Actor } from '@/lib/scope';
import type { StagedEnrolment, StagedHousehold, StagedPerson } from './dry-run';
import type { MemberRecord } from './rules';
import { oneTimePassword } from './one-time-password';
import {
  insertHousehold,
  insertPeople,
  replaceMembers,
  updateEnrolmentShares,
  updateHousehold,
  updatePerson,
} from './writers';

/** Records applied in one transaction: small enough that a batch's locks are brief, large enough to be fast. */
export const APPLY_BATCH = 500;

type Counts = Record<RowOutcome, number>;

async function applyPeople(tx: Tx, actor: Actor, jobId: number, records: { seq: number; data: unknown }[]) {
  const people = records.map((r) => ({ seq: r.seq, ...(r.data as StagedPerson) }));
  const existing = new Map(
    (
      await peopleByEmployeeNo(
        tx,
        people.map((p) => p.employeeNo),
        { forUpdate: true },
      )
    ).map((p) => [p.employeeNo, p]),
  );
  const outcomes = new Map<number, RowOutcome>();
  const fresh = people.filter((p) => !existing.has(p.employeeNo));
  const inserted = await insertPeople(
    tx,
    fresh.map((p) => ({
      employeeNo: p.employeeNo,
      name: p.name,
      unitId: p.unitId,
      idNumber: p.idNumber,
      phone: p.phone,
      passwordHash: hashOneTimePassword(oneTimePassword(jobId, p.employeeNo)),
    })),
  );
  const ids = new Map(inserted.map((r) => [r.employeeNo, r.id]));
  for (const p of fresh) {
    outcomes.set(p.seq, 'created');
    await writeAudit(tx, actor.userId, {
      action: 'user.importCreate',
      entity: 'user',
      entityId: ids.get(p.employeeNo),
      after: personAuditView({ ...p, role: 'worker', disabled: false }),
    });
  }
  for (const p of people) {
    const before = existing.get(p.employeeNo);
    if (!before) continue;
    // The dry run refused officials' numbers; one promoted since then is not touched either.
    if (before.role !== 'worker') throw new AppError('conflict', 'importStale');
    const change = { name: p.name, unitId: p.unitId, idNumber: p.idNumber, phone: p.phone };
    const same =
      before.name === change.name &&
      before.unitId === change.unitId &&
      before.idNumber === change.idNumber &&
      before.phone === change.phone;
    outcomes.set(p.seq, same ? 'unchanged' : 'updated');
    if (same) continue;
    await updatePerson(tx, before.id, change, before.unitId !== change.unitId);
    await writeAudit(tx, actor.userId, {
      action: 'user.importUpdate',
      entity: 'user',
      entityId: before.id,
      before: personAuditView(before),
      after: personAuditView({ ...before, ...change }),
    });
  }
  return outcomes;
}

/** Members compared field by field in one order (staged records come back from jsonb with keys reordered). */
const memberKey = (list: MemberRecord[]) =>
  JSON.stringify(list.map((m) => [m.name, m.relation, m.birthDate, m.health, m.schoolOrWork, m.monthlyIncomeFen]));

async function applyHouseholds(tx: Tx, actor: Actor, records: { seq: number; data: unknown }[]) {
  const files = records.map((r) => ({ seq: r.seq, ...(r.data as StagedHousehold) }));
  // Still a worker whose register the actor keeps (the dry run checked; a move since then is refused).
  const scope = scopeOf(actor);
  const inScope = await tx
    .select({ id: users.id, unitId: users.unitId })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(
      and(
        inArray(
          users.id,
          files.map((f) => f.workerId),
        ),
        eq(users.role, 'worker'),
        scope.kind === 'subtree' ? sql`${orgUnits.path} LIKE ${likePrefix(scope.unitPath)}` : undefined,
      ),
    );
  const workers = new Map(inScope.map((w) => [w.id, w]));
  const existing = new Map(
    (
      await householdsOfWorkers(
        tx,
        files.map((f) => f.workerId),
      )
    ).map((h) => [h.workerId, h]),
  );
  const members = await membersOf(
    tx,
    [...existing.values()].map((h) => h.id),
  );
  const outcomes = new Map<number, RowOutcome>();
  const today = todayInChina();
  for (const f of files) {
    const worker = workers.get(f.workerId);
    if (!worker || scope.kind === 'self') throw new AppError('conflict', 'importStale');
    const { seq: _seq, employeeNo: _no, workerId, unitId: _unit, members: list, filedOn, ...fields } = f;
    const before = existing.get(workerId);
    if (!before) {
      const filed = filedOn ?? today;
      const id = await insertHousehold(tx, {
        ...fields,
        workerId,
        unitId: worker.unitId,
        filedOn: filed,
        reviewDue: nextReviewDue(filed),
      });
      await replaceMembers(tx, id, list);
      await tx
        .insert(householdEvents)
        .values({ householdId: id, kind: 'filed', on: filed, toCategory: fields.category, actorId: actor.userId });
      outcomes.set(f.seq, 'created');
      await writeAudit(tx, actor.userId, {
        action: 'household.importCreate',
        entity: 'household',
        entityId: id,
        after: { workerId, category: fields.category, keepingLevel: fields.keepingLevel, members: list.length },
      });
      continue;
    }
    const { id: householdId, workerId: _w, ...current } = before;
    const had = members.filter((m) => m.householdId === householdId).map(({ householdId: _h, ...m }) => m);
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
      (k) => JSON.stringify(fields[k]) !== JSON.stringify(current[k]),
    );
    const membersChanged = memberKey(had) !== memberKey(list);
    if (!changed.length && !membersChanged) {
      outcomes.set(f.seq, 'unchanged');
      continue;
    }
    await updateHousehold(tx, householdId, fields);
    if (membersChanged) await replaceMembers(tx, householdId, list);
    if (fields.category !== current.category) {
      await tx.insert(householdEvents).values({
        householdId,
        kind: 'category_changed',
        on: today,
        fromCategory: current.category,
        toCategory: fields.category,
        reason: 'import',
        actorId: actor.userId,
      });
    }
    outcomes.set(f.seq, 'updated');
    // Income and family details are sensitive: the audit names what changed, with the values only
    // of the category and the keeping level (as the register's own edits record them).
    await writeAudit(tx, actor.userId, {
      action: 'household.importUpdate',
      entity: 'household',
      entityId: householdId,
      before: { category: current.category, keepingLevel: current.keepingLevel, members: had.length },
      after: {
        category: fields.category,
        keepingLevel: fields.keepingLevel,
        members: list.length,
        changed: [...changed, ...(membersChanged ? ['members'] : [])],
      },
    });
  }
  return outcomes;
}

/**
 * Enrolment rows, through the enrol action's own rules: the scheme-year must still be open, the
 * member still one the actor may enrol; a new member is listed as the action lists, one already on
 * the list gets the file's shares (while that is allowed) or is left alone.
 */
async function applyEnrolments(tx: Tx, actor: Actor, job: ImportJob, records: { seq: number; data: unknown }[]) {
  const rows = records.map((r) => ({ seq: r.seq, ...(r.data as StagedEnrolment) }));
  const { schemeId, year } = job.params;
  if (!schemeId || !year) throw new AppError('conflict', 'importStale');
  const v = await termVersion(tx, schemeId, year, todayInChina());
  const workers = new Map(
    (
      await enrolableWorkers(
        tx,
        actor,
        rows.map((r) => r.employeeNo),
      )
    ).map((w) => [w.employeeNo, w]),
  );
  const existing = new Map(
    (
      await enrolmentsOfMembers(
        tx,
        schemeId,
        year,
        rows.map((r) => r.memberId),
        { forUpdate: true },
      )
    ).map((e) => [e.memberId, e]),
  );
  const outcomes = new Map<number, RowOutcome>();
  for (const r of rows) {
    const w = workers.get(r.employeeNo);
    // Moved out of the actor's units, disabled or renumbered since the dry run: check the file again.
    if (!w || w.id !== r.memberId || enrolmentRefusal(v, r.shares, w.idNumber))
      throw new AppError('conflict', 'importStale');
    const before = existing.get(w.id);
    if (!before) {
      const [id] = await listMembers(tx, actor, v, year, [w], r.shares, 'listed');
      // Listed by someone else after the lock was taken: the list has them, as the file wants.
      outcomes.set(r.seq, id ? 'created' : 'unchanged');
      if (!id) continue;
      await writeAudit(tx, actor.userId, {
        action: 'mutual.importEnrol',
        entity: 'mutual_enrolment',
        entityId: id,
        after: { schemeId, year, memberId: w.id, shares: r.shares },
      });
      continue;
    }
    if (before.shares === r.shares) {
      outcomes.set(r.seq, 'unchanged');
      continue;
    }
    if (!sharesChangeable(before.state, before.contributionStatus)) throw new AppError('conflict', 'importStale');
    await updateEnrolmentShares(tx, before.id, r.shares, contributionFor(v, r.shares).totalFen);
    outcomes.set(r.seq, 'updated');
    await writeAudit(tx, actor.userId, {
      action: 'mutual.importUpdate',
      entity: 'mutual_enrolment',
      entityId: before.id,
      before: { shares: before.shares },
      after: { shares: r.shares },
    });
  }
  return outcomes;
}

/**
 * Applies the next batch of a checked job on the caller's transaction, moving the job's progress
 * marker in it too: a batch is applied whole or not at all, and whoever continues (another click,
 * another instance, the same import resumed after a crash) starts after the last committed one.
 * The job row's lock makes two runners take turns. Returns the job after the batch and the
 * batch's audit entry.
 */
export async function applyBatch(tx: Tx, actor: Actor, jobId: number, size = APPLY_BATCH) {
  const job = await getJob(tx, actor, jobId, { forUpdate: true });
  if (job.status !== 'ready' && job.status !== 'running') throw new AppError('invalid', 'importNotReady');
  const records = await recordsAfter(tx, jobId, job.recordsDone, size);
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  if (records.length) {
    const outcomes =
      job.kind === 'roster'
        ? await applyPeople(tx, actor, jobId, records)
        : job.kind === 'households'
          ? await applyHouseholds(tx, actor, records)
          : await applyEnrolments(tx, actor, job, records);
    for (const o of outcomes.values()) counts[o]++;
    const seqs = records.map((r) => r.seq);
    const kinds = seqs.map((seq) => outcomes.get(seq)!);
    await tx.execute(sql`
      UPDATE ${importRecords} SET outcome = v.outcome
      FROM (SELECT unnest(${`{${seqs.join(',')}}`}::int[]) AS seq, unnest(${`{${kinds.join(',')}}`}::text[]) AS outcome) v
      WHERE ${importRecords.jobId} = ${jobId} AND ${importRecords.seq} = v.seq`);
  }
  const recordsDone = job.recordsDone + records.length;
  const done = recordsDone >= job.recordsTotal;
  await tx
    .update(importJobs)
    .set({
      status: done ? 'done' : 'running',
      recordsDone,
      created: sql`${importJobs.created} + ${counts.created}`,
      updated: sql`${importJobs.updated} + ${counts.updated}`,
      unchanged: sql`${importJobs.unchanged} + ${counts.unchanged}`,
      finishedAt: done ? new Date() : null,
    })
    .where(eq(importJobs.id, jobId));
  if (done) {
    // The staged copies held personal data only for the import: the key and outcome stay (for the
    // new accounts' credentials sheet), the values go.
    await tx.update(importRecords).set({ data: {} }).where(eq(importRecords.jobId, jobId));
  }
  return {
    job: await getJob(tx, actor, jobId),
    audit: {
      action: 'import.batch',
      entity: 'import_job',
      entityId: jobId,
      after: { from: job.recordsDone, to: recordsDone, ...counts },
    },
  };
}

/** The whole import, batch after batch, each in its own transaction (scripts and tests; the page loops in the browser). */
export async function applyAll(db: Database, actor: Actor, jobId: number, size = APPLY_BATCH) {
  for (;;) {
    const job = await db.transaction(async (tx) => {
      const { job, audit } = await applyBatch(tx, actor, jobId, size);
      await writeAudit(tx, actor.userId, audit);
      return job;
    });
    if (job.status === 'done') return job;
  }
}
