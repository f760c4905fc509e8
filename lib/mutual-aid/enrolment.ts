import 'server-only';
import type { Queryable, Tx } from '@/db/client';
import { previousTermEnd, schemeVersionOn } from '@/db/queries/mutual-aid';
import { mutualEnrolments } from '@/db/schema';
import { todayInChina } from '@/lib/dates';
import { invalidField } from '@/lib/errors';
import type { Actor } from '@/lib/scope';
import { contributionFor, coverStart, enrolmentRefusal, termOf, type SchemeVersion } from './rules';

/*
 * The rules of putting members on a scheme-year's list, shared by the enrol actions and the
 * enrolment import (lib/imports) so both refuse the same things.
 */

/**
 * The version an enrolment for a term is made under: the one in force on the term's first day, or
 * (a scheme that starts later) none. Joining is open from the window's first day (in the year
 * before) to the end of the term's first year; a late enrolment simply waits from its own day.
 */
export async function termVersion(
  tx: Queryable,
  schemeId: number,
  year: number,
  today: string,
): Promise<SchemeVersion> {
  const { start } = termOf(year, 1);
  const v = await schemeVersionOn(tx, schemeId, start > today ? start : today);
  if (!v) throw invalidField('schemeId', 'mutualNoVersion');
  if (today < `${year - 1}-${v.windowStart}` || today > `${year}-12-31`)
    throw invalidField('year', 'mutualOutsideWindow');
  return v;
}

export interface Member {
  id: number;
  unitId: number;
  idNumber: string | null;
}

/** Puts members on a scheme-year's list (or the worker's own request); those already there are skipped. */
export async function listMembers(
  tx: Tx,
  actor: Actor,
  v: SchemeVersion,
  year: number,
  members: Member[],
  shares: number,
  state: 'listed' | 'requested',
) {
  for (const m of members) {
    const refused = enrolmentRefusal(v, shares, m.idNumber);
    if (refused) throw invalidField(refused.field, refused.message);
  }
  const today = todayInChina();
  const term = termOf(year, v.termYears);
  const { totalFen } = contributionFor(v, shares);
  const listed: number[] = [];
  for (const m of members) {
    const cover = coverStart({
      termStart: term.start,
      enrolledOn: today,
      waitingDays: v.waitingDays,
      renewalGraceDays: v.renewalGraceDays,
      previousTermEnd: await previousTermEnd(tx, m.id, v.schemeId, year),
    });
    const [row] = await tx
      .insert(mutualEnrolments)
      .values({
        schemeId: v.schemeId,
        versionId: v.id,
        year,
        termStart: term.start,
        termEnd: term.end,
        memberId: m.id,
        unitId: m.unitId,
        shares,
        state,
        enrolledOn: today,
        coverFrom: cover.coverFrom,
        continuous: cover.continuous,
        contributionFen: totalFen,
        listedBy: state === 'listed' ? actor.userId : null,
      })
      .onConflictDoNothing({ target: [mutualEnrolments.schemeId, mutualEnrolments.year, mutualEnrolments.memberId] })
      .returning({ id: mutualEnrolments.id });
    if (row) listed.push(row.id);
  }
  return listed;
}
