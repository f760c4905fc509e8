import { CATEGORIES, type Category } from '@/db/schema/register';
import type { Fen } from '@/lib/money';
import { AWARD_TIERS, STAGES } from '@/lib/students/stages';

/**
 * The aid standard (帮扶送温暖实施办法), free of the framework: versions with an effective date,
 * and for each aid kind an amount per household category — fixed, or a range within which the
 * approver decides. All money is integer fen.
 *
 * Decisions the issue leaves open, taken here:
 * - A household without a file (no category, or one that has left the register) uses the
 *   column `none` (未建档). A standard that pays only filed households leaves that cell empty, and
 *   the amount is then refused with `categoryNotCovered` — as for any empty cell.
 * - A range carries a suggested amount (the "computed" one) so that the same facts give the same
 *   amount; choosing another amount inside the range needs a written reason.
 * - Among versions with the same effective date the newest (highest id) wins, since editing
 *   makes a new version.
 */

/** The hardship aid kinds a worker applies for on the aid form (帮扶送温暖). */
export const HARDSHIP_KINDS = [
  'poverty', // 因贫致困
  'illness', // 因病致困
  'special_hardship', // 特殊原因致困
  'death_of_parent', // 父母去世
  'death_of_spouse', // 配偶去世
  'death_of_child', // 子女去世
  'family_serious_illness', // 配偶或子女患大病 (yearly)
  'chronic_illness', // 慢性病补助
] as const;

/**
 * The Dream Come True fund's kinds (圆梦行动): student aid, whose amount depends on the stage as
 * well as the category (the rule's `variant` is the stage), and the outstanding aided student
 * award, whose amount depends on the tier (the variant is the tier). Both draw on one fund.
 */
export const STUDENT_KINDS = ['student_aid', 'student_award'] as const;

export const AID_KINDS = [...HARDSHIP_KINDS, ...STUDENT_KINDS] as const;
export type AidKind = (typeof AID_KINDS)[number];

/**
 * The kind whose budget pays a kind: awards are paid from the Dream Come True fund's one yearly
 * budget, which is kept under `student_aid`; every other kind has its own.
 */
export function fundKind(kind: AidKind): AidKind {
  return kind === 'student_award' ? 'student_aid' : kind;
}

/** What a kind's amounts vary by besides the category: the stages or the tiers; null for none. */
export function variantsOf(kind: AidKind): readonly string[] | null {
  if (kind === 'student_aid') return STAGES;
  if (kind === 'student_award') return AWARD_TIERS;
  return null;
}

/** How often a kind may be paid to one household: once per event (e.g. one death) or once a calendar year. */
export const FREQUENCIES = ['per_event', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const NO_FILE = 'none';
export type StandardCategory = Category | typeof NO_FILE;
export const STANDARD_CATEGORIES: readonly StandardCategory[] = [...CATEGORIES, NO_FILE];

export type AmountRule = { type: 'fixed'; fen: Fen } | { type: 'range'; minFen: Fen; maxFen: Fen; suggestedFen: Fen };

export type CategoryAmounts = Partial<Record<StandardCategory, AmountRule>>;

export interface KindRule {
  frequency: Frequency;
  /** An absent category is not covered by this kind. */
  amounts: CategoryAmounts;
  /**
   * Kinds whose amount depends on something more than the category keep their cells per variant
   * (student aid: the school stage; the award: its tier); an absent variant is not covered.
   */
  variants?: Partial<Record<string, CategoryAmounts>>;
}

export interface StandardVersion {
  id: number;
  /** What the screen calls it, e.g. "2026年版". */
  name: string;
  /** YYYY-MM-DD: the first day on which the version is in force. */
  effectiveOn: string;
  /** An absent kind is not paid under this version. */
  kinds: Partial<Record<AidKind, KindRule>>;
}

/** The version in force on a date: the latest effective on or before it. */
export function versionInForce<V extends Pick<StandardVersion, 'id' | 'effectiveOn'>>(
  versions: readonly V[],
  date: string,
): { ok: true; version: V } | { ok: false; reason: 'noStandardInForce' } {
  let best: V | undefined;
  for (const v of versions) {
    if (v.effectiveOn > date) continue;
    if (!best || v.effectiveOn > best.effectiveOn || (v.effectiveOn === best.effectiveOn && v.id > best.id)) best = v;
  }
  return best ? { ok: true, version: best } : { ok: false, reason: 'noStandardInForce' };
}

/** An amount with everything needed to explain it: "¥2,000.00 — 因贫 · 特困户, 2026年版, fixed". */
export interface ComputedAmount {
  /** The fixed amount, or the range's suggested amount. */
  fen: Fen;
  rule: AmountRule;
  kind: AidKind;
  category: StandardCategory;
  /** The stage or tier the amount was looked up for; absent for kinds without variants. */
  variant?: string;
  frequency: Frequency;
  standard: Pick<StandardVersion, 'id' | 'name' | 'effectiveOn'>;
}

export type AmountRefusal = 'kindNotInStandard' | 'variantNotCovered' | 'categoryNotCovered';

/** The amount for a kind and category (and, for student aid and awards, the stage or tier). */
export function computeAmount(
  version: StandardVersion,
  kind: AidKind,
  category: StandardCategory,
  variant?: string,
): { ok: true; amount: ComputedAmount } | { ok: false; reason: AmountRefusal } {
  const kindRule = version.kinds[kind];
  if (!kindRule) return { ok: false, reason: 'kindNotInStandard' };
  const amounts = variant ? kindRule.variants?.[variant] : kindRule.amounts;
  if (!amounts) return { ok: false, reason: 'variantNotCovered' };
  const rule = amounts[category];
  if (!rule) return { ok: false, reason: 'categoryNotCovered' };
  const { id, name, effectiveOn } = version;
  return {
    ok: true,
    amount: {
      fen: rule.type === 'fixed' ? rule.fen : rule.suggestedFen,
      rule,
      kind,
      category,
      ...(variant ? { variant } : {}),
      frequency: kindRule.frequency,
      standard: { id, name, effectiveOn },
    },
  };
}

export type ChosenAmountProblem = 'invalidAmount' | 'fixedAmount' | 'outOfRange' | 'reasonRequired';

/**
 * Checks the amount an approver sets. A fixed amount cannot be changed; a range amount must lie
 * within [min, max] (both included), and differing from the suggested amount needs a reason.
 * `overridden` says the approver departed from the computed amount (for the audit row).
 */
export function checkChosenAmount(
  computed: Pick<ComputedAmount, 'fen' | 'rule'>,
  chosenFen: Fen,
  reason?: string | null,
): { ok: true; fen: Fen; overridden: boolean } | { ok: false; problem: ChosenAmountProblem } {
  if (!Number.isSafeInteger(chosenFen) || chosenFen <= 0) return { ok: false, problem: 'invalidAmount' };
  const { rule } = computed;
  if (rule.type === 'fixed')
    return chosenFen === rule.fen
      ? { ok: true, fen: chosenFen, overridden: false }
      : { ok: false, problem: 'fixedAmount' };
  if (chosenFen < rule.minFen || chosenFen > rule.maxFen) return { ok: false, problem: 'outOfRange' };
  const overridden = chosenFen !== computed.fen;
  if (overridden && !reason?.trim()) return { ok: false, problem: 'reasonRequired' };
  return { ok: true, fen: chosenFen, overridden };
}

export type RuleProblem = 'notPositiveFen' | 'minAboveMax' | 'suggestedOutsideRange';

/** What is wrong with an amount rule a leader entered, or null. */
export function ruleProblem(rule: AmountRule): RuleProblem | null {
  const amounts = rule.type === 'fixed' ? [rule.fen] : [rule.minFen, rule.maxFen, rule.suggestedFen];
  if (!amounts.every((a) => Number.isSafeInteger(a) && a > 0)) return 'notPositiveFen';
  if (rule.type === 'fixed') return null;
  if (rule.minFen > rule.maxFen) return 'minAboveMax';
  if (rule.suggestedFen < rule.minFen || rule.suggestedFen > rule.maxFen) return 'suggestedOutsideRange';
  return null;
}

/** A kind's tables of cells: the plain one under variant '', then one per stage or tier. */
export function amountTables(rule: KindRule): [variant: string, amounts: CategoryAmounts][] {
  return [
    ['', rule.amounts],
    ...Object.entries(rule.variants ?? {}).map(([v, a]): [string, CategoryAmounts] => [v, a ?? {}]),
  ];
}

/** Every faulty cell of a version, for the leader's edit form (`variant` only on variant cells). */
export function standardProblems(
  version: Pick<StandardVersion, 'kinds'>,
): { kind: AidKind; category: StandardCategory; variant?: string; problem: RuleProblem }[] {
  return AID_KINDS.flatMap((kind) => {
    const kindRule = version.kinds[kind];
    if (!kindRule) return [];
    return amountTables(kindRule).flatMap(([variant, amounts]) =>
      STANDARD_CATEGORIES.flatMap((category) => {
        const rule = amounts[category];
        const problem = rule ? ruleProblem(rule) : null;
        return problem ? [{ kind, category, ...(variant ? { variant } : {}), problem }] : [];
      }),
    );
  });
}
