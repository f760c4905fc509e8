import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from '@/lib/mask';
import { formatFen, parseYuan, sumFen } from '@/lib/money';

describe('masking', () => {
  it('keeps the first and last four of an ID number', () => {
    expect(maskIdNumber('33010619900101123X')).toBe('3301**********123X');
    expect(maskIdNumber(null)).toBe('');
  });
  it('keeps the first three and last four of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('masks the middle of a name', () => {
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
  });
});

describe('money in fen', () => {
  it('formats fen as yuan with grouping', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(123450)).toBe('¥1,234.50');
    expect(formatFen(-199)).toBe('-¥1.99');
    expect(formatFen(100000000, { symbol: false })).toBe('1,000,000.00');
  });
  it('refuses fractional fen', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });
  it('parses yuan text exactly, without floating point', () => {
    expect(parseYuan('1234.5')).toBe(123450);
    expect(parseYuan('¥1,234.56')).toBe(123456);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(parseYuan('-3')).toBe(-300);
  });
  it('rejects what is not an amount', () => {
    for (const bad of ['', 'abc', '1.234', '1e3', '12.', '.5']) expect(parseYuan(bad)).toBeNull();
  });
  it('sums', () => {
    expect(sumFen([10, 20, 30])).toBe(60);
  });
});
