'use server';

import { and, eq, sql } from 'drizzle-orm';
import { publicityDays, PUBLICITY_DAYS_KEY } from '@/db/queries/settings';
import { aidStandardRules, aidStandards, budgets, orgUnits, settings } from '@/db/schema';
import {
  amountTables,
  standardProblems,
  type AidKind,
  type AmountRule,
  type KindRule,
  type StandardCategory,
} from '@/lib/aid/standards';
import { action } from '@/lib/auth/action';
import { conflict, invalidField, isUniqueViolation } from '@/lib/errors';
import { publicityDaysSchema } from '@/lib/validation/aid-admin';
import { budgetSchema, standardSchema } from '@/lib/validation/cases';

/**
 * A new version of the aid standard (帮扶送温暖实施办法). Versions are never edited: editing the
 * standard saves a new one, so every case keeps the version it was decided under.
 */
export const saveStandard = action(
  { name: 'aid.saveStandard', can: 'aid.standards', schema: standardSchema },
  async ({ name, effectiveOn, kinds }, { actor, tx }) => {
    const byKind: Partial<Record<AidKind, KindRule>> = {};
    for (const k of kinds) {
      const kindRule: KindRule = { frequency: k.frequency, amounts: {} };
      for (const cell of k.amounts) {
        const rule: AmountRule =
          cell.type === 'fixed'
            ? { type: 'fixed', fen: cell.fixed }
            : { type: 'range', minFen: cell.min, maxFen: cell.max, suggestedFen: cell.suggested };
        const amounts = cell.variant ? ((kindRule.variants ??= {})[cell.variant] ??= {}) : kindRule.amounts;
        amounts[cell.category as StandardCategory] = rule;
      }
      byKind[k.kind] = kindRule;
    }
    if (standardProblems({ kinds: byKind }).length) throw invalidField('kinds', 'standardRuleProblem');
    const [{ id }] = await tx
      .insert(aidStandards)
      .values({ name, effectiveOn, createdBy: actor.userId })
      .returning({ id: aidStandards.id });
    const rows = Object.entries(byKind).flatMap(([kind, rule]) =>
      amountTables(rule).flatMap(([variant, amounts]) =>
        Object.entries(amounts).map(([category, r]) => ({
          standardId: id,
          kind: kind as AidKind,
          frequency: rule.frequency,
          category,
          variant,
          ruleType: r.type,
          fixedFen: r.type === 'fixed' ? r.fen : null,
          minFen: r.type === 'range' ? r.minFen : null,
          maxFen: r.type === 'range' ? r.maxFen : null,
          suggestedFen: r.type === 'range' ? r.suggestedFen : null,
        })),
      ),
    );
    await tx.insert(aidStandardRules).values(rows);
    return {
      data: { id },
      audit: {
        action: 'aid.saveStandard',
        entity: 'aid_standard',
        entityId: id,
        after: { name, effectiveOn, kinds: byKind },
      },
    };
  },
);

/**
 * Sets a yearly budget per aid kind, mine-wide or for one branch. Lowering it below what has
 * already been paid from it is refused (the same guard the database's CHECK keeps).
 */
export const setBudget = action(
  { name: 'aid.setBudget', can: 'aid.budgets', schema: budgetSchema },
  async ({ year, aidKind, unitId, amount }, { actor, tx }) => {
    if (unitId != null) {
      const [unit] = await tx.select({ level: orgUnits.level }).from(orgUnits).where(eq(orgUnits.id, unitId));
      if (unit?.level !== 'branch') throw invalidField('unitId', 'budgetUnitNotBranch');
    }
    const key = and(
      eq(budgets.year, year),
      eq(budgets.aidKind, aidKind),
      unitId == null ? sql`${budgets.unitId} IS NULL` : eq(budgets.unitId, unitId),
    );
    const [existing] = await tx
      .select({ id: budgets.id, amountFen: budgets.amountFen, spentFen: budgets.spentFen })
      .from(budgets)
      .where(key);
    if (!existing) {
      try {
        const [{ id }] = await tx
          .insert(budgets)
          .values({ year, aidKind, unitId, amountFen: amount, createdBy: actor.userId })
          .returning({ id: budgets.id });
        return {
          data: { id },
          audit: {
            action: 'aid.setBudget',
            entity: 'budget',
            entityId: id,
            after: { year, aidKind, unitId, amountFen: amount },
          },
        };
      } catch (err) {
        if (isUniqueViolation(err, 'budgets_year_kind_unit_key')) throw conflict();
        throw err;
      }
    }
    const [row] = await tx
      .update(budgets)
      .set({ amountFen: amount, version: sql`${budgets.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(budgets.id, existing.id), sql`${budgets.spentFen} <= ${amount}`))
      .returning({ id: budgets.id });
    if (!row) throw invalidField('amount', 'budgetBelowSpent');
    return {
      data: { id: row.id },
      audit: {
        action: 'aid.setBudget',
        entity: 'budget',
        entityId: row.id,
        before: { amountFen: existing.amountFen },
        after: { year, aidKind, unitId, amountFen: amount },
      },
    };
  },
);

/**
 * The publicity window's length (公示天数). Only cases approved from now on use it: a published
 * case keeps the end date it was given, so nobody's window moves under them.
 */
export const setPublicityDays = action(
  { name: 'aid.setPublicityDays', can: 'aid.publicitySettings', schema: publicityDaysSchema },
  async ({ days }, { actor, tx }) => {
    const before = await publicityDays(tx);
    await tx
      .insert(settings)
      .values({ key: PUBLICITY_DAYS_KEY, value: days, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: days, updatedBy: actor.userId, updatedAt: sql`now()` },
      });
    return {
      data: { days },
      audit: {
        action: 'aid.setPublicityDays',
        entity: 'setting',
        entityId: PUBLICITY_DAYS_KEY,
        before: { days: before },
        after: { days },
      },
    };
  },
);
