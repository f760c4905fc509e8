import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { StopAllowanceForm, SurvivorCheckForm } from '@/components/care/care-forms';
import { Disclosure } from '@/components/register/disclosure';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { getSurvivor, survivorChecksOf } from '@/db/queries/care';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { orNotFound, routeId } from '@/lib/load';
import { formatFen } from '@/lib/money';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('survivors') };
}

/** One survivor: who they survive, their details (contact and bank card masked), the yearly checks, and the stop. */
export default async function SurvivorPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('care.view');
  const id = routeId((await params).id);
  const db = await getDb();
  const s = await orNotFound(getSurvivor(db, actor, id));
  const checks = await survivorChecksOf(db, id);
  const t = await getTranslations();
  const today = todayInChina();
  const manage = can(actor.role, 'care.manage') && s.status === 'active';
  const item = (label: string, value: string) => (
    <div>
      <dt className="text-stone-500">{label}</dt>
      <dd>{value || '—'}</dd>
    </div>
  );
  return (
    <>
      <PageHeader title={s.name} subtitle={`${t(`survivors.statuses.${s.status}`)} · ${s.unitName}`} />
      <Card title={t('survivors.details')}>
        <dl className="grid gap-2 text-sm sm:grid-cols-3" data-testid="survivor-details">
          {item(t('survivors.deceasedName'), `${s.deceasedName}${s.diedOn ? ` (${s.diedOn})` : ''}`)}
          {item(t('survivors.relation'), t(`register.relations.${s.relation}`))}
          {item(t('survivors.birthDate'), s.birthDate)}
          {item(t('survivors.monthlyIncome'), formatFen(s.monthlyIncomeFen))}
          {item(t('survivors.monthlyAllowance'), formatFen(s.monthlyAllowanceFen))}
          {item(t('survivors.livesAlone'), s.livesAlone ? t('programmes.yes') : t('programmes.no'))}
          {item(t('survivors.phone'), s.phoneMasked)}
          {item(t('survivors.address'), s.address)}
          {item(t('survivors.bankCard'), s.bankCardMasked)}
          {s.stopReason &&
            item(
              t('survivors.stopReason'),
              `${t(`survivors.stopReasons.${s.stopReason}`)} · ${s.stoppedOn ?? ''}${s.stopNote ? ` · ${s.stopNote}` : ''}`,
            )}
        </dl>
      </Card>
      <h2 className="mt-4 mb-2 text-lg font-semibold">{t('survivors.checks')}</h2>
      {checks.length === 0 ? (
        <EmptyState>{t('survivors.noChecks')}</EmptyState>
      ) : (
        <Table caption={t('survivors.checks')}>
          <thead>
            <tr>
              <Th>{t('survivors.year')}</Th>
              <Th>{t('survivors.checkedOn')}</Th>
              <Th>{t('survivors.alive')}</Th>
              <Th>{t('survivors.eligible')}</Th>
              <Th className="text-right">{t('survivors.subsidy')}</Th>
              <Th>{t('survivors.note')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100" data-testid="survivor-checks">
            {checks.map((c) => (
              <tr key={c.id}>
                <Td>{c.year}</Td>
                <Td>{c.checkedOn}</Td>
                <Td>{c.alive ? t('programmes.yes') : t('programmes.no')}</Td>
                <Td>{c.eligible ? t('programmes.yes') : t('programmes.no')}</Td>
                <Td className="text-right tabular-nums">{formatFen(c.subsidyFen)}</Td>
                <Td className="whitespace-normal">{c.note}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {manage && (
        <div className="mt-4 grid gap-4">
          <Card title={t('survivors.check')}>
            <SurvivorCheckForm survivorId={s.id} today={today} />
          </Card>
          <Disclosure summary={t('survivors.stop')}>
            <div className="p-3">
              <StopAllowanceForm survivorId={s.id} version={s.version} today={today} />
            </div>
          </Disclosure>
        </div>
      )}
    </>
  );
}
