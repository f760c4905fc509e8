import { randomUUID } from 'node:crypto';
import { applyStatDeltas, countDeltas, statDeltas } from '@/lib/stats/case-stats';
import { eq } from 'drizzle-orm';
import { saveStandard } from '@/lib/aid/aid-admin-actions';
import { getDb } from '@/db/client';
import { caseSteps, cases, users } from '@/db/schema';
import type { AidKind } from '@/lib/aid/standards';
import type { CaseState, Step } from '@/lib/workflow/case-workflow';
import { signInAs, userId } from './session';

const CATS = ['extreme', 'hardship', 'near', 'edge', 'serious_illness', 'education', 'none'];

/** A standard in force since 2000: poverty a range (1,000–3,000, suggested 2,000), death of a parent fixed 1,000. */
export async function saveTestStandard() {
  await signInAs('L0001');
  const r = await saveStandard({
    name: '测试标准',
    effectiveOn: '2000-01-01',
    kinds: [
      {
        kind: 'poverty',
        frequency: 'yearly',
        amounts: CATS.map((category) => ({
          category,
          type: 'range' as const,
          min: '1000',
          max: '3000',
          suggested: '2000',
        })),
      },
      {
        kind: 'death_of_parent',
        frequency: 'per_event',
        amounts: CATS.map((category) => ({ category, type: 'fixed' as const, fixed: '1000' })),
      },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data.id;
}

/**
 * A case put straight into a state with its history, for tests of one step (the race tests
 * above all): the chain before it is the actions' own business and tested elsewhere.
 */
export async function insertCase(o: {
  applicant: string;
  state: CaseState;
  steps?: [Step, string][];
  amountFen?: number;
  aidKind?: AidKind;
  appliedOn?: string;
  /** When its approval published it (default: the application date for a case in publicity). */
  publicityStart?: string | null;
}): Promise<number> {
  const db = await getDb();
  const applicantId = await userId(o.applicant);
  const [{ unitId }] = await db.select({ unitId: users.unitId }).from(users).where(eq(users.id, applicantId));
  const amountFen = o.amountFen ?? 100_000;
  const appliedOn = o.appliedOn ?? '2025-03-01';
  const [inserted] = await db
    .insert(cases)
    .values({
      aidKind: o.aidKind ?? 'poverty',
      applicantId,
      unitId,
      category: 'none',
      state: o.state,
      eventOn: appliedOn,
      whatHappened: '测试',
      amountFen,
      computedFen: amountFen,
      rule: { type: 'fixed', fen: amountFen },
      frequency: 'yearly',
      appliedOn,
      submittedAt: new Date(),
      publicityStart: o.publicityStart !== undefined ? o.publicityStart : o.state === 'in_publicity' ? appliedOn : null,
      publicityEnd: o.publicityStart !== undefined ? o.publicityStart : o.state === 'in_publicity' ? appliedOn : null,
      submitToken: randomUUID(),
    })
    .returning({
      id: cases.id,
      state: cases.state,
      unitId: cases.unitId,
      aidKind: cases.aidKind,
      amountFen: cases.amountFen,
      publicityStart: cases.publicityStart,
    });
  // Written past the actions, so it keeps the dashboards' aggregates itself (as the seeds do).
  await applyStatDeltas(db, statDeltas(null, inserted), countDeltas(unitId, null, o.state));
  const { id } = inserted;
  for (const [step, who] of o.steps ?? []) {
    await db.insert(caseSteps).values({
      caseId: id,
      step,
      action: 'approve',
      fromState: 'submitted',
      toState: 'verified',
      actorId: await userId(who),
    });
  }
  return id;
}
