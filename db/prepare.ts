/**
 * `npm run db:migrate`            apply the committed migrations
 * `npm run db:seed`               migrate, then add the demo mine (idempotent)
 * `npm run dev` runs it with --seed-if-empty: migrate, and seed only a database with no accounts.
 * Uses DATABASE_URL (`npm run dev` sets it to the local server it starts).
 */
import { count } from 'drizzle-orm';
import { migrate, openDatabase } from './client';
import { users } from './schema';
import { seedDemo } from './seed';
import { seedCampaigns } from './seed-campaigns';
import { seedCases } from './seed-cases';
import { seedProgrammes } from './seed-programmes';
import { seedStudents } from './seed-students';
import { seedMutualAid } from './seed-mutual-aid';

async function main() {
  const args = new Set(process.argv.slice(2));
  const handle = await openDatabase();
  const where = 'PostgreSQL (DATABASE_URL)';
  try {
    await migrate(handle);
    console.log(`[db] migrations applied on ${where}`);
    let seed = args.has('--seed');
    if (args.has('--seed-if-empty')) {
      const [{ n }] = await handle.db.select({ n: count() }).from(users);
      seed = n === 0;
    }
    if (seed) {
      const { created, households } = await seedDemo(handle.db);
      console.log(`[db] demo data: ${created} accounts and ${households} households added`);
      // Three years of aid cases on top of the demo mine (skipped once any case exists).
      const seeded = await seedCases(handle.db);
      console.log(`[db] demo cases: ${seeded.cases} cases and ${seeded.payments} payments added`);
      // Three school years of the Dream Come True fund on those standards (skipped once any student exists).
      const fund = await seedStudents(handle.db);
      console.log(
        `[db] demo students: ${fund.students} students, ${fund.cases} student aid and award cases, ${fund.payments} payments added`,
      );
      // Three years of premiums, survivors, lone elderly and jobs (skipped once any premium batch exists);
      // before the campaigns, whose Spring Festival lists draw the lone elderly.
      const programmes = await seedProgrammes(handle.db);
      console.log(
        `[db] demo programmes: ${programmes.batches} premium batches, ${programmes.survivors} survivors, ${programmes.elders} lone elderly, ${programmes.files} employment files`,
      );
      // Three years of holiday campaigns on the register (skipped once any campaign exists).
      const held = await seedCampaigns(handle.db);
      console.log(`[db] demo campaigns: ${held.campaigns} campaigns with ${held.entries} households listed`);
      // Three years of mutual aid: schemes, enrolments, claims and funds (skipped once any scheme exists).
      const mutual = await seedMutualAid(handle.db);
      console.log(`[db] demo mutual aid: ${mutual.enrolments} enrolments and ${mutual.claims} claims added`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
