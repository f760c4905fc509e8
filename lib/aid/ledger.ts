import { type Fen, sumFen } from '@/lib/money';
import type { AidKind, Frequency } from './standards';

/**
 * The household aid ledger (一户一账), free of the framework: what a household has been paid, and
 * whether a new case repeats a payment within its kind's period.
 *
 * - Once per event: a payment of the same kind for the same event (e.g. the same death).
 *   Events are the same when their keys match (e.g. "member:42", the family member who died);
 *   when either side has no key, when their dates match. Two keyed events on one day stay apart.
 * - Once a year: a payment of the same kind paid in the calendar year of the new case's
 *   application date.
 *
 * A repeat is a warning, not a bar: going ahead needs a written reason (which the caller audits).
 */

export interface AidEvent {
  /** What identifies the event, e.g. the family member who died; optional. */
  key?: string | null;
  /** YYYY-MM-DD: when it happened. */
  on: string;
}

/** One payment the household received. */
export interface LedgerPayment {
  caseId: number;
  kind: AidKind;
  event: AidEvent;
  /** YYYY-MM-DD */
  paidOn: string;
  amountFen: Fen;
}

/** The case being decided; its own payment (once paid) is left out of the comparison. */
export interface LedgerCase {
  caseId?: number;
  kind: AidKind;
  event: AidEvent;
  /** YYYY-MM-DD */
  appliedOn: string;
}

const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));

export function sameEvent(a: AidEvent, b: AidEvent): boolean {
  return a.key && b.key ? a.key === b.key : a.on === b.on;
}

function inPeriod(p: LedgerPayment, c: LedgerCase, frequency: Frequency): boolean {
  switch (frequency) {
    case 'per_event':
      return sameEvent(p.event, c.event);
    case 'yearly':
      return yearOf(p.paidOn) === yearOf(c.appliedOn);
  }
}

/** Past payments of the same kind within the case's period (empty: no repeat). */
export function repeatPayments(
  payments: readonly LedgerPayment[],
  c: LedgerCase,
  frequency: Frequency,
): LedgerPayment[] {
  return payments.filter((p) => p.caseId !== c.caseId && p.kind === c.kind && inPeriod(p, c, frequency));
}

/** Whether the case may go ahead: a repeat needs a written reason. */
/** Another application of the household's still on its way (submitted, and not yet paid, rejected or withdrawn). */
export interface OpenApplication {
  caseId: number;
  kind: AidKind;
  event: AidEvent;
  /** YYYY-MM-DD: when it was submitted. */
  appliedOn: string;
}

/**
 * Applications of the same kind within the case's period that are still in progress: a repeat in
 * the making, which every decider should see from submission on, not only whoever pays.
 */
export function repeatApplications(
  open: readonly OpenApplication[],
  c: LedgerCase,
  frequency: Frequency,
): OpenApplication[] {
  return open.filter(
    (o) =>
      o.caseId !== c.caseId &&
      o.kind === c.kind &&
      (frequency === 'per_event' ? sameEvent(o.event, c.event) : yearOf(o.appliedOn) === yearOf(c.appliedOn)),
  );
}

export function checkRepeat(
  payments: readonly LedgerPayment[],
  c: LedgerCase,
  frequency: Frequency,
  reason?: string | null,
): { ok: true; repeats: LedgerPayment[] } | { ok: false; problem: 'repeatNeedsReason'; repeats: LedgerPayment[] } {
  const repeats = repeatPayments(payments, c, frequency);
  if (repeats.length > 0 && !reason?.trim()) return { ok: false, problem: 'repeatNeedsReason', repeats };
  return { ok: true, repeats };
}

export interface YearTotal {
  year: number;
  totalFen: Fen;
  byKind: Partial<Record<AidKind, Fen>>;
  count: number;
}

/** What the household received in a calendar year (by paid date), in all and per kind. */
export function receivedInYear(payments: readonly LedgerPayment[], year: number): YearTotal {
  const inYear = payments.filter((p) => yearOf(p.paidOn) === year);
  const byKind: Partial<Record<AidKind, Fen>> = {};
  for (const p of inYear) byKind[p.kind] = sumFen([byKind[p.kind] ?? 0, p.amountFen]);
  return { year, totalFen: sumFen(inYear.map((p) => p.amountFen)), byKind, count: inYear.length };
}
