import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { mutualCaps, mutualClaims, mutualSchemeVersions } from '@/db/schema';
import { conflict, invalidField } from '@/lib/errors';
import type { ClaimRefusal } from './payout';
import { addToFund } from './funds';

/**
 * What the one case chain does for a mutual-aid claim at approval, at an upheld objection and at
 * payment (lib/cases/case-actions.ts calls these for kind 'mutual_aid'): draw the member's yearly
 * cap, give it back, and pay from the scheme-year's fund.
 */

/** Each refusal of a claim as the field and message the form shows next to it. */
export const REFUSAL_FIELD: Record<ClaimRefusal, [field: string, key: string]> = {
  notEnrolled: ['enrolmentId', 'mutualNotEnrolled'],
  waitingPeriod: ['eventOn', 'mutualWaitingPeriod'],
  pastFilingDeadline: ['eventOn', 'mutualPastFilingDeadline'],
  capExhausted: ['enrolmentId', 'mutualCapExhausted'],
  wrongSex: ['enrolmentId', 'mutualWrongSex'],
  ageOutOfRange: ['enrolmentId', 'mutualAgeOutOfRange'],
  itemNotCovered: ['itemCode', 'mutualItemNotCovered'],
  belowDeductible: ['selfPaid', 'mutualBelowDeductible'],
  nothingToPay: ['itemCode', 'mutualNothingToPay'],
};

/**
 * Approval draws the claim's payout on the member's cap for the event's year: a guarded
 * `used + payout <= cap` update, backed by the CHECK, so two approvals at the same moment can never
 * together pass the cap — the second finds the cap too small and nothing of its transaction is kept.
 * Returns whether the scheme publishes its claims (公示).
 */
export async function drawClaimCap(tx: Tx, caseId: number): Promise<{ publish: boolean; payoutFen: number }> {
  const [claim] = await tx
    .select({
      enrolmentId: mutualClaims.enrolmentId,
      capYear: mutualClaims.capYear,
      payoutFen: mutualClaims.payoutFen,
      capDrawnFen: mutualClaims.capDrawnFen,
      publish: mutualSchemeVersions.publish,
    })
    .from(mutualClaims)
    .innerJoin(mutualSchemeVersions, eq(mutualSchemeVersions.id, mutualClaims.versionId))
    .where(eq(mutualClaims.caseId, caseId));
  if (!claim) throw conflict('caseWrongState');
  if (claim.capDrawnFen > 0) throw conflict('caseWrongState');
  const [drawn] = await tx
    .update(mutualCaps)
    .set({ usedFen: sql`${mutualCaps.usedFen} + ${claim.payoutFen}` })
    .where(
      and(
        eq(mutualCaps.enrolmentId, claim.enrolmentId),
        eq(mutualCaps.year, claim.capYear),
        sql`${mutualCaps.usedFen} + ${claim.payoutFen} <= ${mutualCaps.capFen}`,
      ),
    )
    .returning({ id: mutualCaps.id });
  if (!drawn) throw invalidField('decision', 'mutualCapExceeded');
  const [marked] = await tx
    .update(mutualClaims)
    .set({ capDrawnFen: claim.payoutFen })
    .where(and(eq(mutualClaims.caseId, caseId), eq(mutualClaims.capDrawnFen, 0)))
    .returning({ caseId: mutualClaims.caseId });
  if (!marked) throw conflict();
  return { publish: claim.publish, payoutFen: claim.payoutFen };
}

/** An upheld objection takes the claim back before approval: its draw goes back to the cap. */
export async function releaseClaimCap(tx: Tx, caseId: number): Promise<void> {
  const [claim] = await tx
    .update(mutualClaims)
    .set({ capDrawnFen: 0 })
    .where(and(eq(mutualClaims.caseId, caseId), sql`${mutualClaims.capDrawnFen} > 0`))
    .returning({
      enrolmentId: mutualClaims.enrolmentId,
      capYear: mutualClaims.capYear,
      payoutFen: mutualClaims.payoutFen,
    });
  if (!claim) return;
  await tx
    .update(mutualCaps)
    .set({ usedFen: sql`${mutualCaps.usedFen} - ${claim.payoutFen}` })
    .where(and(eq(mutualCaps.enrolmentId, claim.enrolmentId), eq(mutualCaps.year, claim.capYear)));
}

/** Payment takes the payout out of the scheme-year's fund (the event's year). */
export async function payClaimFromFund(tx: Tx, caseId: number, amountFen: number): Promise<void> {
  const [claim] = await tx
    .select({ schemeId: mutualClaims.schemeId, capYear: mutualClaims.capYear, drawn: mutualClaims.capDrawnFen })
    .from(mutualClaims)
    .where(eq(mutualClaims.caseId, caseId));
  if (!claim || claim.drawn !== amountFen) throw conflict('caseWrongState');
  await addToFund(tx, claim.schemeId, claim.capYear, { payoutsFen: amountFen, payouts: 1 });
}
