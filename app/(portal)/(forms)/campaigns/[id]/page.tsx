import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import {
  AddEntryForm,
  EntryChangeForm,
  HandoverForm,
  PublicListToggle,
  QuotaForm,
  SheetUploadForm,
} from '@/components/campaigns/entry-forms';
import { CampaignActionButton } from '@/components/campaigns/campaign-action-button';
import { CampaignPersons } from '@/components/campaigns/campaign-persons';
import { Disclosure } from '@/components/register/disclosure';
import { LazyDisclosure } from '@/components/ui/lazy-disclosure';
import { ButtonLink } from '@/components/ui/button';
import { Card, EmptyState, PageHeader, Stat } from '@/components/ui/card';
import { KeysetPagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import {
  BRANCH_PAGE_SIZE,
  branchCount,
  branchLines,
  campaignAmountsOf,
  entriesPage,
  getCampaign,
  listPersons,
  PERSON_PAGE_SIZE,
  signedUnits,
  subBranchParts,
} from '@/db/queries/campaigns';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { orNotFound, routeId } from '@/lib/load';
import { formatFen } from '@/lib/money';
import { can } from '@/lib/permissions';
import { cursorParams, first, type SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('campaigns') };
}

/**
 * One campaign: its budget, each branch's quota and figures, the sign-for lists by sub-branch and
 * the list itself — what the actor may do on each shown only where they may do it (the actions
 * check again).
 */
export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const actor = await requirePermission('campaigns.view');
  const id = routeId((await params).id);
  const sp = first(await searchParams);
  const unitId = Number(sp.unit) > 0 ? Number(sp.unit) : undefined;
  const branchId = Number(sp.branch) > 0 ? Number(sp.branch) : undefined;
  const db = await getDb();
  const c = await orNotFound(getCampaign(db, id));
  const [amounts, counted, signed, { rows: entries, prev, next, total }] = await Promise.all([
    campaignAmountsOf(db, id),
    branchCount(db, actor, id),
    signedUnits(db, id),
    entriesPage(db, actor, id, { unitId, ...cursorParams.parse(sp) }),
  ]);
  // A province's campaign (hundreds of branches, thousands of sub-branches): the totals a page of
  // branches at a time, and a branch's quota form, sub-branch parts and people once it is chosen
  // (?branch=, or the branch of the chosen ?unit=) — else the page would carry every one of them.
  const many = counted.branches > BRANCH_PAGE_SIZE;
  const narrowed = unitId ? { unitId } : many && branchId ? { branchId } : {};
  const [parts, persons] =
    many && !unitId && !branchId
      ? [[], []]
      : await Promise.all([
          subBranchParts(db, actor, id, narrowed),
          // A sub-branch's people all; a wider part's first ones.
          listPersons(db, actor, id, { ...narrowed, limit: unitId ? undefined : PERSON_PAGE_SIZE + 1 }),
        ]);
  const partBranch = unitId ? parts[0]?.branchId : branchId;
  const pages = Math.ceil(counted.branches / BRANCH_PAGE_SIZE);
  const bpage = Math.min(pages, Math.max(1, Math.floor(Number(sp.bpage)) || 1));
  const lines = await branchLines(db, actor, id, !many ? {} : partBranch ? { branchId: partBranch } : { page: bpage });
  const t = await getTranslations();
  const today = todayInChina();
  const listing = c.state === 'listing';
  const may = (cap: Parameters<typeof can>[1]) => can(actor.role, cap);
  const confirmedBranches = new Set(lines.filter((l) => l.confirmed).map((l) => l.branchId));
  const chosen = (b: number) => !many || b === partBranch;
  return (
    <>
      <PageHeader
        title={c.name}
        subtitle={`${t(`campaigns.occasions.${c.occasion}`)} · ${c.heldOn} · ${t(`campaigns.states.${c.state}`)}`}
        actions={
          <>
            <ButtonLink href={`/api/campaigns/${id}/export?format=xlsx`} prefetch={false}>
              {t('campaigns.export')} {t('campaigns.exportXlsx')}
            </ButtonLink>
            <ButtonLink href={`/api/campaigns/${id}/export?format=csv`} prefetch={false}>
              {t('campaigns.export')} {t('campaigns.exportCsv')}
            </ButtonLink>
          </>
        }
      />
      <div className="mb-4 grid gap-3 sm:grid-cols-3" data-testid="campaign-budget">
        <Stat label={t('campaigns.budget')} value={formatFen(c.budgetFen)} />
        <Stat label={t('campaigns.spent')} value={formatFen(c.spentFen)} />
        <Stat label={t('campaigns.left')} value={formatFen(c.budgetFen - c.spentFen)} />
      </div>

      <div className="mb-4 grid gap-4 lg:grid-cols-2">
        <Card title={t('campaigns.amounts')}>
          <ul className="space-y-1 text-sm">
            {amounts.map((a) => (
              <li key={a.category}>
                {t(`register.categories.${a.category}`)}: {a.cashFen > 0 ? formatFen(a.cashFen) : ''}
                {a.cashFen > 0 && a.items ? ' + ' : ''}
                {a.items}
              </li>
            ))}
          </ul>
        </Card>
        {may('campaigns.approve') && (
          <Card title={t('campaigns.state')}>
            {listing ? (
              <div className="grid gap-2">
                <p className="text-sm text-stone-600">{t('campaigns.approveHint')}</p>
                <div>
                  <CampaignActionButton
                    kind="approve"
                    input={{ campaignId: id, version: c.version }}
                    disabled={counted.unconfirmed > 0}
                  />
                </div>
              </div>
            ) : (
              <PublicListToggle campaignId={id} publicList={c.publicList} />
            )}
            {c.publicList && c.state === 'approved' && (
              <p className="mt-2 text-sm">
                <Link className="text-brand-700 underline" href={`/campaigns/${id}/public`}>
                  {t('campaigns.publicTitle')}
                </Link>
              </p>
            )}
          </Card>
        )}
      </div>

      <h2 className="mb-2 text-lg font-semibold">{t('campaigns.totals')}</h2>
      <div className="mb-4">
        <Table caption={t('campaigns.totals')}>
          <thead>
            <tr>
              <Th>{t('campaigns.branch')}</Th>
              <Th className="text-right">{t('campaigns.listed')}</Th>
              <Th className="text-right">{t('campaigns.persons')}</Th>
              <Th className="text-right">{t('campaigns.planned')}</Th>
              <Th className="text-right">{t('campaigns.plannedAmount')}</Th>
              <Th className="text-right">{t('campaigns.delivered')}</Th>
              <Th className="text-right">{t('campaigns.deliveredAmount')}</Th>
              <Th className="text-right">{t('campaigns.unreachable')}</Th>
              <Th>{t('campaigns.confirmed')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100" data-testid="branch-totals">
            {lines.map((l) => (
              <tr key={l.branchId}>
                <Td>
                  {many ? (
                    <Link className="text-brand-700 underline" href={`/campaigns/${id}?branch=${l.branchId}`}>
                      {l.branchName}
                    </Link>
                  ) : (
                    l.branchName
                  )}
                </Td>
                <Td className="text-right tabular-nums">
                  {l.listed} / {l.quota}
                </Td>
                <Td className="text-right tabular-nums">{l.persons}</Td>
                <Td className="text-right tabular-nums">{l.planned}</Td>
                <Td className="text-right tabular-nums">{formatFen(l.plannedFen)}</Td>
                <Td className="text-right tabular-nums">{l.delivered}</Td>
                <Td className="text-right tabular-nums">{formatFen(l.deliveredFen)}</Td>
                <Td className="text-right tabular-nums">{l.unreachable}</Td>
                <Td>
                  {l.confirmed ? (
                    t('campaigns.confirmed')
                  ) : listing && may('campaigns.confirm') && chosen(l.branchId) ? (
                    <CampaignActionButton kind="confirm" input={{ campaignId: id, branchId: l.branchId }} />
                  ) : (
                    t('campaigns.notConfirmed')
                  )}
                  {listing && !l.confirmed && may('campaigns.manage') && chosen(l.branchId) && (
                    <QuotaForm campaignId={id} branchId={l.branchId} quota={l.quota} />
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        {many && (
          <nav className="mt-2 flex items-center gap-2 text-sm" aria-label={t('campaigns.totals')}>
            {partBranch ? (
              <ButtonLink href={`/campaigns/${id}`}>{t('campaigns.allBranches', { n: counted.branches })}</ButtonLink>
            ) : (
              <>
                {bpage > 1 && (
                  <ButtonLink href={`/campaigns/${id}?bpage=${bpage - 1}`}>{t('common.previous')}</ButtonLink>
                )}
                <span>{t('campaigns.branchPage', { page: bpage, pages })}</span>
                {bpage < pages && (
                  <ButtonLink href={`/campaigns/${id}?bpage=${bpage + 1}`}>{t('common.next')}</ButtonLink>
                )}
              </>
            )}
          </nav>
        )}
      </div>

      <h2 className="mb-2 text-lg font-semibold">{t('campaigns.parts')}</h2>
      {many && !unitId && !branchId && (
        <p className="mb-2 text-sm text-stone-600">{t('campaigns.partsOfBranch', { n: counted.branches })}</p>
      )}
      <ul className="mb-4 grid gap-3 md:grid-cols-2" data-testid="sheets">
        {parts.map((p) => (
          <li key={p.unitId}>
            <Card title={p.unitName}>
              <p className="text-sm">
                {t('campaigns.households')}: {p.entries} ·{' '}
                {p.persons > 0 && (
                  <>
                    {t('campaigns.persons')}: {p.persons} ·{' '}
                  </>
                )}
                <Link className="text-brand-700 underline" href={`/campaigns/${id}?unit=${p.unitId}`}>
                  {t('campaigns.list')}
                </Link>{' '}
                ·{' '}
                <Link className="text-brand-700 underline" href={`/campaigns/${id}/sheet/${p.unitId}`}>
                  {t('campaigns.printSheet')}
                </Link>
              </p>
              <p className="mt-1 text-sm text-stone-600">
                {p.sheet ? (
                  <>
                    {t('campaigns.sheetUploaded', {
                      date: p.sheet.uploadedAt.toISOString().slice(0, 10),
                      file: p.sheet.fileName,
                    })}{' '}
                    <a className="text-brand-700 underline" href={`/api/campaigns/${id}/sheets/${p.unitId}`}>
                      {t('campaigns.sheet')}
                    </a>
                  </>
                ) : (
                  t('campaigns.noSheet')
                )}
              </p>
              {!p.sheet && c.state === 'approved' && may('campaigns.distribute') && (
                <div className="mt-2">
                  <SheetUploadForm campaignId={id} unitId={p.unitId} />
                </div>
              )}
            </Card>
          </li>
        ))}
      </ul>

      {listing && may('campaigns.adjust') && (
        <div className="mb-4">
          <Disclosure summary={t('campaigns.add')}>
            <AddEntryForm campaignId={id} />
          </Disclosure>
        </div>
      )}

      <h2 className="mb-2 text-lg font-semibold">{t('campaigns.list')}</h2>
      {entries.length === 0 ? (
        <EmptyState>{t('campaigns.none')}</EmptyState>
      ) : (
        <Table caption={t('campaigns.list')}>
          <thead>
            <tr>
              <Th>{t('campaigns.worker')}</Th>
              <Th>{t('campaigns.unit')}</Th>
              <Th>{t('campaigns.category')}</Th>
              <Th className="text-right">{t('campaigns.amount')}</Th>
              <Th>{t('campaigns.state')}</Th>
              <Th>{t('campaigns.handover')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100" data-testid="entries">
            {entries.map((e) => {
              const branchOpen = listing && !confirmedBranches.has(e.branchId);
              const changes =
                e.state === 'listed'
                  ? (['unreachable', 'remove'] as const)
                  : e.state === 'unreachable'
                    ? (['restore', 'remove'] as const)
                    : [];
              return (
                <tr key={e.id} className="align-top">
                  <Td>
                    <Link className="text-brand-700 underline" href={`/households/${e.householdId}`}>
                      {e.workerName}
                    </Link>
                    <div className="text-xs text-stone-500">{e.employeeNo}</div>
                  </Td>
                  <Td>{e.unitName}</Td>
                  <Td>{t(`register.categories.${e.category}`)}</Td>
                  <Td className="text-right tabular-nums">
                    {formatFen(e.cashFen)}
                    {e.items && <div className="text-xs text-stone-500">{e.items}</div>}
                  </Td>
                  <Td className="whitespace-normal">
                    {t(`campaigns.entryStates.${e.state}`)}
                    <div className="text-xs text-stone-500">{t(`campaigns.sources.${e.source}`)}</div>
                    {e.reason && <div className="text-xs text-stone-500">{e.reason}</div>}
                  </Td>
                  <Td className="min-w-64 whitespace-normal">
                    {e.state === 'delivered' ? (
                      <span className="text-sm">
                        {e.handedOverOn} · {e.method ? t(`campaigns.methods.${e.method}`) : ''} · {e.handedOverBy}
                        {e.receivedBy ? ` → ${e.receivedBy}` : ''}
                        {e.reference ? ` (${e.reference})` : ''}
                      </span>
                    ) : c.state === 'approved' &&
                      e.state === 'listed' &&
                      !signed.has(e.unitId) &&
                      may('campaigns.distribute') ? (
                      <LazyDisclosure summary={t('campaigns.record')}>
                        <div className="p-3">
                          <HandoverForm entryId={e.id} version={e.version} today={today} />
                        </div>
                      </LazyDisclosure>
                    ) : branchOpen && changes.length > 0 && may('campaigns.adjust') ? (
                      <LazyDisclosure summary={t('campaigns.changeReason')}>
                        <div className="p-3">
                          <EntryChangeForm entryId={e.id} version={e.version} changes={changes} />
                        </div>
                      </LazyDisclosure>
                    ) : null}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <KeysetPagination
        prev={prev}
        next={next}
        total={total}
        basePath={`/campaigns/${id}`}
        params={{ unit: unitId ? String(unitId) : undefined, branch: branchId ? String(branchId) : undefined }}
      />
      <CampaignPersons
        rows={persons.slice(0, unitId ? undefined : PERSON_PAGE_SIZE)}
        more={!unitId && persons.length > PERSON_PAGE_SIZE}
        canHandOver={c.state === 'approved' && may('campaigns.distribute')}
        signedUnits={signed}
        today={today}
      />
    </>
  );
}
