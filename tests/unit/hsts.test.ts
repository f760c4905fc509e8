import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

const hsts = (url: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(url, { headers })).headers.get('strict-transport-security');

describe('Strict-Transport-Security', () => {
  it('is sent on answers to requests that came over HTTPS, directly or through the TLS-terminating proxy', () => {
    expect(hsts('https://portal.example/login')).toBe('max-age=63072000; includeSubDomains');
    expect(hsts('http://portal.internal/login', { 'x-forwarded-proto': 'https' })).toMatch(/^max-age=\d{8}/);
    expect(hsts('http://portal.internal/cases', { 'x-forwarded-proto': 'https' })).toMatch(/^max-age=/);
    expect(hsts('http://portal.internal/api/health', { 'x-forwarded-proto': 'HTTPS, http' })).toMatch(/^max-age=/);
  });

  it('is not sent over plain HTTP', () => {
    expect(hsts('http://localhost:3000/login')).toBeNull();
    expect(hsts('http://localhost:3000/cases')).toBeNull();
    expect(hsts('http://localhost:3000/login', { 'x-forwarded-proto': 'http' })).toBeNull();
  });
});
