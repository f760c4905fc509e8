import { describe, expect, it } from 'vitest';
import { caseListParams } from '@/lib/cases/search-params';
import { parseDashboardFilters } from '@/lib/dashboard/filters';
import { householdParams } from '@/lib/register/search-params';
import { peopleParams } from '@/lib/search-params';
import { id, MAX_ID, parseId } from '@/lib/validation/common';

// Keys are PostgreSQL integers: a bigger number made the lookup fail with "out of range for type
// integer" (a 500) instead of finding nothing (a 404).
const TOO_BIG = ['2147483648', '99999999999', '9007199254740993', '1e3', '0x10', '01', '0', '-1', '1.0', ' 1', ''];

describe('parseId', () => {
  it('reads the ids a key can have', () => {
    expect(parseId('1')).toBe(1);
    expect(parseId(String(MAX_ID))).toBe(MAX_ID);
  });
  it.each(TOO_BIG)('answers null for %j', (raw) => {
    expect(parseId(raw)).toBeNull();
  });
});

describe('ids in forms and URLs', () => {
  it('refuses an id past the integer range in a form', () => {
    expect(id.safeParse('2147483647').success).toBe(true);
    expect(id.safeParse('2147483648').success).toBe(false);
  });
  it('drops a filter id past the integer range instead of querying with it', () => {
    expect(peopleParams.parse({ unitId: '99999999999' }).unitId).toBeUndefined();
    expect(peopleParams.parse({ unitId: '7' }).unitId).toBe(7);
    expect(caseListParams.parse({ unitId: '99999999999' }).unitId).toBeUndefined();
    expect(householdParams.parse({ unitId: '99999999999' }).unitId).toBeUndefined();
    expect(parseDashboardFilters({ unit: '99999999999' }, 2026).unitId).toBeUndefined();
  });
});
