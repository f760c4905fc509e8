import { z } from 'zod';
import { AID_KINDS } from '@/lib/aid/standards';
import { caseListParams } from '@/lib/cases/search-params';
import { householdParams } from '@/lib/register/search-params';
import { pageParam, optionalIdParam } from '@/lib/validation/common';

/**
 * The ledgers (台账) that export, the formats, who may export, and each ledger's filters — the
 * very schemas its list page reads, so a file holds what the list shows.
 */
export const LEDGERS = ['register', 'cases', 'payments'] as const;
export type Ledger = (typeof LEDGERS)[number];

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isLedger(value: string): value is Ledger {
  return (LEDGERS as readonly string[]).includes(value);
}

/** The payment ledger's URL filters: the year paid, the aid kind, a unit and the units below it. */
export const paymentParams = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  aidKind: z.enum(AID_KINDS).optional().catch(undefined),
  unitId: optionalIdParam,
  page: pageParam,
});
export type PaymentParams = z.output<typeof paymentParams>;

export const LEDGER_FILTERS = {
  register: householdParams,
  cases: caseListParams,
  payments: paymentParams,
} as const;

type Without<T> = Omit<T, 'page'>;
export type LedgerFilters = {
  [L in Ledger]: Without<z.output<(typeof LEDGER_FILTERS)[L]>>;
};

/** A ledger's filters from URL search parameters, leniently, without the page (an export has all pages). */
export function parseLedgerFilters<L extends Ledger>(ledger: L, params: URLSearchParams): LedgerFilters[L] {
  const { page: _page, ...filters } = LEDGER_FILTERS[ledger].parse(Object.fromEntries(params));
  return filters as LedgerFilters[L];
}

export function parseFormat(value: string | null): ExportFormat {
  return value === 'csv' ? 'csv' : 'xlsx';
}

/** The filters that are set, for the audit row (what was exported, not the empty choices). */
export function setFilters(filters: Record<string, unknown>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as Record<string, string | number>;
}
