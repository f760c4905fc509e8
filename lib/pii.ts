import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Personal identifiers at rest (ID numbers, phones): AES-256-GCM under the newest key of
 * PII_KEYS, with a keyed HMAC (PII_HMAC_KEY) as a blind index for uniqueness and exact lookup.
 *
 * A stored value is `v1.<kid>.<base64url(iv ‖ ciphertext ‖ tag)>.<base64url(hmac)>`: the key id
 * says which key opens it, so old keys keep opening old values until `npm run pii:rotate`
 * re-encrypts them; the HMAC sits in the value so that a generated column (`*_hash`) can carry it
 * into a unique index with no caller computing it. The kind of value and the key id are the
 * cipher's additional data: a phone's ciphertext copied into an ID column does not open.
 */

export type PiiKind = 'idNumber' | 'phone' | 'bankCard';

export interface PiiKey {
  kid: string;
  key: Buffer;
}

export interface PiiKeyring {
  /** Newest first: values are sealed under keys[0]; every key opens what it sealed. */
  keys: PiiKey[];
  hmacKey: Buffer;
}

export class PiiError extends Error {}

const VERSION = 'v1';
const KID = /^[A-Za-z0-9_-]{1,32}$/;

/** `kid1:base64,kid2:base64` (newest first) → keys; throws a PiiError saying what is wrong. */
export function parsePiiKeys(text: string): PiiKey[] {
  const keys = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf(':');
      const kid = at > 0 ? entry.slice(0, at) : '';
      if (!KID.test(kid))
        throw new PiiError('PII_KEYS: each key is `id:base64key` with an id of letters, digits, _ or -.');
      const key = Buffer.from(entry.slice(at + 1), 'base64');
      if (key.length !== 32) throw new PiiError(`PII_KEYS: key "${kid}" is not 32 bytes of base64.`);
      return { kid, key };
    });
  if (keys.length === 0) throw new PiiError('PII_KEYS holds no key.');
  if (new Set(keys.map((k) => k.kid)).size !== keys.length) throw new PiiError('PII_KEYS names a key id twice.');
  return keys;
}

export function parseHmacKey(text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length < 32) throw new PiiError('PII_HMAC_KEY must be at least 32 bytes of base64.');
  return key;
}

/** A fresh keyring's settings, as the environment carries them (for dev, tests, and the README's recipe). */
export function generatePiiSettings(kid = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`) {
  return {
    PII_KEYS: `${kid}:${randomBytes(32).toString('base64')}`,
    PII_HMAC_KEY: randomBytes(32).toString('base64'),
  };
}

const aad = (kind: PiiKind, kid: string) => Buffer.from(`${kind}:${kid}`);

/** The blind index of a value: equal values of a kind give equal hashes, and nothing else does. */
export function blindIndex(ring: PiiKeyring, kind: PiiKind, plain: string): string {
  return createHmac('sha256', ring.hmacKey).update(`${kind}\0${plain}`).digest('base64url');
}

export function seal(ring: PiiKeyring, kind: PiiKind, plain: string): string {
  const { kid, key } = ring.keys[0];
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(kind, kid));
  const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${kid}.${body.toString('base64url')}.${blindIndex(ring, kind, plain)}`;
}

/** Whether a stored value is sealed at all (a value from before encryption is not). */
export const isSealed = (stored: string) => stored.startsWith(`${VERSION}.`);

/** The key id a stored value was sealed under. */
export const keyIdOf = (stored: string) => stored.split('.')[1];

export function open(ring: PiiKeyring, kind: PiiKind, stored: string): string {
  const parts = stored.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new PiiError('Not an encrypted value.');
  const [, kid, b64] = parts;
  const key = ring.keys.find((k) => k.kid === kid);
  if (!key) throw new PiiError(`No key "${kid}" in PII_KEYS to open this value.`);
  const body = Buffer.from(b64, 'base64url');
  if (body.length < 28) throw new PiiError('Encrypted value is cut short.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, body.subarray(0, 12));
    decipher.setAAD(aad(kind, kid));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    throw new PiiError('Encrypted value fails its check (wrong key or changed).');
  }
}
