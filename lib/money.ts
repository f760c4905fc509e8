/**
 * Money is integer fen (分) everywhere; yuan strings exist only at the edges (forms, screens).
 * Parsing works on the decimal text itself, never through floating point.
 */
export type Fen = number;

const YUAN_PATTERN = /^(-)?(\d{1,12})(?:\.(\d{1,2}))?$/;

/** "1,234.5" / "¥1234.50" → 123450; null when the text is not an amount with at most two decimals. */
export function parseYuan(text: string): Fen | null {
  const cleaned = text.trim().replace(/^¥/, '').replace(/,/g, '');
  const m = YUAN_PATTERN.exec(cleaned);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** Why a typed amount is not one: each has its own message saying what is allowed. */
export type YuanProblem =
  'amountNotNumber' | 'amountNegative' | 'amountZero' | 'amountTooManyDecimals' | 'amountTooLarge';

/**
 * A person's yuan amount → fen, or what is wrong with it ("-100": negative; "abc": not a number;
 * "1.234": more than two decimals). `allowZero` for amounts that may be nothing (an income).
 */
export function readYuan(
  text: string,
  { allowZero = false } = {},
): { ok: true; fen: Fen } | { ok: false; problem: YuanProblem } {
  const fen = parseYuan(text);
  if (fen !== null) {
    if (fen < 0) return { ok: false, problem: 'amountNegative' };
    if (fen === 0 && !allowZero) return { ok: false, problem: 'amountZero' };
    return { ok: true, fen };
  }
  const cleaned = text.trim().replace(/^¥/, '').replace(/,/g, '');
  if (/^-\s*[\d.]+$/.test(cleaned)) return { ok: false, problem: 'amountNegative' };
  if (/^\d+\.\d{3,}$/.test(cleaned)) return { ok: false, problem: 'amountTooManyDecimals' };
  if (/^\d{13,}(\.\d*)?$/.test(cleaned)) return { ok: false, problem: 'amountTooLarge' };
  return { ok: false, problem: 'amountNotNumber' };
}

/** 123450 → "¥1,234.50" (or "-¥1,234.50"). */
export function formatFen(fen: Fen, { symbol = true }: { symbol?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${symbol ? '¥' : ''}${yuan}.${cents}`;
}

/** 123450 → "1234.50": an amount as a person would type it into a form (no symbol, no commas). */
export function fenToYuanText(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Sum of fen amounts that refuses to drift into unsafe integers. */
export function sumFen(amounts: readonly Fen[]): Fen {
  const total = amounts.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(total)) throw new RangeError('sum out of range');
  return total;
}
