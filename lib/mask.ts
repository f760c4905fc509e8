/** Masking for personal data shown to people who do not need the full value. */

/** 330106199001011234 → 3301**********1234 (first 4 and last 4 kept). */
export function maskIdNumber(value: string | null | undefined): string {
  if (!value) return '';
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

/** 13812345678 → 138****5678. */
export function maskPhone(value: string | null | undefined): string {
  if (!value) return '';
  if (value.length < 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

/** 张三明 → 张*明, 张三 → 张*, a single character stays as it is. */
export function maskName(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 1) return value;
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** A bank card number → its last four digits only: 6222021234567890123 → ************0123. */
export function maskBankCard(value: string | null | undefined): string {
  if (!value) return '';
  const digits = value.replace(/\s+/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}
