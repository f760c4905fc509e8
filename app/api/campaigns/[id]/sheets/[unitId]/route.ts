import { parseId } from '@/lib/validation/common';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { getPart } from '@/db/queries/campaigns';
import { campaignSheets } from '@/db/schema';
import { routeActor } from '@/lib/auth/route';
import { AppError } from '@/lib/errors';
import { fileResponse, jsonError } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The signed sign-for list of one sub-branch, for whoever keeps that sub-branch (else 404). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; unitId: string }> }) {
  const actor = await routeActor('campaigns.view');
  if (actor instanceof Response) return actor;
  const p = await params;
  const campaignId = parseId(p.id);
  const unitId = parseId(p.unitId);
  if (!campaignId || !unitId) return jsonError(404, 'not_found');
  try {
    const db = await getDb();
    await getPart(db, actor, campaignId, unitId);
    const [sheet] = await db
      .select({
        content: campaignSheets.content,
        contentType: campaignSheets.contentType,
        fileName: campaignSheets.fileName,
      })
      .from(campaignSheets)
      .where(and(eq(campaignSheets.campaignId, campaignId), eq(campaignSheets.unitId, unitId)));
    if (!sheet) return jsonError(404, 'not_found');
    return fileResponse(new Uint8Array(sheet.content), {
      contentType: sheet.contentType,
      fileName: sheet.fileName,
      length: sheet.content.byteLength,
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return jsonError(404, 'not_found');
    console.error('[campaigns] sheet download failed', err);
    return jsonError(500, 'error');
  }
}
