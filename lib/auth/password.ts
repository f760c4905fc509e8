import { createHash, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's second recommended profile.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * A one-time password (an imported account's first) is 80 random bits, not something a person
 * chose: a guess is as hopeless against SHA-256 as against argon2, and hashing 100,000 of them
 * takes milliseconds instead of an hour. Its holder must change it at the first sign-in.
 */
const ONE_TIME = 'otp-sha256$';

export function hashOneTimePassword(password: string): string {
  return ONE_TIME + createHash('sha256').update(password).digest('hex');
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (passwordHash.startsWith(ONE_TIME)) {
    const expected = Buffer.from(passwordHash.slice(ONE_TIME.length), 'hex');
    const actual = createHash('sha256').update(password).digest();
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps the response time the same,
// so timing does not tell which employee numbers exist.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-0');
  return dummy;
}
