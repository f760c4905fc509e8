import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { fundReport } from '@/db/queries/fund-report';
import { getActor } from '@/lib/auth/session';
import { attachmentDisposition } from '@/lib/cases/documents';
import { REPORT_ROLES } from '@/lib/students/access';
import { reportSpan } from '@/lib/students/report-span';
import { reportWorkbook } from '@/lib/students/report-xlsx';
import { reportParams } from '@/lib/students/search-params';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'private, no-store' };
const answer = (status: number, error: string) => Response.json({ error }, { status, headers: NO_STORE });

/** The fund's report for ?from=&to= (school years) as XLSX: branch officials their branch, leaders the mine. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return answer(401, 'unauthenticated');
  if (!(REPORT_ROLES as readonly string[]).includes(actor.role)) return answer(403, 'forbidden');
  const url = new URL(request.url);
  const { from, to } = reportSpan(reportParams.parse(Object.fromEntries(url.searchParams)));
  try {
    const report = await fundReport(await getDb(), actor, from, to);
    const t = await getTranslations();
    const body = await reportWorkbook(report, (key, values) => t(key as never, values as never));
    return new Response(new Uint8Array(body), {
      headers: {
        ...NO_STORE,
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Length': String(body.byteLength),
        'Content-Disposition': attachmentDisposition(`${t('students.report.fileName')}-${from}-${to}.xlsx`),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (err) {
    console.error('[fund report] export failed', err);
    return answer(500, 'error');
  }
}
