import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Queryable } from '@/db/client';
import { composeFamilySituation, getApplyContext } from '@/db/queries/apply';
import { standardInForce } from '@/db/queries/cases';
import type { Actor } from '@/lib/scope';
import { computeAmount, type AmountRule } from '@/lib/aid/standards';
import { STAGES, type Stage } from '@/lib/students/stages';

/**
 * What the student aid form needs besides the application itself: the household's category (and
 * its label), the family situation composed from the household file, and what the standard in
 * force on `on` pays this household at each stage.
 */
export async function studentAidContext(db: Queryable, actor: Actor, today: string, on: string) {
  const t = await getTranslations();
  const [ctx, standard] = await Promise.all([getApplyContext(db, actor, today), standardInForce(db, on)]);
  const offers = Object.fromEntries(
    STAGES.map((s) => {
      const computed = standard ? computeAmount(standard, 'student_aid', ctx.category, s) : null;
      return [s, computed?.ok ? computed.amount.rule : null];
    }),
  ) as Record<Stage, AmountRule | null>;
  return {
    offers,
    categoryLabel: ctx.category === 'none' ? t('aid.categories.none') : t(`register.categories.${ctx.category}`),
    familySituation: ctx.household ? composeFamilySituation(ctx.household, (k, v) => t(k, v), today) : '',
  };
}
