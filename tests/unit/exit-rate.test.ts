import { describe, expect, it } from 'vitest';
import { exitRate, formatExitRate } from '@/lib/register/exit-rate';

describe('exit rate', () => {
  it('is the share of the households on the register on 1 January that left', () => {
    expect(exitRate({ atStart: 40, left: 5 })).toBe(0.125);
    expect(exitRate({ atStart: 3, left: 3 })).toBe(1);
    expect(exitRate({ atStart: 7, left: 0 })).toBe(0);
  });

  it('has no rate when nobody was on the register at the start', () => {
    expect(exitRate({ atStart: 0, left: 0 })).toBeNull();
    expect(formatExitRate({ atStart: 0, left: 0 }, 'en')).toBe('—');
  });

  it('refuses a cohort that cannot be', () => {
    expect(() => exitRate({ atStart: 2, left: 3 })).toThrow(RangeError);
    expect(() => exitRate({ atStart: -1, left: 0 })).toThrow(RangeError);
    expect(() => exitRate({ atStart: 2.5, left: 1 })).toThrow(RangeError);
  });

  it('formats with one decimal at most in both languages', () => {
    expect(formatExitRate({ atStart: 40, left: 5 }, 'en')).toBe('12.5%');
    expect(formatExitRate({ atStart: 3, left: 1 }, 'zh-CN')).toBe('33.3%');
    expect(formatExitRate({ atStart: 4, left: 1 }, 'en')).toBe('25%');
  });
});
