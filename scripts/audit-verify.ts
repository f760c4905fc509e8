/**
 * `npm run audit:verify`: walks the audit log's hash chain (db/audit-chain.ts) and names the first
 * broken row; exits 1 if there is one. Uses DATABASE_URL like the app. Keep the printed head hash
 * somewhere outside the database (a ticket, a signed mail): a later run that still reaches it shows
 * that nothing before it was rewritten, even by someone able to recompute the whole chain.
 */
import { verifyAuditChain } from '@/db/audit-chain';
import { openDatabase } from '@/db/client';
import { ConfigError } from '@/lib/config';

try {
  const handle = await openDatabase();
  try {
    const t0 = performance.now();
    const report = await verifyAuditChain(handle.db);
    const ms = Math.round(performance.now() - t0);
    if (report.ok) {
      console.log(`audit log intact: ${report.rows} rows chained, head ${report.head} (${ms} ms)`);
    } else {
      const b = report.broken;
      console.error(
        `audit log BROKEN after ${report.rows} good rows: ${b.id === null ? 'at the end' : `row id ${b.id} (place ${b.seq})`}: ${b.reason}: ${b.detail}`,
      );
      process.exitCode = 1;
    }
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
