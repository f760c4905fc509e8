import 'server-only';
import { randomUUID } from 'node:crypto';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { getDb, type Tx } from '@/db/client';
import { writeAudit, type AuditEntry } from '@/lib/audit';
import { isDatabaseUnavailable, markDatabaseDown } from '@/lib/availability';
import { AppError, type ErrorCode, type FieldErrors } from '@/lib/errors';
import { can, type Capability } from '@/lib/permissions';
import type { Actor } from '@/lib/scope';
import { getActor } from './session';

import type { ActionResult } from './action-result';

export type { ActionResult };

/** What a handler hands back: its result and the one audit row describing the change. */
export interface Change<T> {
  data: T;
  audit: AuditEntry;
}

export interface ActionContext {
  actor: Actor;
  tx: Tx;
}

export type ServerAction<I, T> = ((input: I) => Promise<ActionResult<T>>) & { capability: Capability };

const fail = (code: ErrorCode, error: string = code, fieldErrors?: FieldErrors) =>
  ({ ok: false, code, error, fieldErrors }) as const;

/**
 * Every server action that changes data is built with this, so none can skip a step: it finds
 * the actor (session + database), checks the role has the capability (lib/permissions.ts), validates the input with the same zod schema
 * as the form, runs the handler in a transaction, writes the handler's audit row in that same
 * transaction, and turns any failure into a result the form can show. Record-level scope is the
 * handler's job, through the scoped queries in db/queries, which answer "not found" for records
 * out of scope.
 */
export function action<S extends z.ZodType, T>(
  opts: { name: string; can: Capability; schema: S },
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<Change<T>>,
): ServerAction<z.input<S>, T> {
  const run = async (raw: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const actor = await getActor();
      if (!actor) return fail('unauthenticated');
      if (!can(actor.role, opts.can)) return fail('forbidden');
      if (actor.mustChangePassword && opts.can !== 'account.manage') return fail('forbidden', 'mustChangePassword');

      const input = raw instanceof FormData ? Object.fromEntries(raw) : raw;
      const parsed = opts.schema.safeParse(input);
      if (!parsed.success) {
        return fail('invalid', 'invalid', z.flattenError(parsed.error).fieldErrors as FieldErrors);
      }

      const db = await getDb();
      const data = await db.transaction(async (tx) => {
        const change = await handler(parsed.data, { actor, tx });
        await writeAudit(tx, actor.userId, change.audit);
        return change.data;
      });
      return { ok: true, data };
    } catch (err) {
      unstable_rethrow(err);
      if (err instanceof AppError) return fail(err.code, err.messageKey, err.fieldErrors);
      // The transaction never committed: say nothing was saved, so the person keeps the form and retries.
      if (isDatabaseUnavailable(err)) {
        markDatabaseDown();
        console.error(`[action ${opts.name}] database unavailable`, (err as Error).message);
        return fail('unavailable', 'databaseUnavailable');
      }
      const ref = randomUUID().slice(0, 8);
      console.error(`[action ${opts.name}] failed (ref ${ref})`, err);
      return fail('error', 'unexpected');
    }
  };
  return Object.assign(run, { capability: opts.can });
}
