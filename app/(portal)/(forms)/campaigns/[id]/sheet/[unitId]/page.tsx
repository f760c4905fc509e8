import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PrintButton } from '@/components/cases/print-button';
import { ButtonLink } from '@/components/ui/button';
import { getDb } from '@/db/client';
import { getCampaign, getPart, listEntries, listPersons } from '@/db/queries/campaigns';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { orNotFound, routeId } from '@/lib/load';
import { formatFen, sumFen } from '@/lib/money';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('campaigns'))('sheetTitle') };
}

const PAGE_CSS =
  '@page { size: A4 portrait; margin: 15mm 15mm 15mm 20mm; } @media print { body { background: #fff; } }';
const cell = 'border border-stone-400 px-2 py-1.5 align-top';

/**
 * 签领表: one sub-branch's households of the campaign, then its survivors and lone elderly, with
 * blank signature cells, in the reader's language (the locale switch prints it in the other one).
 * Removed households are left off.
 */
export default async function SheetPage({ params }: { params: Promise<{ id: string; unitId: string }> }) {
  const actor = await requirePermission('campaigns.view');
  const p = await params;
  const id = routeId(p.id);
  const unitId = routeId(p.unitId);
  const db = await getDb();
  const c = await orNotFound(getCampaign(db, id));
  const part = await orNotFound(getPart(db, actor, id, unitId));
  const rows = (await listEntries(db, actor, id, { unitId })).filter((e) => e.state !== 'removed');
  const persons = await listPersons(db, actor, id, { unitId });
  const t = await getTranslations();
  return (
    <>
      <style>{PAGE_CSS}</style>
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        <ButtonLink href={`/campaigns/${id}`}>{c.name}</ButtonLink>
        <PrintButton />
      </div>
      <article className="bg-white p-4 text-sm print:p-0">
        <h1 className="text-center text-lg font-semibold">
          {c.name} · {t('campaigns.sheetTitle')}
        </h1>
        <p className="mt-1 text-center">
          {part.unitName} · {c.heldOn} · {t('campaigns.sheetPrinted', { date: todayInChina() })}
        </p>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse" data-testid="sheet">
            <thead>
              <tr>
                <th className={cell}>{t('campaigns.no')}</th>
                <th className={cell}>{t('campaigns.worker')}</th>
                <th className={cell}>{t('campaigns.category')}</th>
                <th className={cell}>{t('campaigns.cash')}</th>
                <th className={cell}>{t('campaigns.items')}</th>
                <th className={cell}>{t('campaigns.state')}</th>
                <th className={`${cell} w-32`}>{t('campaigns.signature')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e, i) => (
                <tr key={e.id}>
                  <td className={cell}>{i + 1}</td>
                  <td className={cell}>
                    {e.workerName} ({e.employeeNo})
                  </td>
                  <td className={cell}>{t(`register.categories.${e.category}`)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{formatFen(e.cashFen)}</td>
                  <td className={cell}>{e.items}</td>
                  <td className={cell}>{t(`campaigns.entryStates.${e.state}`)}</td>
                  <td className={cell}>{e.receivedBy ?? ''}</td>
                </tr>
              ))}
              {persons.map((e, i) => (
                <tr key={`p${e.id}`} data-kind={e.kind}>
                  <td className={cell}>{rows.length + i + 1}</td>
                  <td className={cell}>
                    {e.name} ({e.detail})
                  </td>
                  <td className={cell}>{t(`campaigns.personKinds.${e.kind}`)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{formatFen(e.cashFen)}</td>
                  <td className={cell}>{e.items}</td>
                  <td className={cell}>{t(`campaigns.entryStates.${e.handedOverOn ? 'delivered' : 'listed'}`)}</td>
                  <td className={cell}>{e.receivedBy ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-3">
          {t('campaigns.sheetTotal', {
            n: rows.length + persons.length,
            amount: formatFen(sumFen([...rows, ...persons].map((r) => r.cashFen))),
          })}
        </p>
        <p className="mt-8">{t('campaigns.sheetFooter')}</p>
      </article>
    </>
  );
}
