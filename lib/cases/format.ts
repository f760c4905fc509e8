import type { AidKind } from '@/lib/aid/standards';
import type { CaseKind } from '@/lib/workflow/case-workflow';

/** The case number as forms and lists print it: five digits at least, so it reads as a file number. */
export function caseNumber(id: number): string {
  return String(id).padStart(5, '0');
}

/** The message key of what a case is about: its aid kind, else its case kind. */
export function kindKey(c: { kind: CaseKind; aidKind: AidKind | null }): string {
  return c.aidKind ? `aid.kinds.${c.aidKind}` : `aid.caseKinds.${c.kind}`;
}

/** How long something has waited, in whole days, or in hours under a day. */
export function waited(since: Date, now: Date): { unit: 'days' | 'hours'; n: number } {
  const hours = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 3_600_000));
  return hours >= 24 ? { unit: 'days', n: Math.floor(hours / 24) } : { unit: 'hours', n: hours };
}
