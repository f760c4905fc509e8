import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { authSecret } from '@/lib/config';

// Auth.js names the cookie with the __Secure- prefix when the site is served over https.
const COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'];

/**
 * The session named by this request's cookie: user id and session version, nothing else.
 *
 * Auth.js's auth() runs its whole session endpoint per call, which decrypts the token *and*
 * encrypts a refreshed copy that a server component cannot even set; on every page that doubled
 * the cryptography of a request. Decoding the cookie ourselves (the same key derivation, the same
 * expiry check) is one decryption. The session therefore lasts SESSION_MAX_AGE from sign-in
 * rather than sliding, which suits a working-day session.
 */
// Decoding derives a key (HKDF) and decrypts: a few hundred microseconds that every request of
// the same browser repeats. A bounded map from token to its payload saves them; the expiry is
// still checked on every read, and the version is still compared with the database by the caller.
const decoded = new Map<string, { uid: number; ver: number; exp: number }>();
const MAX_CACHED = 5_000;

function remember(token: string, value: { uid: number; ver: number; exp: number }) {
  if (decoded.size >= MAX_CACHED) decoded.delete(decoded.keys().next().value!);
  decoded.set(token, value);
}

export async function readSession(): Promise<{ uid: number; ver: number } | null> {
  const store = await cookies();
  const secret = authSecret();
  if (!secret) return null;
  for (const salt of COOKIE_NAMES) {
    const token = store.get(salt)?.value;
    if (!token) continue;
    const hit = decoded.get(token);
    if (hit) return hit.exp * 1000 > Date.now() ? { uid: hit.uid, ver: hit.ver } : null;
    try {
      const payload = await decode({ token, secret, salt });
      if (
        payload &&
        typeof payload.uid === 'number' &&
        typeof payload.ver === 'number' &&
        typeof payload.exp === 'number'
      ) {
        remember(token, { uid: payload.uid, ver: payload.ver, exp: payload.exp });
        return { uid: payload.uid, ver: payload.ver };
      }
    } catch {
      // tampered, expired or signed with another secret: not a session
    }
    return null;
  }
  return null;
}
