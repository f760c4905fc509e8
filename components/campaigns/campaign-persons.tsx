import { getTranslations } from 'next-intl/server';
import { LazyDisclosure } from '@/components/ui/lazy-disclosure';
import { Table, Td, Th } from '@/components/ui/table';
import type { PersonEntryRow } from '@/db/queries/campaigns';
import { formatFen } from '@/lib/money';
import { HandoverForm } from './entry-forms';

/**
 * The survivors and lone elderly on a campaign's list (outside the households' quotas), with their
 * hand-overs; `more` when the page shows only the first ones (a sub-branch shows all of its own).
 */
export async function CampaignPersons({
  rows,
  more,
  canHandOver,
  signedUnits,
  today,
}: {
  rows: PersonEntryRow[];
  more: boolean;
  canHandOver: boolean;
  signedUnits: ReadonlySet<number>;
  today: string;
}) {
  if (rows.length === 0) return null;
  const t = await getTranslations();
  return (
    <>
      <h2 className="mt-4 mb-2 text-lg font-semibold">{t('campaigns.personsList')}</h2>
      {more && <p className="mb-2 text-sm text-stone-600">{t('campaigns.personsMore', { n: rows.length })}</p>}
      <Table caption={t('campaigns.personsList')}>
        <thead>
          <tr>
            <Th>{t('campaigns.personName')}</Th>
            <Th>{t('campaigns.personKind')}</Th>
            <Th>{t('campaigns.personDetail')}</Th>
            <Th>{t('campaigns.unit')}</Th>
            <Th className="text-right">{t('campaigns.amount')}</Th>
            <Th>{t('campaigns.handover')}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100" data-testid="campaign-persons">
          {rows.map((s) => (
            <tr key={s.id} className="align-top" data-kind={s.kind}>
              <Td>{s.name}</Td>
              <Td>{t(`campaigns.personKinds.${s.kind}`)}</Td>
              <Td>{s.detail}</Td>
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
                    {s.reference ? ` (${s.reference})` : ''}
                  </span>
                ) : canHandOver && !signedUnits.has(s.unitId) ? (
                  <LazyDisclosure summary={t('campaigns.record')}>
                    <div className="p-3">
                      <HandoverForm entryId={s.id} today={today} person />
                    </div>
                  </LazyDisclosure>
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
