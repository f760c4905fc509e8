import { describe, expect, it } from 'vitest';
import { safeNext } from '@/lib/safe-next';

// Known open-redirect bypasses (OWASP, PortSwigger's URL validation bypass list). `next` arrives
// already percent-decoded once by the search-params parser, so both decoded and encoded forms are
// listed.
const BYPASSES = [
  '//evil.example',
  '///evil.example',
  '////evil.example',
  '/\\evil.example',
  '/\\/evil.example',
  '\\/evil.example',
  '/\t/evil.example/phish',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/\t\\evil.example',
  '/ /evil.example',
  '/%09/evil.example',
  '/%5C/evil.example',
  '/%2F/evil.example',
  '/a/..//evil.example',
  '/./..//evil.example',
  '/.//evil.example/',
  'https://evil.example',
  'http:evil.example',
  'https:/evil.example',
  'javascript:alert(1)',
  ' /\t/evil.example',
  '/\u0000/evil.example',
  '//evil.example@portal',
  '/\\\\evil.example',
  'evil.example',
  '',
];

describe('safeNext', () => {
  it.each(BYPASSES)('refuses %j', (value) => {
    const next = safeNext(value);
    // Whatever comes back must resolve, in a browser, to our own origin.
    const followed = new URL(next, 'https://portal.example');
    expect(followed.origin).toBe('https://portal.example');
    expect(next.startsWith('//')).toBe(false);
  });

  it('sends the encoded and control-character forms to the dashboard', () => {
    for (const value of ['/\t/evil.example/phish', '/\\/evil.example', '/\n/evil.example', '/a/..//evil.example']) {
      expect(safeNext(value)).toBe('/dashboard');
    }
  });

  it('keeps same-origin paths with their query and fragment', () => {
    expect(safeNext('/admin/users?page=2')).toBe('/admin/users?page=2');
    expect(safeNext('/cases/12#history')).toBe('/cases/12#history');
    expect(safeNext('/cases?state=paid&unitId=3')).toBe('/cases?state=paid&unitId=3');
    expect(safeNext(undefined)).toBe('/dashboard');
    expect(safeNext(null)).toBe('/dashboard');
  });
});
