import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { markDatabaseDown, markDatabaseUp } from '@/lib/availability';

export const dynamic = 'force-dynamic';

/** 200 when the database answers within two seconds, 503 otherwise. Public, reveals nothing else. */
export async function GET() {
  try {
    const db = await getDb();
    await Promise.race([
      db.execute(sql`SELECT 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 2_000)),
    ]);
    markDatabaseUp();
    return Response.json({ status: 'ok', db: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    console.error('[health] database check failed', err);
    markDatabaseDown();
    return Response.json(
      { status: 'error', db: 'unavailable' },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
