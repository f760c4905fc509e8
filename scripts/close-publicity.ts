/**
 * `npm run publicity:close`: closes every publicity window that has ended (the same sweep the
 * portal runs every few minutes), for cron or by hand. Uses DATABASE_URL like the app.
 */
import { openDatabase } from '@/db/client';
import { closeDuePublicity } from '@/lib/cases/publicity';
import { todayInChina } from '@/lib/dates';

const handle = await openDatabase();
const closed = await closeDuePublicity(handle.db, todayInChina());
console.log(`closed ${closed.length} publicity window(s)${closed.length ? `: ${closed.join(', ')}` : ''}`);
await handle.close();
