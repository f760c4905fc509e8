import { describe, expect, it } from 'vitest';
import {
  allSixKnown,
  canMoveTask,
  helperProblem,
  isOverdue,
  missingHelpers,
  nextReviewDue,
  perHeadIncomeFen,
} from '@/lib/register/rules';
import { dayInChina, plusOneYear } from '@/lib/dates';

describe('register rules', () => {
  it('computes per-head income over the worker and the members, rounding down to the fen', () => {
    expect(perHeadIncomeFen(300_000, 2)).toBe(100_000);
    expect(perHeadIncomeFen(100_000, 2)).toBe(33_333);
    expect(perHeadIncomeFen(0, 0)).toBe(0);
  });

  it('moves the review a year on, 29 February to 28 February', () => {
    expect(nextReviewDue('2026-03-15')).toBe('2027-03-15');
    expect(plusOneYear('2028-02-29')).toBe('2029-02-28');
    expect(isOverdue('2026-11-23', '2026-11-24')).toBe(true);
    expect(isOverdue('2026-11-24', '2026-11-24')).toBe(false);
  });

  it('moves tasks only forward', () => {
    expect(canMoveTask('open', 'in_progress')).toBe(true);
    expect(canMoveTask('open', 'done')).toBe(true);
    expect(canMoveTask('in_progress', 'done')).toBe(true);
    expect(canMoveTask('in_progress', 'open')).toBe(false);
    expect(canMoveTask('done', 'in_progress')).toBe(false);
    expect(canMoveTask('done', 'done')).toBe(false);
  });

  it('knows when all six knows are confirmed', () => {
    expect(allSixKnown(['name', 'address', 'phone', 'spouse', 'schooling', 'family_events'])).toBe(true);
    expect(allSixKnown(['name', 'address', 'phone', 'spouse', 'schooling'])).toBe(false);
  });

  it('takes helpers from the unit chain; the first helper must be a leader', () => {
    const household = { unitPath: '1.2.5.', workerId: 10 };
    const person = (role: 'worker' | 'branch_official' | 'leader' | 'admin', unitPath: string, userId = 20) => ({
      userId,
      role,
      unitPath,
      disabled: false,
    });
    expect(helperProblem('unit_leader', household, person('branch_official', '1.2.'))).toBeNull();
    expect(helperProblem('grassroots_leader', household, person('worker', '1.2.5.'))).toBeNull();
    expect(helperProblem('union_cadre', household, person('branch_official', '1.3.'))).toBe('helperNotInChain');
    expect(helperProblem('union_cadre', household, person('worker', '1.2.6.'))).toBe('helperNotInChain');
    expect(helperProblem('union_cadre', household, person('admin', '1.'))).toBe('helperNotInChain');
    expect(helperProblem('first_helper', household, person('leader', '1.'))).toBeNull();
    expect(helperProblem('first_helper', household, person('branch_official', '1.2.'))).toBe('helperNotLeader');
    expect(helperProblem('grassroots_leader', household, person('worker', '1.2.5.', 10))).toBe('helperIsWorker');
    expect(helperProblem('unit_leader', household, { ...person('branch_official', '1.2.'), disabled: true })).toBe(
      'helperDisabled',
    );
  });

  it('lists the missing required helpers (the first helper is optional)', () => {
    expect(missingHelpers(['unit_leader', 'first_helper'])).toEqual(['union_cadre', 'grassroots_leader']);
    expect(missingHelpers(['unit_leader', 'union_cadre', 'grassroots_leader'])).toEqual([]);
  });

  it("uses China's calendar for today", () => {
    // 2026-11-24 17:00 UTC is already 25 November in China.
    expect(dayInChina(new Date('2026-11-24T17:00:00Z'))).toBe('2026-11-25');
  });
});
