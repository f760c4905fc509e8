/**
 * Resident ID numbers (居民身份证号码), GB 11643-1999: 6-digit region, 8-digit birth date,
 * 3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberError = 'format' | 'birthDate' | 'checksum';

/** The check character for the first 17 digits. */
export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/** Returns null when valid, otherwise which rule failed. `today` is injectable for tests. */
export function idNumberError(raw: string, today: Date = new Date()): IdNumberError | null {
  const value = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  const birth = birthDateOf(value);
  if (!birth || birth > today || birth.getUTCFullYear() < 1900) return 'birthDate';
  if (checkChar(value.slice(0, 17)) !== value[17]) return 'checksum';
  return null;
}

/** The birth date encoded in positions 7-14, or null when it is not a real calendar date. */
export function birthDateOf(value: string): Date | null {
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** Builds a valid number from region, birth date (YYYYMMDD) and sequence; used by the demo seed. */
export function makeIdNumber(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}
