/**
 * The rules of a batch campaign (送温暖 and the like), free of the framework and the database:
 * what each category gets, whether a list may grow, whether an entry may still change, and how a
 * campaign moves from listing to distribution. The database backs each with a constraint; these
 * functions give the user the reason before it comes to that.
 */

export const OCCASIONS = ['spring_festival', 'mid_autumn', 'other'] as const;
export type Occasion = (typeof OCCASIONS)[number];

/** listing: drawn, officials adjust; approved: the whole list is approved and handed over. */
export const CAMPAIGN_STATES = ['listing', 'approved'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

/** An entry's states; only `listed` may be handed over, `removed` keeps its row (once per campaign). */
export const ENTRY_STATES = ['listed', 'unreachable', 'removed', 'delivered'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

export const HANDOVER_METHODS = ['in_person', 'bank_transfer'] as const;
export type HandoverMethod = (typeof HANDOVER_METHODS)[number];

/**
 * People a campaign may list besides the households, each kind by the leader's choice and outside
 * the households' quotas: survivors of deceased workers (遗属) and lone elderly people (孤寡老人).
 */
export const PERSON_KINDS = ['survivor', 'elder'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** What one household of a category receives: cash (fen) and/or goods described in words. */
export interface CategoryAmount {
  category: string;
  cashFen: number;
  items: string;
}

/** The amount a category's household gets, or null when the campaign does not cover that category. */
export function amountFor(amounts: readonly CategoryAmount[], category: string): CategoryAmount | null {
  return amounts.find((a) => a.category === category) ?? null;
}

/** Whether a rule gives anything: a category with neither cash nor goods is a mistake, not a rule. */
export function amountGivesSomething(a: Pick<CategoryAmount, 'cashFen' | 'items'>): boolean {
  return a.cashFen > 0 || a.items.trim() !== '';
}

export type AmountProblem = 'categoryNotCovered' | 'amountNeedsReason';

/**
 * Whether an entry's amount may stand: the category's amount as the rule says, or any other
 * amount with a written reason (a household in particular need, goods out of stock).
 */
export function checkEntryAmount(
  amounts: readonly CategoryAmount[],
  entry: { category: string; cashFen: number; items: string; reason: string },
): AmountProblem | null {
  const rule = amountFor(amounts, entry.category);
  if (!rule) return 'categoryNotCovered';
  const matches = rule.cashFen === entry.cashFen && rule.items.trim() === entry.items.trim();
  if (!matches && entry.reason.trim() === '') return 'amountNeedsReason';
  return null;
}

/** A branch's quota may not fall below what is already listed there. */
export function quotaProblem(quota: number, listed: number): 'quotaBelowListed' | null {
  return quota < listed ? 'quotaBelowListed' : null;
}

/** Whether one more household fits the branch's quota. */
export function fitsQuota(quota: number, listed: number): boolean {
  return listed + 1 <= quota;
}

export type EntryLock = 'campaignApproved' | 'branchConfirmed' | 'sheetSigned' | null;

/**
 * Why an entry can no longer be adjusted (added, removed, marked unreachable), or null when it
 * can: adjusting ends when the branch confirms its part, and for good once the leader approves.
 */
export function adjustLock(c: { state: CampaignState; branchConfirmed: boolean }): EntryLock {
  if (c.state !== 'listing') return 'campaignApproved';
  if (c.branchConfirmed) return 'branchConfirmed';
  return null;
}

/**
 * Why a hand-over cannot be recorded, or null when it can: only on an approved campaign, only for
 * a listed household, and never after the sub-branch's signed list has been uploaded.
 */
export function handoverLock(c: {
  state: CampaignState;
  entryState: EntryState;
  sheetSigned: boolean;
}): 'notApproved' | 'sheetSigned' | 'alreadyHandedOver' | 'notListed' | null {
  if (c.state !== 'approved') return 'notApproved';
  if (c.sheetSigned) return 'sheetSigned';
  if (c.entryState === 'delivered') return 'alreadyHandedOver';
  if (c.entryState !== 'listed') return 'notListed';
  return null;
}

/** The leader approves the whole list only once every branch with a quota has confirmed its part. */
export function approvalProblem(branches: readonly { confirmed: boolean }[]): 'branchesNotConfirmed' | null {
  return branches.every((b) => b.confirmed) ? null : 'branchesNotConfirmed';
}
