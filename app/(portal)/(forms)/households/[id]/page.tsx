import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { getHouseholdDetail, helperCandidates, taskOwnerOptions } from '@/db/queries/register';
import { CategoryBadge, DueDate, HouseholdStatusBadge } from '@/components/register/badges';
import { Disclosure } from '@/components/register/disclosure';
import {
  AssignHelperForm,
  ChangeCategoryForm,
  ExitForm,
  RefileForm,
  ReviewForm,
  type PersonOption,
} from '@/components/register/household-actions';
import { EditHouseholdForm } from '@/components/register/household-form';
import { TaskList } from '@/components/register/task-list';
import { VisitForm } from '@/components/register/visit-form';
import { ButtonLink } from '@/components/ui/button';
import { HouseholdCampaigns } from '@/components/campaigns/household-campaigns';
import { HouseholdClaims } from '@/components/mutual-aid/household-claims';
import { memberClaimLines } from '@/db/queries/mutual-aid';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { householdCampaignLines } from '@/db/queries/campaigns';
import { householdProgrammeLines } from '@/db/queries/programme-figures';
import { HouseholdProgrammes } from '@/components/programmes/household-programmes';
import { Table, Td, Th } from '@/components/ui/table';
import { HELPER_KINDS, SIX_KNOWS } from '@/db/schema/register';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { orNotFound, routeId } from '@/lib/load';
import { fenToYuanText, formatFen } from '@/lib/money';
import { can } from '@/lib/permissions';
import { allSixKnown, isOverdue, REQUIRED_HELPERS } from '@/lib/register/rules';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('households'))('title') };
}

function Item({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'col-span-2' : 'min-w-0'}>
      <dt className="text-stone-500">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

/** Open tasks first (the query orders status alphabetically, which puts "done" on top). */
const STATUS_ORDER = { open: 0, in_progress: 1, done: 2 } as const;
const openFirst = <T extends { status: keyof typeof STATUS_ORDER }>(tasks: T[]) =>
  [...tasks].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);

const personLabel = (p: { name: string; employeeNo: string; unitName?: string }) =>
  [p.name, p.employeeNo, p.unitName].filter(Boolean).join(' · ');

export default async function HouseholdPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('register.care');
  const db = await getDb();
  const h = await orNotFound(getHouseholdDetail(db, actor, routeId((await params).id)));
  const t = await getTranslations();
  const today = todayInChina();
  const active = h.status === 'active';
  const manage = h.canManage;
  // A helper who is a worker has no register list to go back to.
  const backHref = can(actor.role, 'register.view') ? '/households' : '/dashboard';

  // Owners of appeals and helpers come from the household's unit and the units above it.
  // Only keepers of the file assign helpers, so only they get the unit chain's people.
  const candidates = active && manage ? await helperCandidates(db, { unitPath: h.unitPath, workerId: h.workerId }) : [];
  const ownerRows = active
    ? await taskOwnerOptions(db, actor, { id: h.id, unitPath: h.unitPath, workerId: h.workerId })
    : [];
  const candidateOptions = (leadersOnly: boolean): PersonOption[] =>
    candidates
      .filter((c) => !leadersOnly || c.role === 'leader')
      .map((c) => ({ id: c.id, label: `${personLabel(c)} · ${t(`roles.${c.role}`)}` }));
  const owners: PersonOption[] = [
    ...h.currentHelpers.map((x) => ({
      id: x.userId,
      label: `${x.name} · ${x.employeeNo} · ${t(`register.helperKinds.${x.kind}`)}`,
    })),
    ...ownerRows.map((c) => ({ id: c.id, label: `${personLabel(c)} · ${t(`roles.${c.role}`)}` })),
  ].filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i);

  // Mutual-aid claims name schemes that hint at illness: the register's keepers see them, a worker
  // serving as the household's helper does not.
  const [campaignLines, programmeLines, claimLines] = await Promise.all([
    householdCampaignLines(db, h.id),
    householdProgrammeLines(db, h.id),
    can(actor.role, 'register.view') ? memberClaimLines(db, h.workerId) : null,
  ]);
  const reviewOverdue = active && isOverdue(h.reviewDue, today);
  const pastHelpers = h.helpers.filter((x) => x.until !== null);

  return (
    <>
      <PageHeader
        title={`${h.workerName} · ${h.employeeNo}`}
        subtitle={h.unitName}
        actions={
          <>
            <span className="flex items-center gap-2">
              <CategoryBadge category={h.category} />
              <HouseholdStatusBadge status={h.status} />
            </span>
            <ButtonLink href={backHref}>{t('common.back')}</ButtonLink>
          </>
        }
      />
      {!active && (
        <p className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-900" data-testid="exited-notice">
          {t('households.exitedNotice', { date: h.exitedOn ?? '', reason: h.exitReason ?? '' })}
        </p>
      )}
      {reviewOverdue && (
        <p className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800">
          {t('households.reviewOverdueNotice', { date: h.reviewDue })}
        </p>
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <Card title={t('households.details')}>
            <dl className="grid grid-cols-2 gap-3 text-sm" data-testid="household-details">
              <Item label={t('households.keepingLevel')}>{t(`register.levels.${h.keepingLevel}`)}</Item>
              <Item label={t('households.causes')}>
                <span className="flex flex-wrap gap-1">
                  {h.causes.map((c) => (
                    <Badge key={c}>{t(`register.causes.${c}`)}</Badge>
                  ))}
                </span>
              </Item>
              <Item label={t('households.monthlyIncome')}>
                <span className="tabular-nums">{formatFen(h.monthlyIncomeFen)}</span>
              </Item>
              <Item label={t('households.perHeadIncome')}>
                <span className="tabular-nums">{formatFen(h.perHeadIncomeFen)}</span>{' '}
                <span className="text-xs text-stone-500">
                  {t('households.perHeadHint', { n: h.members.length + 1 })}
                </span>
              </Item>
              <Item label={t('households.filedOn')}>
                <span className="tabular-nums">{h.filedOn}</span>
              </Item>
              <Item label={t('households.reviewDue')}>
                {active ? <DueDate date={h.reviewDue} today={today} /> : '—'}
              </Item>
              <Item label={t('households.housing')}>{h.housing || '—'}</Item>
              <Item label={t('households.phone')}>
                <span className="font-mono">{h.phoneMasked}</span>
              </Item>
              <Item label={t('households.address')} wide>
                {h.address}
              </Item>
              <Item label={t('people.idNumber')}>
                <span className="font-mono">{h.idNumberMasked || '—'}</span>
              </Item>
              <Item label={t('households.notes')} wide>
                <span className="whitespace-pre-line">{h.notes || '—'}</span>
              </Item>
            </dl>
            {manage && active && (
              <div className="mt-4">
                <Disclosure summary={t('households.editDetails')}>
                  <EditHouseholdForm
                    householdId={h.id}
                    phoneMasked={h.phoneMasked}
                    today={today}
                    defaults={{
                      keepingLevel: h.keepingLevel,
                      causes: h.causes as ('poverty' | 'illness' | 'special')[],
                      monthlyIncome: fenToYuanText(h.monthlyIncomeFen),
                      housing: h.housing,
                      address: h.address,
                      phone: '',
                      notes: h.notes,
                      members: h.members.map((m) => ({
                        name: m.name,
                        relation: m.relation,
                        birthDate: m.birthDate,
                        health: m.health,
                        schoolOrWork: m.schoolOrWork,
                        monthlyIncome: fenToYuanText(m.monthlyIncomeFen),
                        employeeInsurance: m.employeeInsurance,
                      })),
                    }}
                  />
                </Disclosure>
              </div>
            )}
          </Card>

          <Card title={t('households.members')}>
            {h.members.length === 0 ? (
              <EmptyState>{t('households.noMembers')}</EmptyState>
            ) : (
              <Table caption={t('households.members')}>
                <thead>
                  <tr>
                    <Th>{t('households.memberName')}</Th>
                    <Th>{t('households.relation')}</Th>
                    <Th>{t('households.birthDate')}</Th>
                    <Th>{t('households.health')}</Th>
                    <Th>{t('households.schoolOrWork')}</Th>
                    <Th className="text-right">{t('households.memberIncome')}</Th>
                    <Th>{t('households.employeeInsurance')}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {h.members.map((m) => (
                    <tr key={m.id}>
                      <Td>{m.name}</Td>
                      <Td>{t(`register.relations.${m.relation}`)}</Td>
                      <Td className="tabular-nums">{m.birthDate}</Td>
                      <Td className="whitespace-normal">{m.health || '—'}</Td>
                      <Td className="whitespace-normal">{m.schoolOrWork || '—'}</Td>
                      <Td className="text-right tabular-nums">{formatFen(m.monthlyIncomeFen)}</Td>
                      <Td>{m.employeeInsurance ? t('households.insured') : t('households.notInsured')}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>

          <Card title={t('households.tasks')}>
            <TaskList
              today={today}
              empty={t('households.noTasks')}
              tasks={openFirst(h.tasks).map((x) => ({ ...x, canMove: manage || x.ownerId === actor.userId }))}
            />
          </Card>

          <Card title={t('households.visits')}>
            {active && (
              <div className="mb-4">
                <Disclosure summary={t('households.newVisit')}>
                  <VisitForm householdId={h.id} today={today} owners={owners} />
                </Disclosure>
              </div>
            )}
            {h.visits.length === 0 ? (
              <EmptyState>{t('households.noVisits')}</EmptyState>
            ) : (
              <ol className="space-y-3" data-testid="visits">
                {h.visits.map((v) => (
                  <li key={v.id} className="rounded-md border border-stone-200 p-3 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium tabular-nums">{v.visitedOn}</span>
                      <span>{v.visitors}</span>
                      {allSixKnown(v.knows) && <Badge tone="good">{t('households.allSixKnown')}</Badge>}
                      <span className="ml-auto text-xs text-stone-500">
                        {t('households.recordedBy', { name: v.recordedBy })}
                      </span>
                    </div>
                    <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1" aria-label={t('households.sixKnows')}>
                      {SIX_KNOWS.map((k) => {
                        const known = v.knows.includes(k);
                        return (
                          <li key={k} className={known ? 'text-green-800' : 'text-stone-400'}>
                            <span aria-hidden="true">{known ? '✓' : '○'}</span> {t(`register.knows.${k}`)}
                            <span className="sr-only">
                              : {known ? t('households.known') : t('households.notKnown')}
                            </span>
                          </li>
                        );
                      })}
                    </ul>
                    {v.notes && <p className="mt-2 whitespace-pre-line text-stone-700">{v.notes}</p>}
                  </li>
                ))}
              </ol>
            )}
          </Card>

          <Card title={t('households.timeline')}>
            {h.events.length === 0 ? (
              <EmptyState>{t('households.noEvents')}</EmptyState>
            ) : (
              <ol className="space-y-2 border-l-2 border-stone-200 pl-4 text-sm" data-testid="timeline">
                {h.events.map((e) => (
                  <li key={e.id}>
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="tabular-nums text-stone-600">{e.on}</span>
                      <span className="font-medium">{t(`register.events.${e.kind}`)}</span>
                      {e.fromCategory && e.fromCategory !== e.toCategory && (
                        <>
                          <CategoryBadge category={e.fromCategory} />
                          {e.toCategory && <span aria-label={t('households.changedTo')}>→</span>}
                        </>
                      )}
                      <CategoryBadge category={e.toCategory} />
                      {e.actorName && (
                        <span className="text-xs text-stone-500">{t('households.by', { name: e.actorName })}</span>
                      )}
                    </div>
                    {e.reason && <p className="text-stone-700">{e.reason}</p>}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>

        <div className="min-w-0 space-y-4">
          <HouseholdCampaigns lines={campaignLines} linked={can(actor.role, 'campaigns.view')} />
          <HouseholdProgrammes
            lines={programmeLines}
            linkJobs={can(actor.role, 'employment.view')}
            linkSurvivors={can(actor.role, 'care.view')}
          />
          {claimLines && <HouseholdClaims lines={claimLines} />}
          <Card title={t('households.helpers')}>
            <ul className="space-y-3" data-testid="helpers">
              {HELPER_KINDS.map((kind) => {
                const current = h.currentHelpers.find((x) => x.kind === kind);
                return (
                  <li key={kind} className="space-y-2 border-b border-stone-100 pb-3 last:border-0 last:pb-0">
                    <div className="text-sm">
                      <div className="text-stone-500">{t(`register.helperKinds.${kind}`)}</div>
                      {current ? (
                        <div>
                          <span className="font-medium">{current.name}</span>{' '}
                          <span className="font-mono text-xs text-stone-600">{current.employeeNo}</span>
                          <span className="block text-xs text-stone-500">
                            {t('households.helperSince', { date: current.since })}
                          </span>
                        </div>
                      ) : active && REQUIRED_HELPERS.includes(kind) ? (
                        <Badge tone="bad">{t('households.notAssigned')}</Badge>
                      ) : (
                        <span className="text-stone-500">{t('households.notAssigned')}</span>
                      )}
                    </div>
                    {manage && active && (
                      <Disclosure
                        summary={
                          current
                            ? t('households.replaceHelperOf', { kind: t(`register.helperKinds.${kind}`) })
                            : t('households.assignHelperOf', { kind: t(`register.helperKinds.${kind}`) })
                        }
                      >
                        <AssignHelperForm
                          householdId={h.id}
                          kind={kind}
                          currentUserId={current?.userId ?? null}
                          options={candidateOptions(kind === 'first_helper')}
                        />
                      </Disclosure>
                    )}
                  </li>
                );
              })}
            </ul>
            {pastHelpers.length > 0 && (
              <div className="mt-4 border-t border-stone-200 pt-3">
                <h3 className="mb-2 text-sm font-semibold">{t('households.helperHistory')}</h3>
                <ul className="space-y-1 text-sm text-stone-700">
                  {pastHelpers.map((x) => (
                    <li key={x.id}>
                      <span className="text-stone-500">{t(`register.helperKinds.${x.kind}`)}</span> {x.name}{' '}
                      <span className="tabular-nums text-xs text-stone-500">
                        {t('households.helperTerm', { since: x.since, until: x.until ?? '' })}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </Card>

          {manage && (
            <Card title={t('households.manage')}>
              <div className="space-y-2">
                {active ? (
                  <>
                    <Disclosure summary={t('households.reviewTitle')} open={reviewOverdue}>
                      <ReviewForm householdId={h.id} current={h.category} />
                    </Disclosure>
                    <Disclosure summary={t('households.changeCategory')}>
                      <ChangeCategoryForm householdId={h.id} />
                    </Disclosure>
                    <Disclosure summary={t('households.exitTitle')} tone="danger">
                      <p className="mb-3 text-sm text-stone-600">{t('households.exitExplain')}</p>
                      <ExitForm householdId={h.id} today={today} workerName={h.workerName} />
                    </Disclosure>
                  </>
                ) : (
                  <Disclosure summary={t('households.refileTitle')} open>
                    <p className="mb-3 text-sm text-stone-600">{t('households.refileExplain')}</p>
                    <RefileForm householdId={h.id} current={h.category} />
                  </Disclosure>
                )}
              </div>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
