import { getDb } from '@/db/client';
import { getPerson } from '@/db/queries/people';
import { routeActor } from '@/lib/auth/route';
import { AppError } from '@/lib/errors';
import { fileResponse, jsonError } from '@/lib/http';
import { ownDataFileName, produceOwnData } from '@/lib/own-data';
import { scopeOf } from '@/lib/scope';
import { ownDataRequestSchema } from '@/lib/validation/imports';

export const dynamic = 'force-dynamic';

/**
 * A named person's full data for their request (POST /api/admin/users/:id/own-data, form field
 * `reason`): administrators only, the reason required and audited. A plain form post, so it is
 * checked to come from the portal's own pages.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await routeActor('ownData.forRequest');
  if (actor instanceof Response) return actor;
  const origin = request.headers.get('origin');
  if (origin && (origin === 'null' || new URL(origin).host !== new URL(request.url).host))
    return jsonError(403, 'forbidden');
  const form = await request.formData().catch(() => null);
  const parsed = ownDataRequestSchema.safeParse({ userId: (await params).id, reason: form?.get('reason') ?? '' });
  if (!parsed.success) return jsonError(400, 'invalid');
  try {
    const db = await getDb();
    const person = await getPerson(db, scopeOf(actor), parsed.data.userId);
    const data = await produceOwnData(
      db,
      actor,
      { userId: person.id, employeeNo: person.employeeNo },
      {
        reason: parsed.data.reason,
      },
    );
    const body = new TextEncoder().encode(JSON.stringify(data, null, 2));
    return fileResponse(body, {
      contentType: 'application/json; charset=utf-8',
      fileName: ownDataFileName(person.employeeNo),
      length: body.length,
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return jsonError(404, 'not_found');
    console.error('[own data] request export failed', err);
    return jsonError(500, 'error');
  }
}
