import 'server-only';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { todayInChina } from '@/lib/dates';
import { closeDuePublicity } from './publicity';

const EVERY_MS = 5 * 60 * 1000;
const holder = globalThis as unknown as { __uapPublicitySweep?: number };

/**
 * Closes ended publicity windows without a scheduler: the portal's layout calls this on every
 * signed-in request, and at most once every five minutes per process the sweep runs after the
 * response has gone out. Several processes sweeping at once is safe: each close is a guarded
 * update, so one wins and the others skip the case. `npm run publicity:close` runs the same sweep
 * from a shell or cron.
 */
export function sweepPublicitySoon(now = Date.now()): void {
  if (now - (holder.__uapPublicitySweep ?? 0) < EVERY_MS) return;
  holder.__uapPublicitySweep = now;
  after(async () => {
    try {
      const closed = await closeDuePublicity(await getDb(), todayInChina());
      if (closed.length) console.info(`[publicity] closed ${closed.length} window(s): ${closed.join(', ')}`);
    } catch (err) {
      console.error('[publicity] sweep failed', err);
    }
  });
}
