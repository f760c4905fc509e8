/**
 * The rules of the yearly basic medical insurance premium batch (城镇居民基本医疗保险费), free of the
 * framework and the database: who needs the premium, whether the list may still change, and how a
 * batch moves from listing to payment. The database backs each with a constraint.
 */

/** listing: drawn, officials adjust and confirm their parts; approved: the leader approved; paid: one payment. */
export const BATCH_STATES = ['listing', 'approved', 'paid'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export const PREMIUM_ENTRY_STATES = ['listed', 'removed', 'paid'] as const;
export type PremiumEntryState = (typeof PREMIUM_ENTRY_STATES)[number];

/** The categories whose family members the union insures: 特困 and 困难. */
export const PREMIUM_CATEGORIES = ['extreme', 'hardship'] as const;

export type NeedProblem = 'householdNotActive' | 'householdNotEligible' | 'personInsured';

/**
 * Whether a family member needs the union to pay the premium: a member of an active 特困 or 困难
 * household who has no employee medical insurance.
 */
export function premiumNeedProblem(p: {
  householdStatus: string;
  category: string;
  employeeInsurance: boolean;
}): NeedProblem | null {
  if (p.householdStatus !== 'active') return 'householdNotActive';
  if (!(PREMIUM_CATEGORIES as readonly string[]).includes(p.category)) return 'householdNotEligible';
  if (p.employeeInsurance) return 'personInsured';
  return null;
}

/** Why a part of the list can no longer change, or null when it can. */
export function premiumAdjustLock(c: {
  state: BatchState;
  partConfirmed: boolean;
}): 'batchApproved' | 'partConfirmed' | null {
  if (c.state !== 'listing') return 'batchApproved';
  if (c.partConfirmed) return 'partConfirmed';
  return null;
}

/** The leader approves once every sub-branch with people on the list has confirmed its part. */
export function premiumApprovalProblem(
  parts: readonly { listed: number; confirmed: boolean }[],
): 'partsNotConfirmed' | 'batchEmpty' | null {
  const withPeople = parts.filter((p) => p.listed > 0);
  if (withPeople.length === 0) return 'batchEmpty';
  return withPeople.every((p) => p.confirmed) ? null : 'partsNotConfirmed';
}

/**
 * Whether the approved batch may be paid: the social insurance office needs every person's ID
 * number, and the batch's budget must cover the total.
 */
export function premiumPaymentProblem(b: {
  state: BatchState;
  missingIdNumbers: number;
  totalFen: number;
  budgetLeftFen: number;
}): 'notApproved' | 'idNumbersMissing' | 'overBudget' | null {
  if (b.state !== 'approved') return 'notApproved';
  if (b.missingIdNumbers > 0) return 'idNumbersMissing';
  if (b.totalFen > b.budgetLeftFen) return 'overBudget';
  return null;
}
