/**
 * `npm run publicity:close`: closes every publicity window that has ended (the same sweep the
 * portal runs every few minutes), for cron, a systemd timer or by hand. Uses DATABASE_URL like the app.
 */
import { openDatabase } from '@/db/client';
import { closeDuePublicity } from '@/lib/cases/publicity';
import { ConfigError } from '@/lib/config';
import { todayInChina } from '@/lib/dates';

try {
  const handle = await openDatabase();
  try {
    const closed = await closeDuePublicity(handle.db, todayInChina());
    console.log(`closed ${closed.length} publicity window(s)${closed.length ? `: ${closed.join(', ')}` : ''}`);
  } finally {
    await handle.close();
  }
} catch (err) {
  // What the person running it can act on is the message; a stack trace would only hide it.
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
