import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from './errors';

/** A route's numeric id, or the 404 page. */
export function routeId(raw: string): number {
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) notFound();
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
