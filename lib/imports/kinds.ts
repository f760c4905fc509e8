import { IMPORT_KINDS, type ImportKind } from '@/db/schema/imports';
import type { Capability } from '@/lib/permissions';

/** Who may import what: the roster is the administrator's, the register its keepers'. */
export const IMPORT_CAPABILITY = {
  roster: 'imports.roster',
  households: 'imports.households',
} as const satisfies Record<ImportKind, Capability>;

export function parseKind(raw: string | undefined): ImportKind | null {
  return (IMPORT_KINDS as readonly string[]).includes(raw ?? '') ? (raw as ImportKind) : null;
}
