/**
 * Errors the user may be told about. Each carries a code and the key of a translated message,
 * never the underlying database text.
 */
export type ErrorCode =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'unavailable' | 'error';

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    /** A key in the `errors` message catalog. */
    public readonly messageKey: string = code,
    public readonly fieldErrors?: FieldErrors,
  ) {
    super(messageKey);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('not_found', 'notFound');
export const conflict = (messageKey = 'conflict') => new AppError('conflict', messageKey);
export const invalidField = (field: string, messageKey: string) =>
  new AppError('invalid', 'invalid', { [field]: [messageKey] });

/** Postgres unique_violation, so callers can turn a racing duplicate into a field error. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = (err as { cause?: unknown })?.cause ?? err;
  const pgErr = e as { code?: string; constraint?: string };
  return pgErr?.code === '23505' && (!constraint || pgErr.constraint === constraint);
}
