import { describe, expect, it } from 'vitest';
import {
  adjustLock,
  amountFor,
  amountGivesSomething,
  approvalProblem,
  checkEntryAmount,
  fitsQuota,
  handoverLock,
  quotaProblem,
} from '@/lib/campaigns/rules';

const amounts = [
  { category: 'extreme', cashFen: 90_000, items: '大米 25 kg' },
  { category: 'hardship', cashFen: 70_000, items: '' },
];

describe('campaign amounts', () => {
  it('finds the category rule, or none for a category the campaign leaves out', () => {
    expect(amountFor(amounts, 'hardship')?.cashFen).toBe(70_000);
    expect(amountFor(amounts, 'edge')).toBeNull();
  });

  it('wants cash or goods in a rule', () => {
    expect(amountGivesSomething({ cashFen: 0, items: '  ' })).toBe(false);
    expect(amountGivesSomething({ cashFen: 0, items: '油 5 L' })).toBe(true);
    expect(amountGivesSomething({ cashFen: 1, items: '' })).toBe(true);
  });

  it("accepts the rule's amount without a reason and another amount only with one", () => {
    const base = { category: 'extreme', cashFen: 90_000, items: '大米 25 kg', reason: '' };
    expect(checkEntryAmount(amounts, base)).toBeNull();
    expect(checkEntryAmount(amounts, { ...base, cashFen: 120_000 })).toBe('amountNeedsReason');
    expect(checkEntryAmount(amounts, { ...base, items: '' })).toBe('amountNeedsReason');
    expect(checkEntryAmount(amounts, { ...base, cashFen: 120_000, reason: '尿毒症透析' })).toBeNull();
    expect(checkEntryAmount(amounts, { ...base, category: 'near' })).toBe('categoryNotCovered');
  });
});

describe('quotas', () => {
  it('never lets a quota fall below what is listed', () => {
    expect(quotaProblem(5, 5)).toBeNull();
    expect(quotaProblem(4, 5)).toBe('quotaBelowListed');
  });

  it('fits one more household only below the quota', () => {
    expect(fitsQuota(3, 2)).toBe(true);
    expect(fitsQuota(3, 3)).toBe(false);
  });
});

describe('locks', () => {
  it('ends adjustments at the branch confirmation and at approval', () => {
    expect(adjustLock({ state: 'listing', branchConfirmed: false })).toBeNull();
    expect(adjustLock({ state: 'listing', branchConfirmed: true })).toBe('branchConfirmed');
    expect(adjustLock({ state: 'approved', branchConfirmed: false })).toBe('campaignApproved');
  });

  it('hands over only to listed households of an approved campaign whose signed list is not in', () => {
    const ok = { state: 'approved' as const, entryState: 'listed' as const, sheetSigned: false };
    expect(handoverLock(ok)).toBeNull();
    expect(handoverLock({ ...ok, state: 'listing' })).toBe('notApproved');
    expect(handoverLock({ ...ok, sheetSigned: true })).toBe('sheetSigned');
    expect(handoverLock({ ...ok, entryState: 'delivered' })).toBe('alreadyHandedOver');
    expect(handoverLock({ ...ok, entryState: 'unreachable' })).toBe('notListed');
    expect(handoverLock({ ...ok, entryState: 'removed' })).toBe('notListed');
  });

  it('approves only when every branch has confirmed', () => {
    expect(approvalProblem([{ confirmed: true }, { confirmed: true }])).toBeNull();
    expect(approvalProblem([{ confirmed: true }, { confirmed: false }])).toBe('branchesNotConfirmed');
  });
});
