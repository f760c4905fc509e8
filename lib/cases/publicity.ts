import 'server-only';
import { and, count, eq, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { getPublishedCaseHead } from '@/db/queries/cases';
import { cases, objections } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { canClosePublicity } from '@/lib/workflow/case-workflow';
import { moveCase } from './move';

/**
 * The system's sweep (not a server action): closes every publicity window that has ended with no
 * undecided objection, each case in its own transaction with its own guarded update and audit
 * row. A case someone moved meanwhile (an objection, an upholding) is left for the next sweep.
 */
export async function closeDuePublicity(db: Database, today: string): Promise<number[]> {
  const due = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.state, 'in_publicity'), lt(cases.publicityEnd, today)));
  const closed: number[] = [];
  for (const { id } of due) {
    try {
      await db.transaction(async (tx) => {
        const c = await getPublishedCaseHead(tx, id);
        const [{ pending }] = await tx
          .select({ pending: count() })
          .from(objections)
          .where(and(eq(objections.caseId, id), eq(objections.status, 'pending')));
        const may = canClosePublicity({ endsOn: c.publicityEnd!, today, pendingObjections: pending });
        if (!may.ok) return;
        const moved = await moveCase(tx, null, c, 'close_publicity');
        await writeAudit(tx, null, {
          action: 'case.close_publicity',
          entity: 'case',
          entityId: id,
          before: { state: c.state },
          after: { state: moved.to },
        });
        closed.push(id);
      });
    } catch (err) {
      if (err instanceof AppError) continue; // moved meanwhile: the next sweep sees it
      throw err;
    }
  }
  return closed;
}
