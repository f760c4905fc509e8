import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { fundReport } from '@/db/queries/fund-report';
import { routeActor } from '@/lib/auth/route';
import { fileResponse, jsonError, XLSX_TYPE } from '@/lib/http';
import { reportSpan } from '@/lib/students/report-span';
import { reportWorkbook } from '@/lib/students/report-xlsx';
import { reportParams } from '@/lib/students/search-params';

export const dynamic = 'force-dynamic';

/** The fund's report for ?from=&to= (school years) as XLSX: branch officials their branch, leaders the mine. */
export async function GET(request: Request) {
  const actor = await routeActor('students.report');
  if (actor instanceof Response) return actor;
  const url = new URL(request.url);
  const { from, to } = reportSpan(reportParams.parse(Object.fromEntries(url.searchParams)));
  try {
    const report = await fundReport(await getDb(), actor, from, to);
    const t = await getTranslations();
    const body = await reportWorkbook(report, (key, values) => t(key as never, values as never));
    return fileResponse(new Uint8Array(body), {
      contentType: XLSX_TYPE,
      fileName: `${t('students.report.fileName')}-${from}-${to}.xlsx`,
      length: body.byteLength,
    });
  } catch (err) {
    console.error('[fund report] export failed', err);
    return jsonError(500, 'error');
  }
}
