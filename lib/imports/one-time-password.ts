import 'server-only';
import { createHmac } from 'node:crypto';
import { authSecret } from '@/lib/config';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud or copied from paper

/**
 * The first password of an account an import created: derived from the server's secret, the job
 * and the employee number, so it is never stored, a resumed import gets the same one, and the
 * sheet handed to the administrator once can be produced after the import. 16 characters of a
 * 32-letter alphabet: 80 bits.
 */
export function oneTimePassword(jobId: number, employeeNo: string): string {
  const secret = authSecret();
  if (!secret) throw new Error('AUTH_SECRET is not set');
  const mac = createHmac('sha256', secret).update(`import-otp:${jobId}:${employeeNo}`).digest();
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[mac[i] % 32];
  return out.replace(/(.{4})(?!$)/g, '$1-');
}
