'use server';

import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { enrolmentManageable } from '@/db/queries/mutual-aid';
import { unitsWhere } from '@/db/queries/scope';
import { mutualEnrolments, orgUnits, users } from '@/db/schema';
import { action } from '@/lib/auth/action';
import { todayInChina } from '@/lib/dates';
import { conflict, notFound } from '@/lib/errors';
import { scopeOf } from '@/lib/scope';
import {
  cancelEnrolmentSchema,
  confirmEnrolmentsSchema,
  contributionSchema,
  enrolSchema,
  requestEnrolmentSchema,
} from '@/lib/validation/mutual-aid';
import { listMembers, termVersion } from './enrolment';
import { addToFund } from './funds';

/** An official lists workers of their unit (and below) for a scheme-year: the group list. */
export const enrolMembers = action(
  { name: 'mutual.enrol', can: 'mutual.enrol', schema: enrolSchema },
  async (input, { actor, tx }) => {
    const v = await termVersion(tx, input.schemeId, input.year, todayInChina());
    const ids = [...new Set(input.memberIds)];
    const members = await tx
      .select({ id: users.id, unitId: users.unitId, idNumber: users.idNumber })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
      .where(
        and(inArray(users.id, ids), eq(users.role, 'worker'), eq(users.disabled, false), unitsWhere(scopeOf(actor))),
      );
    // Someone outside the official's units is "not found", like every record out of scope.
    if (members.length !== ids.length) throw notFound();
    const listed = await listMembers(tx, actor, v, input.year, members, input.shares, 'listed');
    return {
      data: { listed: listed.length, skipped: ids.length - listed.length },
      audit: {
        action: 'mutual.enrol',
        entity: 'mutual_scheme',
        entityId: input.schemeId,
        after: { year: input.year, shares: input.shares, enrolmentIds: listed, skipped: ids.length - listed.length },
      },
    };
  },
);

/** A worker asks to be put on the list; their unit's official or the branch confirms it like any listing. */
export const requestEnrolment = action(
  { name: 'mutual.requestEnrolment', can: 'mutual.requestEnrolment', schema: requestEnrolmentSchema },
  async (input, { actor, tx }) => {
    const v = await termVersion(tx, input.schemeId, input.year, todayInChina());
    const [me] = await tx
      .select({ id: users.id, unitId: users.unitId, idNumber: users.idNumber })
      .from(users)
      .where(eq(users.id, actor.userId));
    const listed = await listMembers(tx, actor, v, input.year, [me], input.shares, 'requested');
    if (listed.length === 0) throw conflict('mutualAlreadyEnrolled');
    return {
      data: { id: listed[0] },
      audit: {
        action: 'mutual.requestEnrolment',
        entity: 'mutual_enrolment',
        entityId: listed[0],
        after: { schemeId: input.schemeId, year: input.year, shares: input.shares },
      },
    };
  },
);

/**
 * The branch confirms listed (or requested) enrolments of its units: each becomes cover, and gets
 * its yearly cap rows (one per calendar year of the term) that claims draw on. Nobody confirms
 * their own enrolment.
 */
export const confirmEnrolments = action(
  { name: 'mutual.confirmEnrolments', can: 'mutual.confirm', schema: confirmEnrolmentsSchema },
  async ({ enrolmentIds }, { actor, tx }) => {
    const ids = [...new Set(enrolmentIds)];
    const rows = await tx
      .update(mutualEnrolments)
      .set({
        state: 'confirmed',
        confirmedBy: actor.userId,
        confirmedAt: sql`now()` as unknown as Date,
        version: sql`${mutualEnrolments.version} + 1`,
        updatedAt: sql`now()` as unknown as Date,
      })
      .where(
        and(
          inArray(mutualEnrolments.id, ids),
          inArray(mutualEnrolments.state, ['listed', 'requested']),
          ne(mutualEnrolments.memberId, actor.userId),
          sql`${mutualEnrolments.unitId} IN (SELECT ${orgUnits.id} FROM ${orgUnits} WHERE ${enrolmentManageable(actor)})`,
        ),
      )
      .returning({
        id: mutualEnrolments.id,
        versionId: mutualEnrolments.versionId,
        year: mutualEnrolments.year,
        termEnd: mutualEnrolments.termEnd,
        shares: mutualEnrolments.shares,
      });
    if (rows.length === 0) throw conflict('mutualNothingToConfirm');
    // Each year of the term gets its cap: the rule's cap per share, from the enrolment's version.
    await tx.execute(sql`
      INSERT INTO mutual_caps (enrolment_id, year, cap_fen)
      SELECT e.id, y, (v.rule->>'capFen')::int * e.shares
      FROM mutual_enrolments e
      JOIN mutual_scheme_versions v ON v.id = e.version_id
      CROSS JOIN LATERAL generate_series(e.year, extract(year FROM e.term_end)::int) AS y
      WHERE e.id = ANY(${sql.raw(`'{${rows.map((r) => r.id).join(',')}}'::int[]`)})
      ON CONFLICT (enrolment_id, year) DO NOTHING`);
    return {
      data: { confirmed: rows.length, skipped: ids.length - rows.length },
      audit: {
        action: 'mutual.confirmEnrolments',
        entity: 'mutual_enrolment',
        entityId: rows[0].id,
        after: { enrolmentIds: rows.map((r) => r.id), skipped: ids.length - rows.length },
      },
    };
  },
);

/** Takes a listed or requested member off the list, with a reason (confirmed cover is not withdrawn mid-term). */
export const cancelEnrolment = action(
  { name: 'mutual.cancelEnrolment', can: 'mutual.enrol', schema: cancelEnrolmentSchema },
  async ({ enrolmentId, version, reason }, { actor, tx }) => {
    const [row] = await tx
      .update(mutualEnrolments)
      .set({
        state: 'cancelled',
        version: sql`${mutualEnrolments.version} + 1`,
        updatedAt: sql`now()` as unknown as Date,
      })
      .where(
        and(
          eq(mutualEnrolments.id, enrolmentId),
          eq(mutualEnrolments.version, version),
          inArray(mutualEnrolments.state, ['listed', 'requested']),
          eq(mutualEnrolments.contributionStatus, 'unpaid'),
          sql`${mutualEnrolments.unitId} IN (SELECT ${orgUnits.id} FROM ${orgUnits} WHERE ${enrolmentManageable(actor)})`,
        ),
      )
      .returning({ id: mutualEnrolments.id });
    if (!row) throw conflict('mutualNotCancellable');
    return {
      data: { id: row.id },
      audit: { action: 'mutual.cancelEnrolment', entity: 'mutual_enrolment', entityId: row.id, after: { reason } },
    };
  },
);

/**
 * Records members' contributions as paid, deducted from payroll, or back to unpaid. The fund of the
 * scheme's term year takes in a contribution when it stops being unpaid, and gives it back when it
 * becomes unpaid again, in this same transaction.
 */
export const setContributions = action(
  { name: 'mutual.setContributions', can: 'mutual.contributions', schema: contributionSchema },
  async ({ enrolmentIds, status }, { actor, tx }) => {
    const ids = [...new Set(enrolmentIds)];
    const before = await tx
      .select({
        id: mutualEnrolments.id,
        schemeId: mutualEnrolments.schemeId,
        year: mutualEnrolments.year,
        status: mutualEnrolments.contributionStatus,
        fen: mutualEnrolments.contributionFen,
      })
      .from(mutualEnrolments)
      .innerJoin(orgUnits, eq(orgUnits.id, mutualEnrolments.unitId))
      .where(
        and(
          inArray(mutualEnrolments.id, ids),
          inArray(mutualEnrolments.state, ['listed', 'confirmed']),
          enrolmentManageable(actor),
        ),
      )
      .for('update', { of: mutualEnrolments });
    if (before.length !== ids.length) throw notFound();
    const changing = before.filter((r) => r.status !== status);
    if (changing.length > 0)
      await tx
        .update(mutualEnrolments)
        .set({
          contributionStatus: status,
          version: sql`${mutualEnrolments.version} + 1`,
          updatedAt: sql`now()` as unknown as Date,
        })
        .where(
          inArray(
            mutualEnrolments.id,
            changing.map((r) => r.id),
          ),
        );
    const deltas = new Map<string, { schemeId: number; year: number; fen: number }>();
    for (const r of changing) {
      const sign = r.status === 'unpaid' ? 1 : status === 'unpaid' ? -1 : 0;
      if (sign === 0) continue;
      const key = `${r.schemeId}:${r.year}`;
      const d = deltas.get(key) ?? { schemeId: r.schemeId, year: r.year, fen: 0 };
      d.fen += sign * r.fen;
      deltas.set(key, d);
    }
    for (const d of deltas.values()) await addToFund(tx, d.schemeId, d.year, { contributionsFen: d.fen });
    return {
      data: { changed: changing.length },
      audit: {
        action: 'mutual.setContributions',
        entity: 'mutual_enrolment',
        entityId: ids[0],
        after: { status, enrolmentIds: changing.map((r) => r.id) },
      },
    };
  },
);
