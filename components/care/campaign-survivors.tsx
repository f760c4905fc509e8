import { getTranslations } from 'next-intl/server';
import { Disclosure } from '@/components/register/disclosure';
import { Table, Td, Th } from '@/components/ui/table';
import type { SurvivorEntryRow } from '@/db/queries/care';
import { formatFen } from '@/lib/money';
import { SurvivorHandoverForm } from './survivor-handover-form';

/** The survivors on a campaign's list (the Spring Festival subsidy), with their hand-overs. */
export async function CampaignSurvivors({
  rows,
  canHandOver,
  signedUnits,
  today,
}: {
  rows: SurvivorEntryRow[];
  canHandOver: boolean;
  signedUnits: ReadonlySet<number>;
  today: string;
}) {
  if (rows.length === 0) return null;
  const t = await getTranslations();
  return (
    <>
      <h2 className="mt-4 mb-2 text-lg font-semibold">{t('campaigns.survivorsList')}</h2>
      <Table caption={t('campaigns.survivorsList')}>
        <thead>
          <tr>
            <Th>{t('survivors.name')}</Th>
            <Th>{t('survivors.deceasedName')}</Th>
            <Th>{t('campaigns.unit')}</Th>
            <Th className="text-right">{t('campaigns.amount')}</Th>
            <Th>{t('campaigns.handover')}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100" data-testid="campaign-survivors">
          {rows.map((s) => (
            <tr key={s.id} className="align-top">
              <Td>{s.name}</Td>
              <Td>{s.deceasedName}</Td>
              <Td>{s.unitName}</Td>
              <Td className="text-right tabular-nums">
                {formatFen(s.cashFen)}
                {s.items && <div className="text-xs text-stone-500">{s.items}</div>}
              </Td>
              <Td className="min-w-64 whitespace-normal">
                {s.handedOverOn ? (
                  <span className="text-sm">
                    {s.handedOverOn} · {s.method ? t(`campaigns.methods.${s.method}`) : ''} · {s.handedOverBy}
                    {s.receivedBy ? ` → ${s.receivedBy}` : ''}
                  </span>
                ) : canHandOver && !signedUnits.has(s.unitId) ? (
                  <Disclosure summary={t('campaigns.record')}>
                    <div className="p-3">
                      <SurvivorHandoverForm entryId={s.id} today={today} />
                    </div>
                  </Disclosure>
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
