import { z } from 'zod';
import {
  AID_KINDS,
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
import type { standardSchema } from './cases';
import { isoDate, requiredText } from './common';

/** The publicity window (公示) lasts a whole number of days; a month is the longest leaders may set. */
export const PUBLICITY_DAYS_MAX = 30;

export const publicityDaysSchema = z.object({
  days: z.coerce
    .number({ message: 'publicityDaysRange' })
    .int('publicityDaysRange')
    .min(1, 'publicityDaysRange')
    .max(PUBLICITY_DAYS_MAX, 'publicityDaysRange'),
});

/**
 * The standard editor's own values. The saved shape (standardSchema) lists only the kinds and
 * cells a version pays; the editor keeps every kind and every category at a fixed index, with
 * "included" and "not covered" as values, so that an error stays next to its cell
 * (`kinds.2.amounts.4.min`) and unticking a kind does not lose what was typed.
 */
export const CELL_TYPES = ['none', 'fixed', 'range'] as const;

const cellForm = z.object({
  category: z.enum(STANDARD_CATEGORIES as unknown as [StandardCategory, ...StandardCategory[]]),
  type: z.enum(CELL_TYPES),
  fixed: z.string(),
  min: z.string(),
  max: z.string(),
  suggested: z.string(),
});
type CellForm = z.input<typeof cellForm>;

const RULE_PROBLEM_FIELD = {
  minAboveMax: ['max', 'minAboveMax'],
  suggestedOutsideRange: ['suggested', 'suggestedOutsideRange'],
} as const;

/** Each cell in use must hold positive yuan amounts whose range is in order; checked per kind so a bad name never hides them. */
const kindForm = z
  .object({
    kind: z.enum(AID_KINDS),
    included: z.boolean(),
    frequency: z.enum(FREQUENCIES, { message: 'required' }),
    amounts: z.array(cellForm),
  })
  .superRefine((k, ctx) => {
    if (!k.included) return;
    if (k.amounts.every((c) => c.type === 'none'))
      ctx.addIssue({ code: 'custom', path: ['amounts'], message: 'standardNoCategory' });
    k.amounts.forEach((c, i) => {
      if (c.type === 'none') return;
      const fields = c.type === 'fixed' ? (['fixed'] as const) : (['min', 'max', 'suggested'] as const);
      const fen = fields.map((f) => parseYuan(c[f]));
      const bad = fields.filter((_, j) => fen[j] === null || fen[j]! <= 0);
      for (const f of bad) ctx.addIssue({ code: 'custom', path: ['amounts', i, f], message: 'amountFormat' });
      if (bad.length || c.type === 'fixed') return;
      const problem = ruleProblem({ type: 'range', minFen: fen[0]!, maxFen: fen[1]!, suggestedFen: fen[2]! });
      if (problem && problem !== 'notPositiveFen') {
        const [field, message] = RULE_PROBLEM_FIELD[problem];
        ctx.addIssue({ code: 'custom', path: ['amounts', i, field], message });
      }
    });
  });

export const standardFormSchema = z.object({
  name: requiredText(100),
  effectiveOn: isoDate,
  kinds: z.array(kindForm).refine((ks) => ks.some((k) => k.included), 'standardNoKind'),
});
export type StandardFormValues = z.input<typeof standardFormSchema>;

type StandardInput = z.input<typeof standardSchema>;
export type KindInput = StandardInput['kinds'][number];
type CellInput = KindInput['amounts'][number];

/**
 * The editor's values as the saving action takes them: included kinds, covered cells, plus the
 * kinds the editor does not show (the student fund's), carried over unchanged.
 */
export function toStandardInput(v: StandardFormValues, carried: readonly KindInput[] = []): StandardInput {
  return {
    name: v.name,
    effectiveOn: v.effectiveOn,
    kinds: [
      ...v.kinds
        .filter((k) => k.included)
        .map((k) => ({
          kind: k.kind,
          frequency: k.frequency,
          amounts: k.amounts.flatMap((c): CellInput[] => (c.type === 'none' ? [] : [cellInput(c.category, '', c)])),
        })),
      ...carried,
    ],
  };
}

/** A rule as the yuan text a person would type. */
function yuanTexts(rule: AmountRule): Omit<CellForm, 'category'> {
  const blank = { fixed: '', min: '', max: '', suggested: '' };
  if (rule.type === 'fixed') return { ...blank, type: 'fixed', fixed: fenToYuanText(rule.fen) };
  return {
    ...blank,
    type: 'range',
    min: fenToYuanText(rule.minFen),
    max: fenToYuanText(rule.maxFen),
    suggested: fenToYuanText(rule.suggestedFen),
  };
}

function cellInput(category: StandardCategory, variant: string, c: Omit<CellForm, 'category'>): CellInput {
  return c.type === 'fixed'
    ? { category, variant, type: 'fixed', fixed: c.fixed }
    : { category, variant, type: 'range', min: c.min, max: c.max, suggested: c.suggested };
}

function cellDefaults(category: StandardCategory, rule: AmountRule | undefined): CellForm {
  return { category, ...(rule ? yuanTexts(rule) : { type: 'none', fixed: '', min: '', max: '', suggested: '' }) };
}

const editable = (kind: AidKind) => (HARDSHIP_KINDS as readonly AidKind[]).includes(kind);

/** The kinds of a version the editor does not show, as the saving action takes them, to be saved again unchanged. */
export function carriedKinds(from: Partial<Record<AidKind, KindRule>> | null): KindInput[] {
  return AID_KINDS.filter((kind) => !editable(kind) && from?.[kind]).map((kind) => {
    const rule = from![kind]!;
    return {
      kind,
      frequency: rule.frequency,
      amounts: amountTables(rule).flatMap(([variant, amounts]) =>
        Object.entries(amounts).map(([category, r]) => cellInput(category as StandardCategory, variant, yuanTexts(r!))),
      ),
    };
  });
}

/** A bereavement is paid once per death; the other hardship kinds at most once a year. */
const defaultFrequency = (kind: AidKind): Frequency => (kind.startsWith('death_of_') ? 'per_event' : 'yearly');

/**
 * The editor prefilled from a version (the one in force), for the hardship kinds: a new version
 * usually changes a few amounts of the last one. Without a version every kind starts unticked.
 */
export function standardFormDefaults(
  from: Partial<Record<AidKind, KindRule>> | null,
  o: { name: string; effectiveOn: string },
): StandardFormValues {
  return {
    ...o,
    kinds: HARDSHIP_KINDS.map((kind) => {
      const rule = from?.[kind];
      return {
        kind,
        included: !!rule,
        frequency: rule?.frequency ?? defaultFrequency(kind),
        amounts: STANDARD_CATEGORIES.map((category) => cellDefaults(category, rule?.amounts[category])),
      };
    }),
  };
}
