import { IMPORT_KINDS, type ImportKind, type ImportParams } from '@/db/schema/imports';
import type { Capability } from '@/lib/permissions';

/** Who may import what: the roster is the administrator's, the register its keepers', enrolment lists the officials who enrol. */
export const IMPORT_CAPABILITY = {
  roster: 'imports.roster',
  households: 'imports.households',
  // Whoever may put workers on a scheme's list may do it from a spreadsheet too.
  enrolments: 'mutual.enrol',
} as const satisfies Record<ImportKind, Capability>;

export function parseKind(raw: string | undefined): ImportKind | null {
  return (IMPORT_KINDS as readonly string[]).includes(raw ?? '') ? (raw as ImportKind) : null;
}

/** An import's start page; an enrolment list's is for its scheme-year. */
export function importPath(kind: ImportKind, params: ImportParams = {}): string {
  if (kind !== 'enrolments' || !params.schemeId) return `/imports/${kind}`;
  return `/imports/enrolments?scheme=${params.schemeId}${params.year ? `&year=${params.year}` : ''}`;
}
