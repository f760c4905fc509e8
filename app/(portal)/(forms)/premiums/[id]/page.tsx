import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PremiumActionButton } from '@/components/premiums/premium-action-button';
import {
  AddPremiumForm,
  PayBatchForm,
  PremiumChangeForm,
  PremiumIdNumberForm,
} from '@/components/premiums/premium-forms';
import { Disclosure } from '@/components/register/disclosure';
import { ButtonLink } from '@/components/ui/button';
import { Card, EmptyState, PageHeader, Stat } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { batchTotals, getBatch, listPremiumEntries, PREMIUM_PAGE_SIZE, premiumParts } from '@/db/queries/premiums';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { orNotFound, routeId } from '@/lib/load';
import { maskIdNumber } from '@/lib/mask';
import { formatFen } from '@/lib/money';
import { can } from '@/lib/permissions';
import { first, type SearchParams } from '@/lib/search-params';
import { pageParam } from '@/lib/validation/common';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('premiums') };
}

/**
 * One year's premium batch: rate and budget, each sub-branch's part (people, total, missing ID
 * numbers, confirmation), the approval and payment for leaders, and the people of the actor's
 * units with what they may change (the actions check again).
 */
export default async function PremiumBatchPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const actor = await requirePermission('premiums.view');
  const id = routeId((await params).id);
  const sp = first(await searchParams);
  const page = pageParam.parse(sp.page);
  const db = await getDb();
  const b = await orNotFound(getBatch(db, id));
  const [parts, totals, entries] = await Promise.all([
    premiumParts(db, actor, id),
    batchTotals(db, id),
    listPremiumEntries(db, actor, id, { page }),
  ]);
  const t = await getTranslations();
  const today = todayInChina();
  const may = (cap: Parameters<typeof can>[1]) => can(actor.role, cap);
  const listing = b.state === 'listing';
  const confirmed = new Set(parts.filter((p) => p.confirmed).map((p) => p.unitId));
  return (
    <>
      <PageHeader
        title={t('premiums.batchName', { year: b.year })}
        subtitle={`${t('premiums.rate')} ${formatFen(b.rateFen)} · ${t(`premiums.states.${b.state}`)}`}
        actions={
          <>
            <ButtonLink href={`/api/premiums/${id}/export?format=xlsx`} prefetch={false}>
              {t('premiums.export')} {t('campaigns.exportXlsx')}
            </ButtonLink>
            <ButtonLink href={`/api/premiums/${id}/export?format=csv`} prefetch={false}>
              {t('premiums.export')} {t('campaigns.exportCsv')}
            </ButtonLink>
          </>
        }
      />
      <div className="mb-4 grid gap-3 sm:grid-cols-4" data-testid="premium-budget">
        <Stat label={t('premiums.budget')} value={formatFen(b.budgetFen)} />
        <Stat label={t('premiums.spent')} value={formatFen(b.spentFen)} />
        <Stat label={t('premiums.people')} value={String(totals.listed)} />
        <Stat label={t('premiums.total')} value={formatFen(totals.totalFen)} />
      </div>

      {may('premiums.approve') && b.state !== 'paid' && (
        <Card title={t('premiums.state')}>
          {listing ? (
            <div className="grid gap-2">
              <p className="text-sm text-stone-600">{t('premiums.approveHint')}</p>
              <div>
                <PremiumActionButton kind="approve" input={{ batchId: id, version: b.version }} />
              </div>
            </div>
          ) : (
            <div className="grid gap-2">
              {totals.missingIdNumbers > 0 && (
                <p className="text-sm text-red-700">
                  {t('premiums.missingIdNumbersHint', { n: totals.missingIdNumbers })}
                </p>
              )}
              {may('premiums.pay') && <PayBatchForm batchId={id} version={b.version} today={today} />}
            </div>
          )}
        </Card>
      )}
      {b.state === 'paid' && (
        <p className="mb-4 text-sm" data-testid="premium-paid">
          {t('premiums.paidNote', { date: b.paidOn ?? '', reference: b.reference ?? '' })}
        </p>
      )}

      <h2 className="mt-4 mb-2 text-lg font-semibold">{t('premiums.parts')}</h2>
      <div className="mb-4">
        <Table caption={t('premiums.parts')}>
          <thead>
            <tr>
              <Th>{t('premiums.unit')}</Th>
              <Th className="text-right">{t('premiums.people')}</Th>
              <Th className="text-right">{t('premiums.total')}</Th>
              <Th className="text-right">{t('premiums.missingIdNumbers')}</Th>
              <Th>{t('premiums.confirmed')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100" data-testid="premium-parts">
            {parts.map((p) => (
              <tr key={p.unitId}>
                <Td>{p.unitName}</Td>
                <Td className="text-right tabular-nums">{p.listed}</Td>
                <Td className="text-right tabular-nums">{formatFen(p.listedFen)}</Td>
                <Td className="text-right tabular-nums">{p.missingIdNumbers}</Td>
                <Td>
                  {p.confirmed ? (
                    t('premiums.confirmed')
                  ) : listing && may('premiums.confirm') ? (
                    <PremiumActionButton kind="confirm" input={{ batchId: id, unitId: p.unitId }} />
                  ) : (
                    t('premiums.notConfirmed')
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>

      {listing && may('premiums.adjust') && (
        <div className="mb-4">
          <Disclosure summary={t('premiums.add')}>
            <div className="p-3">
              <AddPremiumForm batchId={id} />
            </div>
          </Disclosure>
        </div>
      )}

      <h2 className="mb-2 text-lg font-semibold">{t('premiums.list')}</h2>
      {entries.length === 0 ? (
        <EmptyState>{t('premiums.noPeople')}</EmptyState>
      ) : (
        <Table caption={t('premiums.list')}>
          <thead>
            <tr>
              <Th>{t('premiums.person')}</Th>
              <Th>{t('premiums.household')}</Th>
              <Th>{t('premiums.unit')}</Th>
              <Th>{t('premiums.idNumber')}</Th>
              <Th className="text-right">{t('premiums.amount')}</Th>
              <Th>{t('premiums.state')}</Th>
              <Th>{t('premiums.change')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100" data-testid="premium-entries">
            {entries.map((e) => {
              const open = listing && !confirmed.has(e.unitId) && may('premiums.adjust');
              return (
                <tr key={e.id} className="align-top">
                  <Td>
                    {e.name}
                    <div className="text-xs text-stone-500">
                      {t(`register.relations.${e.relation}`)} · {e.birthDate}
                    </div>
                  </Td>
                  <Td>
                    <Link className="text-brand-700 underline" href={`/households/${e.householdId}`}>
                      {e.workerName}
                    </Link>
                    <div className="text-xs text-stone-500">{e.employeeNo}</div>
                  </Td>
                  <Td>{e.unitName}</Td>
                  <Td className="tabular-nums">{e.idNumber ? maskIdNumber(e.idNumber) : t('premiums.noIdNumber')}</Td>
                  <Td className="text-right tabular-nums">{formatFen(e.amountFen)}</Td>
                  <Td className="whitespace-normal">
                    {t(`premiums.entryStates.${e.state}`)}
                    <div className="text-xs text-stone-500">{t(`premiums.sources.${e.source}`)}</div>
                    {e.reason && <div className="text-xs text-stone-500">{e.reason}</div>}
                  </Td>
                  <Td className="min-w-64 whitespace-normal">
                    {b.state !== 'paid' && e.state === 'listed' && !e.idNumber && may('premiums.adjust') && (
                      <Disclosure summary={t('premiums.setIdNumber')}>
                        <div className="p-3">
                          <PremiumIdNumberForm entryId={e.id} version={e.version} />
                        </div>
                      </Disclosure>
                    )}
                    {open && e.state !== 'paid' && (
                      <Disclosure summary={t(e.state === 'listed' ? 'premiums.remove' : 'premiums.restore')}>
                        <div className="p-3">
                          <PremiumChangeForm
                            entryId={e.id}
                            version={e.version}
                            change={e.state === 'listed' ? 'remove' : 'restore'}
                          />
                        </div>
                      </Disclosure>
                    )}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <nav className="mt-3 flex gap-2" aria-label={t('premiums.list')}>
        {page > 1 && <ButtonLink href={`/premiums/${id}?page=${page - 1}`}>{t('common.previous')}</ButtonLink>}
        {entries.length === PREMIUM_PAGE_SIZE && (
          <ButtonLink href={`/premiums/${id}?page=${page + 1}`}>{t('common.next')}</ButtonLink>
        )}
      </nav>
    </>
  );
}
