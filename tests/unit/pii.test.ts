import { describe, expect, it } from 'vitest';
import {
  blindIndex,
  generatePiiSettings,
  isSealed,
  keyIdOf,
  open,
  parseHmacKey,
  parsePiiKeys,
  seal,
  type PiiKeyring,
} from '@/lib/pii';
import { piiKeyring, readConfig } from '@/lib/config';

const ringOf = (s: { PII_KEYS: string; PII_HMAC_KEY: string }): PiiKeyring => ({
  keys: parsePiiKeys(s.PII_KEYS),
  hmacKey: parseHmacKey(s.PII_HMAC_KEY),
});

const ID = '11010519491231002X';

describe('identifiers at rest (AES-256-GCM, key id, blind index)', () => {
  const a = ringOf(generatePiiSettings('a1'));

  it('opens what it sealed, and a second seal of one value differs (random IV) but has the same blind index', () => {
    const one = seal(a, 'idNumber', ID);
    const two = seal(a, 'idNumber', ID);
    expect(one).not.toBe(two);
    expect(one).not.toContain(ID);
    expect(isSealed(one)).toBe(true);
    expect(keyIdOf(one)).toBe('a1');
    expect(open(a, 'idNumber', one)).toBe(ID);
    expect(one.split('.')[3]).toBe(two.split('.')[3]);
    expect(one.split('.')[3]).toBe(blindIndex(a, 'idNumber', ID));
    expect(open(a, 'phone', seal(a, 'phone', ''))).toBe('');
  });

  it('refuses a wrong key, another kind, a changed ciphertext and a plain value', () => {
    const sealed = seal(a, 'idNumber', ID);
    const other = ringOf(generatePiiSettings('a1'));
    expect(() => open(other, 'idNumber', sealed)).toThrow(/fails its check/);
    expect(() => open(a, 'phone', sealed)).toThrow(/fails its check/);
    const [v, kid, body, mac] = sealed.split('.');
    const bytes = Buffer.from(body, 'base64url');
    bytes[14] ^= 1;
    expect(() => open(a, 'idNumber', [v, kid, bytes.toString('base64url'), mac].join('.'))).toThrow(/fails its check/);
    expect(() => open(a, 'idNumber', [v, 'zz', body, mac].join('.'))).toThrow(/No key "zz"/);
    expect(() => open(a, 'idNumber', ID)).toThrow(/Not an encrypted value/);
  });

  it('rotates: a ring with a new key first seals under it and still opens the old key’s values', () => {
    const old = seal(a, 'phone', '13800138000');
    const b = { keys: [...parsePiiKeys(generatePiiSettings('b2').PII_KEYS), ...a.keys], hmacKey: a.hmacKey };
    expect(open(b, 'phone', old)).toBe('13800138000');
    const fresh = seal(b, 'phone', '13800138000');
    expect(keyIdOf(fresh)).toBe('b2');
    expect(() => open(a, 'phone', fresh)).toThrow(/No key "b2"/);
    expect(blindIndex(b, 'phone', '13800138000')).toBe(blindIndex(a, 'phone', '13800138000'));
  });

  it('keys the blind index: another HMAC key or another kind gives another hash', () => {
    const other = ringOf(generatePiiSettings('a1'));
    expect(blindIndex(a, 'idNumber', ID)).not.toBe(blindIndex(other, 'idNumber', ID));
    expect(blindIndex(a, 'idNumber', '13800138000')).not.toBe(blindIndex(a, 'phone', '13800138000'));
  });

  it('checks the settings: key ids, key length, duplicates', () => {
    expect(() => parsePiiKeys('')).toThrow(/no key/);
    expect(() => parsePiiKeys('k1:c2hvcnQ=')).toThrow(/not 32 bytes/);
    expect(() => parsePiiKeys(`bad id:${Buffer.alloc(32).toString('base64')}`)).toThrow(/id of letters/);
    const k = Buffer.alloc(32, 1).toString('base64');
    expect(() => parsePiiKeys(`k1:${k},k1:${k}`)).toThrow(/twice/);
    expect(parsePiiKeys(`k2:${k}, k1:${k}`).map((x) => x.kid)).toEqual(['k2', 'k1']);
    expect(() => parseHmacKey('c2hvcnQ=')).toThrow(/at least 32 bytes/);
  });

  it('production refuses to start without keys, saying what to set; development gets a dev keyring', () => {
    const prod = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://h/db' };
    expect(() => readConfig(prod)).toThrow(/PII_KEYS is not set.*Key management/);
    expect(() => readConfig(prod)).toThrow(/PII_HMAC_KEY is not set/);
    expect(() => readConfig({ ...prod, ...generatePiiSettings() })).not.toThrow();
    expect(() => readConfig({ ...prod, PII_KEYS: 'k1:short', PII_HMAC_KEY: 'x' })).toThrow(/not 32 bytes/);
    expect(() => piiKeyring(prod)).toThrow(/PII_KEYS/);
    const dev = { NODE_ENV: 'development', DATABASE_URL: 'postgres://h/db' };
    expect(() => readConfig(dev)).not.toThrow();
    expect(piiKeyring(dev).keys[0].kid).toBe('dev1');
    const given = generatePiiSettings('g1');
    expect(piiKeyring({ ...prod, ...given }).keys[0].kid).toBe('g1');
  });
});
