import 'server-only';
import { count, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '@/db/client';
import { publicityDays } from '@/db/queries/settings';
import { caseDocuments, households, type DOCUMENT_PURPOSES } from '@/db/schema';
import {
  checkChosenAmount,
  NO_FILE,
  type ChosenAmountProblem,
  type ComputedAmount,
  type StandardCategory,
} from '@/lib/aid/standards';
import { todayInChina } from '@/lib/dates';
import { invalidField } from '@/lib/errors';
import type { Actor } from '@/lib/scope';
import { publicityEndsOn } from '@/lib/workflow/case-workflow';
import { checkDocument, SNIFF_BYTES, storedFileName } from './documents';

/**
 * What every kind of case writes the same way: the household category its amount is computed
 * for, the computed amount's columns, the publicity window an approval opens, a stored document.
 */

/** The household category the standard applies to for a worker: the active file's, else "no file". */
export async function standardCategoryOf(
  db: Queryable,
  workerId: number,
): Promise<{ householdId: number | null; category: StandardCategory }> {
  const [h] = await db
    .select({ id: households.id, status: households.status, category: households.category })
    .from(households)
    .where(eq(households.workerId, workerId));
  return { householdId: h?.id ?? null, category: h?.status === 'active' ? h.category : NO_FILE };
}

/** What a case keeps of its computed amount: the version, the rule as it was, and the amount. */
export const amountColumns = (amount: ComputedAmount) => ({
  standardId: amount.standard.id,
  rule: amount.rule,
  frequency: amount.frequency,
  computedFen: amount.fen,
  amountFen: amount.fen,
});

/** The publicity window an approval opens today, as long as leaders have set it. */
export async function publicityFromToday(tx: Tx): Promise<{ publicityStart: string; publicityEnd: string }> {
  const today = todayInChina();
  return { publicityStart: today, publicityEnd: publicityEndsOn(today, await publicityDays(tx)) };
}

/**
 * Stores a document of a case after checking it (type sniffed from the content, size, the
 * case's count). The caller has found the case through a scoped query and holds what keeps the
 * count honest under concurrency (a lock on the case or on its student). A refused file throws a
 * field error under `field`, so nothing of the transaction is kept.
 */
export async function storeDocument(
  tx: Tx,
  actor: Pick<Actor, 'userId'>,
  caseId: number,
  file: Blob,
  purpose: (typeof DOCUMENT_PURPOSES)[number],
  field: string,
) {
  const content = Buffer.from(await file.arrayBuffer());
  const [{ n }] = await tx.select({ n: count() }).from(caseDocuments).where(eq(caseDocuments.caseId, caseId));
  const checked = checkDocument({ size: content.byteLength, head: content.subarray(0, SNIFF_BYTES) }, n);
  if (!checked.ok) throw invalidField(field, checked.problem);
  const fileName = storedFileName((file as File).name ?? '', checked.type);
  const [doc] = await tx
    .insert(caseDocuments)
    .values({
      caseId,
      fileName,
      contentType: checked.type,
      purpose,
      sizeBytes: content.byteLength,
      content,
      uploadedBy: actor.userId,
    })
    .returning({
      id: caseDocuments.id,
      fileName: caseDocuments.fileName,
      contentType: caseDocuments.contentType,
      sizeBytes: caseDocuments.sizeBytes,
      createdAt: caseDocuments.createdAt,
    });
  return { ...doc, purpose };
}

/** Each problem with an approver's amount, as the field and message the form shows. */
const AMOUNT_PROBLEM: Record<ChosenAmountProblem, [field: string, key: string]> = {
  invalidAmount: ['amount', 'amountFormat'],
  fixedAmount: ['amount', 'amountFixed'],
  outOfRange: ['amount', 'amountOutOfRange'],
  reasonRequired: ['amountReason', 'amountReasonRequired'],
};

/** The approver's amount checked against the rule (checkChosenAmount), or the field error. */
export function approverAmount(
  computed: Pick<ComputedAmount, 'fen' | 'rule'>,
  chosenFen: number,
  reason: string | null | undefined,
): { fen: number; overridden: boolean } {
  const chosen = checkChosenAmount(computed, chosenFen, reason);
  if (!chosen.ok) throw invalidField(...AMOUNT_PROBLEM[chosen.problem]);
  return chosen;
}

/** What an audit row says of a stored document: never its content. */
export const documentRef = (d: { id: number; fileName: string; purpose: string }) => ({
  id: d.id,
  fileName: d.fileName,
  purpose: d.purpose,
});
