import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { createdAfter, getJob, namesOf } from '@/db/queries/imports';
import { importJobs } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { conflict, notFound } from '@/lib/errors';
import type { Actor } from '@/lib/scope';
import { oneTimePassword } from './one-time-password';

/**
 * The one-time passwords of the accounts a finished roster import created, handed out once: the
 * job is marked in the same transaction (and audited), so a second request gets nothing.
 */
export async function takeCredentials(db: Database, actor: Actor, jobId: number) {
  return db.transaction(async (tx) => {
    const job = await getJob(tx, actor, jobId, { forUpdate: true });
    if (job.kind !== 'roster' || job.status !== 'done') throw notFound();
    const [taken] = await tx
      .update(importJobs)
      .set({ credentialsTakenAt: new Date() })
      .where(and(eq(importJobs.id, jobId), isNull(importJobs.credentialsTakenAt)))
      .returning({ id: importJobs.id });
    if (!taken) throw conflict('credentialsTaken');
    const out: { employeeNo: string; name: string; password: string }[] = [];
    for (let seq = 0; ;) {
      const page = await createdAfter(tx, jobId, seq, 1000);
      if (!page.length) break;
      seq = page[page.length - 1].seq;
      const names = new Map(
        (
          await namesOf(
            tx,
            page.map((p) => p.employeeNo),
          )
        ).map((n) => [n.employeeNo, n.name]),
      );
      for (const p of page)
        out.push({
          employeeNo: p.employeeNo,
          name: names.get(p.employeeNo) ?? '',
          password: oneTimePassword(jobId, p.employeeNo),
        });
    }
    await writeAudit(tx, actor.userId, {
      action: 'import.credentials',
      entity: 'import_job',
      entityId: jobId,
      after: { accounts: out.length },
    });
    return out;
  });
}
