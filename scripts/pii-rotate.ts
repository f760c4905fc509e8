/**
 * `npm run pii:rotate`: re-encrypts every stored ID number and phone under the newest key of
 * PII_KEYS (the first), in batches, then reports which key ids are still in use. Put the new key
 * first in PII_KEYS (keeping the old ones after it) on every instance, run this, and drop the old
 * keys only once it reports none of their values left. Uses DATABASE_URL like the app.
 */
import { openDatabase } from '@/db/client';
import { piiKeyUse, rewritePii } from '@/db/pii-rewrite';
import { ConfigError, piiKeyring } from '@/lib/config';

try {
  const handle = await openDatabase();
  try {
    const ring = piiKeyring();
    const t0 = performance.now();
    const counts = await rewritePii(handle.db, ring, 'rotate');
    const done = Object.entries(counts)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    console.log(`re-encrypted under "${ring.keys[0].kid}": ${done} (${Math.round(performance.now() - t0)} ms)`);
    const use = await piiKeyUse(handle.db);
    console.log(`values per key id now: ${JSON.stringify(use)}`);
  } finally {
    await handle.close();
  }
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
