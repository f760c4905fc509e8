'use server';

import { getJob } from '@/db/queries/imports';
import type { ImportKind } from '@/db/schema';
import { action, type ActionContext } from '@/lib/auth/action';
import { notFound } from '@/lib/errors';
import { runImportSchema } from '@/lib/validation/imports';
import { applyBatch } from './apply';

/** One batch of the actor's job of this kind; the page calls again until the job is done. */
async function runBatch(kind: ImportKind, jobId: number, { actor, tx }: ActionContext) {
  // A job of one kind cannot be continued through another kind's action.
  if ((await getJob(tx, actor, jobId)).kind !== kind) throw notFound();
  const { job, audit } = await applyBatch(tx, actor, jobId);
  return {
    data: { status: job.status, recordsDone: job.recordsDone, recordsTotal: job.recordsTotal },
    audit,
  };
}

export const runRosterImport = action(
  { name: 'import.rosterBatch', can: 'imports.roster', schema: runImportSchema },
  async ({ jobId }, ctx) => runBatch('roster', jobId, ctx),
);

export const runHouseholdImport = action(
  { name: 'import.householdsBatch', can: 'imports.households', schema: runImportSchema },
  async ({ jobId }, ctx) => runBatch('households', jobId, ctx),
);

export const runEnrolmentImport = action(
  { name: 'import.enrolmentsBatch', can: 'mutual.enrol', schema: runImportSchema },
  async ({ jobId }, ctx) => runBatch('enrolments', jobId, ctx),
);
