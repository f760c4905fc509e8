import { describe, expect, it } from 'vitest';
import { birthDateOf, checkChar, idNumberError, makeIdNumber } from '@/lib/id-number';

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the standard example with its published check digit', () => {
    // The example from GB 11643-1999 itself: 11010519491231002X.
    expect(checkChar('11010519491231002')).toBe('X');
    expect(idNumberError('11010519491231002X')).toBeNull();
    expect(idNumberError('11010519491231002x')).toBeNull();
  });

  it('computes the MOD 11-2 check character', () => {
    expect(checkChar('44052418800101001')).toBe('4');
    // Valid checksum, but born in 1880: no living worker, so the birth-date rule refuses it.
    expect(idNumberError('440524188001010014')).toBe('birthDate');
  });

  it('rejects a wrong check digit', () => {
    expect(idNumberError('110105194912310021')).toBe('checksum');
  });

  it('rejects the wrong length or characters', () => {
    expect(idNumberError('11010519491231002')).toBe('format');
    expect(idNumberError('1101051949123100212')).toBe('format');
    expect(idNumberError('1101051949123100AX')).toBe('format');
  });

  it('rejects impossible and future birth dates', () => {
    expect(idNumberError(makeIdNumber('110105', '19490230', 2))).toBe('birthDate');
    expect(idNumberError(makeIdNumber('110105', '19491301', 2))).toBe('birthDate');
    const today = new Date(Date.UTC(2026, 10, 24));
    expect(idNumberError(makeIdNumber('110105', '20261125', 2), today)).toBe('birthDate');
    expect(idNumberError(makeIdNumber('110105', '20261124', 2), today)).toBeNull();
  });

  it('handles leap days', () => {
    expect(birthDateOf('110105200002290000')).not.toBeNull();
    expect(birthDateOf('110105190002290000')).toBeNull();
  });
});
