import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { statementName } from '@/db/named-statements';
import { users } from '@/db/schema';

describe('statements on PostgreSQL', () => {
  it('are prepared once per connection under their text’s name and give the right rows every time', async () => {
    const db = await getDb();
    const [first, second] = await db.select({ id: users.id }).from(users).orderBy(users.id).limit(2);
    await db.transaction(async (tx) => {
      // One transaction holds one connection, whose prepared statements we can list.
      const byId = (id: number) => tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, id));
      expect((await byId(first.id))[0].id).toBe(first.id);
      expect((await byId(second.id))[0].id).toBe(second.id);
      expect((await byId(first.id))[0].id).toBe(first.id);
      const text = byId(first.id).toSQL().sql;
      const rows = (
        await tx.execute<{ name: string; statement: string }>(sql`SELECT name, statement FROM pg_prepared_statements`)
      ).rows;
      expect(rows.filter((r) => r.statement === text).map((r) => r.name)).toEqual([statementName(text)]);
    });
  });
});
