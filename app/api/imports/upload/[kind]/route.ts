import { Readable } from 'node:stream';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { getDb } from '@/db/client';
import type { ImportParams } from '@/db/schema/imports';
import { routeActor } from '@/lib/auth/route';
import { dryRun } from '@/lib/imports/dry-run';
import { IMPORT_CAPABILITY, parseKind } from '@/lib/imports/kinds';
import { jsonError, PRIVATE_NO_STORE } from '@/lib/http';
import { parseId } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

/** An enrolment list's scheme and year (?schemeId=&year=); the dry run reports them missing or refused. */
function importParams(search: URLSearchParams): ImportParams {
  const schemeId = parseId(search.get('schemeId')) ?? undefined;
  const year = Number(search.get('year'));
  return { schemeId, year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined };
}

/**
 * Upload and dry run (POST /api/imports/upload/roster|households|enrolments, the file as the raw body, its
 * name in X-File-Name): the body is read as it streams in, checked row by row, and nothing but the
 * report and the checked records is written. Answers the job's id; the job page shows the report.
 */
export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const kind = parseKind((await params).kind);
  if (!kind) return jsonError(404, 'not_found');
  const actor = await routeActor(IMPORT_CAPABILITY[kind]);
  if (actor instanceof Response) return actor;
  if (!request.body) return jsonError(400, 'invalid');
  let fileName = 'upload';
  try {
    fileName = decodeURIComponent(request.headers.get('x-file-name') ?? '') || fileName;
  } catch {
    // A name that is not valid percent-encoding is only a label: keep the default.
  }
  try {
    const jobId = await dryRun(
      await getDb(),
      actor,
      kind,
      fileName,
      Readable.fromWeb(request.body as WebStream),
      importParams(new URL(request.url).searchParams),
    );
    return Response.json({ jobId }, { headers: PRIVATE_NO_STORE });
  } catch (err) {
    console.error('[imports] dry run failed', err);
    return jsonError(500, 'error');
  }
}
