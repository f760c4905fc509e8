import { z } from 'zod';
import { ROLES } from './roles';
import { optionalIdParam } from './validation/common';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const text = z.string().trim().max(50).optional().catch(undefined);

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Filters of the people lists, read leniently: a bad value is ignored rather than an error. */
export const peopleParams = z.object({
  q: text,
  role: z.enum(ROLES).optional().catch(undefined),
  unitId: optionalIdParam,
  status: z.enum(['active', 'disabled']).optional().catch(undefined),
});

/**
 * A keyset list's place: `?after=` (the next page) or `?before=` (the previous one), each the
 * opaque cursor of lib/pagination/cursor.ts, which the list decodes and checks against its order.
 */
export const cursorParams = z.object({
  after: z.string().max(2048).optional().catch(undefined),
  before: z.string().max(2048).optional().catch(undefined),
});

export const auditParams = z.object({
  who: text,
  what: text,
  entity: z
    .string()
    .regex(/^[a-zA-Z_]{1,40}$/)
    .optional()
    .catch(undefined),
  entityId: text,
  from: date,
  to: date,
});

export function first(params: Record<string, string | string[] | undefined>) {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/** The current filters as strings, for links that keep them (pagination). */
export function asStrings(values: Record<string, unknown>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => k !== 'page')
      .map(([k, v]) => [k, v == null ? undefined : String(v)]),
  );
}
