import type { ErrorCode, FieldErrors } from '@/lib/errors';

/** What every server action returns; safe to import from client components. */
export type ActionResult<T = null> =
  { ok: true; data: T } | { ok: false; code: ErrorCode; error: string; fieldErrors?: FieldErrors };
