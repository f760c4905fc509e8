import { Readable } from 'node:stream';
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { getDb } from '@/db/client';
import { auditLog, importIssues, importJobs } from '@/db/schema';
import { applyAll } from '@/lib/imports/apply';
import { dryRun } from '@/lib/imports/dry-run';
import type { ImportKind } from '@/db/schema';
import type { ImportParams } from '@/db/schema/imports';
import type { Actor } from '@/lib/scope';

/** A CSV file's bytes from rows of cells (quoted as needed), with the BOM Excel writes. */
export function csv(rows: string[][]): Buffer {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return Buffer.from('\uFEFF' + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n', 'utf8');
}

/** An XLSX file's bytes; a cell given as { formula } is written as a formula. */
export async function xlsx(rows: (string | { formula: string })[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  for (const r of rows) ws.addRow(r.map((c) => (typeof c === 'string' ? c : { formula: c.formula, result: 1 })));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function dry(
  actor: Actor,
  kind: ImportKind,
  file: Buffer | AsyncIterable<Uint8Array>,
  name = 'test.csv',
  params: ImportParams = {},
) {
  const db = await getDb();
  const source = Buffer.isBuffer(file) ? Readable.from([file]) : file;
  const jobId = await dryRun(db, actor, kind, name, source, params);
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
  const issues = await db
    .select({ rowNo: importIssues.rowNo, field: importIssues.field, message: importIssues.message })
    .from(importIssues)
    .where(eq(importIssues.jobId, jobId))
    .orderBy(importIssues.id);
  return { jobId, job, issues };
}

export async function dryAndApply(actor: Actor, kind: ImportKind, file: Buffer, size?: number, params?: ImportParams) {
  const d = await dry(actor, kind, file, 'test.csv', params);
  if (d.job.status !== 'ready') throw new Error(`not ready: ${JSON.stringify(d.issues)}`);
  return { ...d, done: await applyAll(await getDb(), actor, d.jobId, size) };
}

export async function auditRows(action: string, entityId?: number) {
  const db = await getDb();
  const [{ n }] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), entityId ? eq(auditLog.entityId, String(entityId)) : undefined));
  return n;
}
