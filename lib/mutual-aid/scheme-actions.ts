'use server';

import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { mutualSchemes, mutualSchemeVersions } from '@/db/schema';
import { action } from '@/lib/auth/action';
import { AppError, isUniqueViolation, notFound } from '@/lib/errors';
import { schemeSchema, schemeVersionSchema, type versionFields } from '@/lib/validation/mutual-aid';
import { versionProblems, type PayoutRule, type SchemeKind } from './rules';

type Fields = z.output<z.ZodObject<typeof versionFields>>;

/** The kind's payout rule from the form's fields (the other kinds' fields are ignored). */
function ruleOf(kind: SchemeKind, f: Fields): PayoutRule {
  const items = f.items.map((i) => ({ code: i.code, zh: i.zh, en: i.en, fen: i.amount }));
  switch (kind) {
    case 'medical':
      return {
        type: 'medical',
        deductibleFen: f.deductible,
        bands: f.bands.map((b) => ({ uptoFen: b.upto, rateBp: b.rate })),
        capFen: f.cap,
      };
    case 'critical_illness':
      return { type: 'critical_illness', items, capFen: f.cap };
    case 'accident':
      return {
        type: 'accident',
        items,
        hospitalDayFen: f.hospitalDay,
        maxHospitalDays: f.maxHospitalDays,
        capFen: f.cap,
      };
    case 'women_special':
      return { type: 'women_special', items, capFen: f.cap, minAge: f.minAge, maxAge: f.maxAge };
  }
}

/** Checks a version against the scheme's rules; every problem goes next to its field, nothing is saved. */
function versionValues(kind: SchemeKind, f: Fields) {
  const v = {
    effectiveOn: f.effectiveOn,
    contributionFen: f.contribution,
    unionFen: f.union,
    unitFen: f.unit,
    memberFen: f.member,
    maxShares: f.maxShares,
    termYears: f.termYears,
    windowStart: f.windowStart,
    windowEnd: f.windowEnd,
    waitingDays: f.waitingDays,
    renewalGraceDays: f.renewalGraceDays,
    filingDeadline: f.filingDeadline,
    publish: f.publish,
    documents: [...new Set(f.documents)],
    rule: ruleOf(kind, f),
  };
  const problems = versionProblems(v, kind);
  if (Object.keys(problems).length > 0) {
    // The form's names: the split sum shows under the member's share, the cap and deductible under theirs.
    const field: Record<string, string> = { capFen: 'cap', deductibleFen: 'deductible', hospitalDayFen: 'hospitalDay' };
    throw new AppError(
      'invalid',
      'invalid',
      Object.fromEntries(
        Object.entries(problems).map(([k, m]) => [k === 'memberFen' ? 'member' : (field[k] ?? k), [m]]),
      ),
    );
  }
  return v;
}

/** A leader creates a scheme with its first version. */
export const createScheme = action(
  { name: 'mutual.createScheme', can: 'mutual.schemes', schema: schemeSchema },
  async (input, { actor, tx }) => {
    const values = versionValues(input.kind, input);
    let schemeId: number;
    try {
      [{ id: schemeId }] = await tx
        .insert(mutualSchemes)
        .values({
          code: input.code,
          kind: input.kind,
          nameZh: input.nameZh,
          nameEn: input.nameEn,
          createdBy: actor.userId,
        })
        .returning({ id: mutualSchemes.id });
    } catch (err) {
      if (isUniqueViolation(err, 'mutual_schemes_code_key'))
        throw new AppError('invalid', 'invalid', { code: ['mutualSchemeCodeTaken'] });
      throw err;
    }
    const [{ id: versionId }] = await tx
      .insert(mutualSchemeVersions)
      .values({ ...values, schemeId, createdBy: actor.userId })
      .returning({ id: mutualSchemeVersions.id });
    return {
      data: { id: schemeId, versionId },
      audit: {
        action: 'mutual.createScheme',
        entity: 'mutual_scheme',
        entityId: schemeId,
        after: { code: input.code, kind: input.kind, versionId, ...values },
      },
    };
  },
);

/**
 * A leader's edit of a scheme: a new version effective from its date. Earlier versions stay as they
 * were, so claims keep the version their payout was computed with.
 */
export const addSchemeVersion = action(
  { name: 'mutual.addSchemeVersion', can: 'mutual.schemes', schema: schemeVersionSchema },
  async (input, { actor, tx }) => {
    const [scheme] = await tx
      .select({ kind: mutualSchemes.kind })
      .from(mutualSchemes)
      .where(eq(mutualSchemes.id, input.schemeId))
      .for('update');
    if (!scheme) throw notFound();
    const values = versionValues(scheme.kind, input);
    const [{ id }] = await tx
      .insert(mutualSchemeVersions)
      .values({ ...values, schemeId: input.schemeId, createdBy: actor.userId })
      .returning({ id: mutualSchemeVersions.id });
    return {
      data: { id },
      audit: {
        action: 'mutual.addSchemeVersion',
        entity: 'mutual_scheme',
        entityId: input.schemeId,
        after: { versionId: id, ...values },
      },
    };
  },
);
