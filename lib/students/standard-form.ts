import { z } from 'zod';
import {
  amountTables,
  FREQUENCIES,
  HARDSHIP_KINDS,
  ruleProblem,
  STANDARD_CATEGORIES,
  type AidKind,
  type AmountRule,
  type Frequency,
  type KindRule,
  type StandardCategory,
} from '@/lib/aid/standards';
import { fenToYuanText, parseYuan } from '@/lib/money';
import type { standardSchema } from '@/lib/validation/cases';
import { isoDate, requiredText } from '@/lib/validation/common';
import { AWARD_TIERS, STAGES } from './stages';

/**
 * The leader's editor for the fund's part of the standard (圆梦行动): student aid per stage and
 * award per tier, each a table of household categories whose cells are "not covered", a fixed
 * amount or a range. Every cell keeps its index, so an error stays next to it. Saving makes a new
 * version of the whole standard: the hardship kinds of the version it started from go in as they
 * were (the hardship editor, in turn, carries these).
 */

export const FUND_CELL_TYPES = ['none', 'fixed', 'range'] as const;
const FUND_KINDS = ['student_aid', 'student_award'] as const;
type FundKind = (typeof FUND_KINDS)[number];

const cell = z.object({
  category: z.enum(STANDARD_CATEGORIES as unknown as [StandardCategory, ...StandardCategory[]]),
  type: z.enum(FUND_CELL_TYPES),
  fixed: z.string(),
  min: z.string(),
  max: z.string(),
  suggested: z.string(),
});
type Cell = z.input<typeof cell>;

const PROBLEM_FIELD = { minAboveMax: 'max', suggestedOutsideRange: 'suggested' } as const;

/** A cell in use needs positive yuan amounts, and a range in order. */
function checkCell(c: Cell, ctx: z.RefinementCtx, path: (string | number)[]) {
  if (c.type === 'none') return;
  const fields = c.type === 'fixed' ? (['fixed'] as const) : (['min', 'max', 'suggested'] as const);
  const fen = fields.map((f) => parseYuan(c[f]));
  const bad = fields.filter((_, i) => fen[i] === null || fen[i]! <= 0);
  for (const f of bad) ctx.addIssue({ code: 'custom', path: [...path, f], message: 'amountFormat' });
  if (bad.length || c.type === 'fixed') return;
  const problem = ruleProblem({ type: 'range', minFen: fen[0]!, maxFen: fen[1]!, suggestedFen: fen[2]! });
  if (problem && problem !== 'notPositiveFen')
    ctx.addIssue({ code: 'custom', path: [...path, PROBLEM_FIELD[problem]], message: problem });
}

const table = z
  .object({ kind: z.enum(FUND_KINDS), variant: z.string(), amounts: z.array(cell) })
  .superRefine((tb, ctx) => tb.amounts.forEach((c, i) => checkCell(c, ctx, ['amounts', i])));

export const fundStandardFormSchema = z.object({
  name: requiredText(100),
  effectiveOn: isoDate,
  aidFrequency: z.enum(FREQUENCIES, { message: 'required' }),
  awardFrequency: z.enum(FREQUENCIES, { message: 'required' }),
  tables: z
    .array(table)
    .refine((ts) => ts.some((tb) => tb.amounts.some((c) => c.type !== 'none')), 'fundStandardEmpty'),
});
export type FundStandardValues = z.input<typeof fundStandardFormSchema>;

type StandardInput = z.input<typeof standardSchema>;
type KindInput = StandardInput['kinds'][number];

/** A rule as the yuan text a person would type. */
function texts(rule: AmountRule | undefined): Omit<Cell, 'category'> {
  const blank = { type: 'none' as const, fixed: '', min: '', max: '', suggested: '' };
  if (!rule) return blank;
  if (rule.type === 'fixed') return { ...blank, type: 'fixed', fixed: fenToYuanText(rule.fen) };
  return {
    ...blank,
    type: 'range',
    min: fenToYuanText(rule.minFen),
    max: fenToYuanText(rule.maxFen),
    suggested: fenToYuanText(rule.suggestedFen),
  };
}

function inputCell(
  category: StandardCategory,
  variant: string,
  c: Omit<Cell, 'category'>,
): KindInput['amounts'][number] {
  return c.type === 'fixed'
    ? { category, variant, type: 'fixed', fixed: c.fixed }
    : { category, variant, type: 'range', min: c.min, max: c.max, suggested: c.suggested };
}

/** The kinds of a version this editor does not show (the hardship kinds), as saveStandard takes them. */
export function hardshipKindsOf(from: Partial<Record<AidKind, KindRule>> | null): KindInput[] {
  return HARDSHIP_KINDS.filter((kind) => from?.[kind]).map((kind) => {
    const rule = from![kind]!;
    return {
      kind,
      frequency: rule.frequency,
      amounts: amountTables(rule).flatMap(([variant, amounts]) =>
        Object.entries(amounts).map(([category, r]) => inputCell(category as StandardCategory, variant, texts(r))),
      ),
    };
  });
}

/** The editor prefilled from a version (the one in force): a table per stage, then per tier. */
export function fundStandardDefaults(
  from: Partial<Record<AidKind, KindRule>> | null,
  o: { name: string; effectiveOn: string },
): FundStandardValues {
  const tables = (kind: FundKind, variants: readonly string[]) =>
    variants.map((variant) => ({
      kind,
      variant,
      amounts: STANDARD_CATEGORIES.map((category) => ({
        category,
        ...texts(from?.[kind]?.variants?.[variant]?.[category]),
      })),
    }));
  return {
    ...o,
    // Once per event: the event is one student's one school year (the ledger's key), which the database already allows once.
    aidFrequency: from?.student_aid?.frequency ?? 'per_event',
    awardFrequency: from?.student_award?.frequency ?? 'per_event',
    tables: [...tables('student_aid', STAGES), ...tables('student_award', AWARD_TIERS)],
  };
}

/** The editor's values as saveStandard takes them, with the carried hardship kinds. */
export function toFundStandardInput(v: FundStandardValues, carried: readonly KindInput[]): StandardInput {
  const kind = (k: FundKind, frequency: Frequency): KindInput[] => {
    const amounts = v.tables
      .filter((tb) => tb.kind === k)
      .flatMap((tb) => tb.amounts.flatMap((c) => (c.type === 'none' ? [] : [inputCell(c.category, tb.variant, c)])));
    return amounts.length ? [{ kind: k, frequency, amounts }] : [];
  };
  return {
    name: v.name,
    effectiveOn: v.effectiveOn,
    kinds: [...carried, ...kind('student_aid', v.aidFrequency), ...kind('student_award', v.awardFrequency)],
  };
}
