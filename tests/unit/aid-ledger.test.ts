import { describe, expect, it } from 'vitest';
import {
  type LedgerCase,
  type LedgerPayment,
  checkRepeat,
  receivedInYear,
  repeatPayments,
  sameEvent,
} from '@/lib/aid/ledger';

let nextId = 1;
const paid = (p: Omit<LedgerPayment, 'caseId' | 'amountFen'> & { amountFen?: number }): LedgerPayment => ({
  caseId: nextId++,
  amountFen: 100_000,
  ...p,
});

describe('once per event', () => {
  const fatherDied = { key: 'member:11', on: '2026-03-01' };
  const history = [paid({ kind: 'death_of_parent', event: fatherDied, paidOn: '2026-03-20' })];
  const newCase = (event: LedgerCase['event'], kind: LedgerCase['kind'] = 'death_of_parent'): LedgerCase => ({
    kind,
    event,
    appliedOn: '2026-04-01',
  });

  it('finds a payment for the same event', () => {
    expect(repeatPayments(history, newCase(fatherDied), 'per_event')).toEqual(history);
    // Same person, date entered differently: still the same death.
    expect(repeatPayments(history, newCase({ key: 'member:11', on: '2026-03-02' }), 'per_event')).toEqual(history);
  });

  it('lets a different event through, even on the same day', () => {
    expect(repeatPayments(history, newCase({ key: 'member:12', on: '2027-08-09' }), 'per_event')).toEqual([]);
    expect(repeatPayments(history, newCase({ key: 'member:12', on: '2026-03-01' }), 'per_event')).toEqual([]);
  });

  it('compares dates when an event has no key', () => {
    expect(sameEvent({ on: '2026-03-01' }, { on: '2026-03-01' })).toBe(true);
    expect(sameEvent({ key: null, on: '2026-03-01' }, { on: '2026-03-02' })).toBe(false);
    expect(sameEvent({ key: 'member:11', on: '2026-03-01' }, { on: '2026-03-01' })).toBe(true);
    expect(repeatPayments(history, newCase({ on: '2026-03-01' }), 'per_event')).toEqual(history);
  });

  it('ignores other kinds', () => {
    expect(repeatPayments(history, newCase(fatherDied, 'death_of_spouse'), 'per_event')).toEqual([]);
  });

  it("leaves out the case's own payment", () => {
    expect(repeatPayments(history, { ...newCase(fatherDied), caseId: history[0].caseId }, 'per_event')).toEqual([]);
  });
});

describe('once a year', () => {
  const illness = (paidOn: string) => paid({ kind: 'family_serious_illness', event: { on: '2025-06-01' }, paidOn });
  const applied = (appliedOn: string): LedgerCase => ({
    kind: 'family_serious_illness',
    event: { on: '2026-09-01' },
    appliedOn,
  });

  it('finds a payment in the calendar year of the application', () => {
    const p = illness('2026-01-01');
    expect(repeatPayments([p], applied('2026-12-31'), 'yearly')).toEqual([p]);
    expect(repeatPayments([p], applied('2026-01-01'), 'yearly')).toEqual([p]);
  });

  it('starts afresh on 1 January', () => {
    expect(repeatPayments([illness('2025-12-31')], applied('2026-01-01'), 'yearly')).toEqual([]);
    expect(repeatPayments([illness('2027-01-01')], applied('2026-12-31'), 'yearly')).toEqual([]);
  });

  it('ignores the event for a yearly kind', () => {
    const p = illness('2026-02-10');
    expect(
      repeatPayments([p], { ...applied('2026-05-05'), event: { key: 'member:99', on: '2026-05-01' } }, 'yearly'),
    ).toEqual([p]);
  });
});

describe('going ahead with a repeat', () => {
  const history = [paid({ kind: 'poverty', event: { on: '2026-01-05' }, paidOn: '2026-01-20' })];
  const c: LedgerCase = { kind: 'poverty', event: { on: '2026-06-01' }, appliedOn: '2026-06-02' };

  it('needs no reason when nothing repeats', () => {
    expect(checkRepeat(history, { ...c, kind: 'illness' }, 'yearly')).toEqual({ ok: true, repeats: [] });
  });

  it('needs a written reason when something does', () => {
    expect(checkRepeat(history, c, 'yearly')).toEqual({ ok: false, problem: 'repeatNeedsReason', repeats: history });
    expect(checkRepeat(history, c, 'yearly', '  ')).toEqual({
      ok: false,
      problem: 'repeatNeedsReason',
      repeats: history,
    });
    expect(checkRepeat(history, c, 'yearly', '家中又遭火灾，经矿工会会议研究同意')).toEqual({
      ok: true,
      repeats: history,
    });
  });
});

describe('received this year', () => {
  const history = [
    paid({ kind: 'poverty', event: { on: '2025-12-01' }, paidOn: '2025-12-31', amountFen: 200_000 }),
    paid({ kind: 'poverty', event: { on: '2025-12-20' }, paidOn: '2026-01-01', amountFen: 150_000 }),
    paid({ kind: 'death_of_parent', event: { on: '2026-03-01' }, paidOn: '2026-03-20', amountFen: 100_050 }),
    paid({ kind: 'poverty', event: { on: '2026-11-01' }, paidOn: '2026-12-31', amountFen: 20_001 }),
    paid({ kind: 'chronic_illness', event: { on: '2026-12-01' }, paidOn: '2027-01-01', amountFen: 60_000 }),
  ];

  it('sums the year’s payments by paid date, in all and per kind', () => {
    expect(receivedInYear(history, 2026)).toEqual({
      year: 2026,
      totalFen: 270_051,
      byKind: { poverty: 170_001, death_of_parent: 100_050 },
      count: 3,
    });
    expect(receivedInYear(history, 2025)).toEqual({
      year: 2025,
      totalFen: 200_000,
      byKind: { poverty: 200_000 },
      count: 1,
    });
  });

  it('gives zero for a year with nothing paid', () => {
    expect(receivedInYear(history, 2024)).toEqual({ year: 2024, totalFen: 0, byKind: {}, count: 0 });
    expect(receivedInYear([], 2026).totalFen).toBe(0);
  });
});
