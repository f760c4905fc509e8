import { describe, expect, it } from 'vitest';
import { childPath, likePrefix, personInScope, rebasePath, scopeOf, unitInScope } from '@/lib/scope';
import { safeNext } from '@/lib/safe-next';

const base = { userId: 7, unitPath: '1.2.5.' };

describe('scopeOf', () => {
  it('gives a worker only themself', () => {
    const s = scopeOf({ ...base, role: 'worker' });
    expect(s).toEqual({ kind: 'self', userId: 7 });
    expect(personInScope(s, { userId: 7, unitPath: '1.2.5.' })).toBe(true);
    expect(personInScope(s, { userId: 8, unitPath: '1.2.5.' })).toBe(false);
    expect(unitInScope(s, '1.2.5.')).toBe(false);
  });

  it('gives officials their unit and the units below, never a sibling', () => {
    const s = scopeOf({ ...base, role: 'branch_official', unitPath: '1.2.' });
    expect(unitInScope(s, '1.2.')).toBe(true);
    expect(unitInScope(s, '1.2.5.')).toBe(true);
    expect(unitInScope(s, '1.3.')).toBe(false);
    expect(unitInScope(s, '1.')).toBe(false);
    // "1.2." must not match "1.20." — the trailing dot is what makes the prefix exact.
    expect(unitInScope(s, '1.20.')).toBe(false);
    const sub = scopeOf({ ...base, role: 'sub_branch_official' });
    expect(unitInScope(sub, '1.2.5.')).toBe(true);
    expect(unitInScope(sub, '1.2.6.')).toBe(false);
  });

  it('gives leaders and administrators the whole mine', () => {
    expect(scopeOf({ ...base, role: 'leader' })).toEqual({ kind: 'all' });
    expect(scopeOf({ ...base, role: 'admin' })).toEqual({ kind: 'all' });
  });
});

describe('paths', () => {
  it('builds and rebases materialised paths', () => {
    expect(childPath(null, 1)).toBe('1.');
    expect(childPath('1.2.', 9)).toBe('1.2.9.');
    expect(rebasePath('1.2.9.', '1.2.9.', '1.3.9.')).toBe('1.3.9.');
    expect(() => rebasePath('1.4.', '1.2.', '1.3.')).toThrow();
  });
  it('escapes LIKE wildcards', () => {
    expect(likePrefix('1.2.')).toBe('1.2.%');
    expect(likePrefix('a_b%')).toBe('a\\_b\\%%');
  });
});

describe('safeNext', () => {
  it('only follows same-site paths after sign-in', () => {
    expect(safeNext('/admin/users?page=2')).toBe('/admin/users?page=2');
    expect(safeNext('//evil.example')).toBe('/dashboard');
    expect(safeNext('https://evil.example')).toBe('/dashboard');
    expect(safeNext('/\\evil')).toBe('/dashboard');
    expect(safeNext(undefined)).toBe('/dashboard');
  });
});
