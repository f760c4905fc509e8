import 'server-only';
import type { Tx } from '@/db/client';
import { getOwnCaseByToken } from '@/db/queries/cases';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/scope';

/**
 * A submission keyed by the client's token may arrive twice at once (a double click, a retry
 * after a lost answer). The copy that loses the guarded update re-reads the case by its token:
 * finding it submitted, it answers null — "already done", for the caller to answer with the case
 * as it is — instead of a conflict. Any other failure passes through.
 */
export function unlessAlreadySubmitted<T>(tx: Tx, actor: Actor, token: string, move: Promise<T>): Promise<T | null> {
  return move.catch(async (err) => {
    if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    if ((await getOwnCaseByToken(tx, actor, token)).submittedAt) return null;
    throw err;
  });
}
