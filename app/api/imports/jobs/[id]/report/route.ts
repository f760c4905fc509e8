import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getJob, issuesAfter } from '@/db/queries/imports';
import { routeActor } from '@/lib/auth/route';
import { CSV_BOM, csvLine, csvText } from '@/lib/exports/csv';
import { AppError } from '@/lib/errors';
import { fileResponse, jsonError } from '@/lib/http';
import { columnName, issueText } from '@/lib/imports/issue-text';
import { IMPORT_CAPABILITY } from '@/lib/imports/kinds';
import { can } from '@/lib/permissions';
import { parseId } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

/** The dry run's report as CSV (row, column, problem, in the reader's language), read a page at a time. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await routeActor();
  if (actor instanceof Response) return actor;
  const jobId = parseId((await params).id);
  if (!jobId) return jsonError(404, 'not_found');
  try {
    const db = await getDb();
    const job = await getJob(db, actor, jobId);
    if (!can(actor.role, IMPORT_CAPABILITY[job.kind])) return jsonError(403, 'forbidden');
    const [intl, locale] = [await getTranslations(), await getLocale()];
    const t = (key: string, values?: Record<string, string | number>) => intl(key as never, values as never);
    const encoder = new TextEncoder();
    let after = 0;
    let started = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          const head = [t('imports.report.row'), t('imports.report.field'), t('imports.report.message')];
          return controller.enqueue(encoder.encode(CSV_BOM + csvLine(head.map(csvText))));
        }
        const page = await issuesAfter(db, jobId, after, 1000);
        if (!page.length) return controller.close();
        after = page[page.length - 1].id;
        const lines = page.map((i) =>
          csvLine([
            String(i.rowNo),
            csvText(i.field ? columnName(job.kind, i.field, locale) : ''),
            csvText(issueText(t, job.kind, locale, i.message)),
          ]),
        );
        controller.enqueue(encoder.encode(lines.join('')));
      },
    });
    return fileResponse(body, { contentType: 'text/csv; charset=utf-8', fileName: `import-${jobId}-report.csv` });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return jsonError(404, 'not_found');
    console.error('[imports] report failed', err);
    return jsonError(500, 'error');
  }
}
