import { defineConfig } from 'drizzle-kit';

// One schema, one set of SQL migrations for both PGlite and the real server.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  strict: true,
});
