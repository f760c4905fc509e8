import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from './errors';
import { parseId } from './validation/common';

/** A route's numeric id, or the 404 page (also for a number no key can have). */
export function routeId(raw: string): number {
  const id = parseId(raw);
  if (id === null) notFound();
  return id;
}

/**
 * For pages: a scoped query's "not found" (missing or out of scope alike) becomes the 404 page.
 */
export async function orNotFound<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  }
}
