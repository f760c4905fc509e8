import { getDb } from '@/db/client';
import { routeActor } from '@/lib/auth/route';
import { fileResponse, jsonError } from '@/lib/http';
import { ownDataFileName, produceOwnData } from '@/lib/own-data';

export const dynamic = 'force-dynamic';

/** The signed-in person's own data as one JSON file (GET /api/account/own-data), audited. */
export async function GET() {
  const actor = await routeActor('ownData.self');
  if (actor instanceof Response) return actor;
  try {
    const data = await produceOwnData(await getDb(), actor, actor, null);
    const body = new TextEncoder().encode(JSON.stringify(data, null, 2));
    return fileResponse(body, {
      contentType: 'application/json; charset=utf-8',
      fileName: ownDataFileName(actor.employeeNo),
      length: body.length,
    });
  } catch (err) {
    console.error('[own data] export failed', err);
    return jsonError(500, 'error');
  }
}
