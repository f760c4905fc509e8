import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { takeCredentials } from '@/lib/imports/credentials';
import { routeActor } from '@/lib/auth/route';
import { CSV_BOM, csvLine, csvText } from '@/lib/exports/csv';
import { AppError } from '@/lib/errors';
import { fileResponse, jsonError } from '@/lib/http';
import { parseId } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

/**
 * The new accounts' one-time passwords of a finished roster import, as CSV: once. The second
 * request is refused (410); a lost sheet means resetting those accounts' passwords one by one.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await routeActor('imports.roster');
  if (actor instanceof Response) return actor;
  const jobId = parseId((await params).id);
  if (!jobId) return jsonError(404, 'not_found');
  try {
    const rows = await takeCredentials(await getDb(), actor, jobId);
    const t = await getTranslations('imports.credentials');
    const head = [t('employeeNo'), t('name'), t('password')];
    const text =
      CSV_BOM +
      csvLine(head.map(csvText)) +
      rows.map((r) => csvLine([r.employeeNo, csvText(r.name), r.password])).join('');
    const body = new TextEncoder().encode(text);
    return fileResponse(body, {
      contentType: 'text/csv; charset=utf-8',
      fileName: `import-${jobId}-passwords.csv`,
      length: body.length,
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return jsonError(404, 'not_found');
    if (err instanceof AppError && err.code === 'conflict') return jsonError(410, 'credentialsTaken');
    console.error('[imports] credentials failed', err);
    return jsonError(500, 'error');
  }
}
