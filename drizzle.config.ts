import { defineConfig } from 'drizzle-kit';

// One schema, one set of SQL migrations, one engine (PostgreSQL) everywhere.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  strict: true,
});
