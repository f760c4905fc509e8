import { describe, expect, it } from 'vitest';
import {
  premiumAdjustLock,
  premiumApprovalProblem,
  premiumNeedProblem,
  premiumPaymentProblem,
} from '@/lib/premiums/rules';

describe('who needs the premium', () => {
  it('is a member of an active 特困 or 困难 household without employee insurance', () => {
    expect(premiumNeedProblem({ householdStatus: 'active', category: 'extreme', employeeInsurance: false })).toBeNull();
    expect(
      premiumNeedProblem({ householdStatus: 'active', category: 'hardship', employeeInsurance: false }),
    ).toBeNull();
    expect(premiumNeedProblem({ householdStatus: 'active', category: 'hardship', employeeInsurance: true })).toBe(
      'personInsured',
    );
    expect(premiumNeedProblem({ householdStatus: 'active', category: 'near', employeeInsurance: false })).toBe(
      'householdNotEligible',
    );
    expect(premiumNeedProblem({ householdStatus: 'exited', category: 'extreme', employeeInsurance: false })).toBe(
      'householdNotActive',
    );
  });
});

describe('the batch steps', () => {
  it('locks a part once confirmed and the whole list once approved', () => {
    expect(premiumAdjustLock({ state: 'listing', partConfirmed: false })).toBeNull();
    expect(premiumAdjustLock({ state: 'listing', partConfirmed: true })).toBe('partConfirmed');
    expect(premiumAdjustLock({ state: 'approved', partConfirmed: false })).toBe('batchApproved');
  });

  it('approves when every part with people has confirmed', () => {
    expect(premiumApprovalProblem([])).toBe('batchEmpty');
    expect(
      premiumApprovalProblem([
        { listed: 2, confirmed: true },
        { listed: 0, confirmed: false },
      ]),
    ).toBeNull();
    expect(
      premiumApprovalProblem([
        { listed: 2, confirmed: true },
        { listed: 1, confirmed: false },
      ]),
    ).toBe('partsNotConfirmed');
  });

  it('pays an approved batch with every ID number, within budget', () => {
    const ok = { state: 'approved' as const, missingIdNumbers: 0, totalFen: 100, budgetLeftFen: 100 };
    expect(premiumPaymentProblem(ok)).toBeNull();
    expect(premiumPaymentProblem({ ...ok, state: 'listing' })).toBe('notApproved');
    expect(premiumPaymentProblem({ ...ok, missingIdNumbers: 1 })).toBe('idNumbersMissing');
    expect(premiumPaymentProblem({ ...ok, totalFen: 101 })).toBe('overBudget');
  });
});
