import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { MutualSchemeTable } from '@/components/mutual-aid/mutual-figures';
import { RequestEnrolmentForm } from '@/components/mutual-aid/request-enrolment-form';
import { ButtonLink } from '@/components/ui/button';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import {
  coverageOf,
  listSchemes,
  mutualByBranch,
  mutualFigures,
  seriouslyIllNotEnrolled,
} from '@/db/queries/mutual-aid';
import { registerMeasures, totalMeasures } from '@/db/queries/register-dashboard';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { formatFen } from '@/lib/money';
import { mutualPaths } from '@/lib/mutual-aid/paths';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mutual'))('title') };
}

/**
 * Guarantee (保障帮扶): a worker's own cover (schemes, shares, term, when cover starts, what was
 * claimed and what is left of each cap), asking to join and claiming; officials' and leaders'
 * way into the enrolment lists, the schemes and the funds.
 */
export default async function MutualAidPage() {
  const actor = await requirePermission('mutual.view');
  const t = await getTranslations('mutual');
  const en = (await getLocale()) === 'en';
  const db = await getDb();
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const schemes = await listSchemes(db);
  const name = (s: { nameZh: string; nameEn: string }) => (en ? s.nameEn : s.nameZh);
  if (actor.role === 'worker') {
    const cover = await coverageOf(db, actor.userId, year);
    return (
      <>
        <PageHeader title={t('myCoverTitle')} subtitle={t('myCoverIntro', { year })} />
        {cover.length === 0 ? (
          <EmptyState>{t('noCover')}</EmptyState>
        ) : (
          <Table caption={t('myCoverTitle')}>
            <thead>
              <tr>
                <Th>{t('scheme')}</Th>
                <Th>{t('term')}</Th>
                <Th className="text-right">{t('shares')}</Th>
                <Th>{t('enrolmentState')}</Th>
                <Th>{t('coverFrom')}</Th>
                <Th>{t('contributionStatus')}</Th>
                <Th className="text-right">{t('capYear', { year })}</Th>
                <Th className="text-right">{t('claimed')}</Th>
                <Th className="text-right">{t('capLeft')}</Th>
                <Th>{t('claimAction')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {cover.map((c) => (
                <tr key={c.enrolmentId}>
                  <Td>{name(c)}</Td>
                  <Td className="whitespace-nowrap">
                    {c.termStart} – {c.termEnd}
                  </Td>
                  <Td className="text-right">{c.shares}</Td>
                  <Td>
                    <Badge tone={c.state === 'confirmed' ? 'good' : 'neutral'}>{t(`enrolmentStates.${c.state}`)}</Badge>
                  </Td>
                  <Td>
                    {c.coverFrom} {c.continuous && <span className="text-xs text-stone-500">({t('continuous')})</span>}
                  </Td>
                  <Td>{t(`contributionStatuses.${c.contributionStatus}`)}</Td>
                  <Td className="text-right tabular-nums">{c.capFen === null ? '—' : formatFen(c.capFen)}</Td>
                  <Td className="text-right tabular-nums">
                    {formatFen(c.claimedFen)}{' '}
                    <span className="text-xs text-stone-500">({t('claimsN', { n: c.claims })})</span>
                  </Td>
                  <Td className="text-right tabular-nums" data-testid={`cap-left-${c.enrolmentId}`}>
                    {c.capFen === null ? '—' : formatFen(c.capFen - (c.usedFen ?? 0))}
                  </Td>
                  <Td>
                    {c.state === 'confirmed' && c.termEnd >= today && (
                      <Link className="text-brand-700 underline" href={mutualPaths.newClaim(c.enrolmentId)}>
                        {t('fileClaim')}
                      </Link>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {can(actor.role, 'mutual.requestEnrolment') && schemes.length > 0 && (
          <Card className="mt-6">
            <h2 className="mb-3 text-lg font-semibold">{t('requestTitle')}</h2>
            <RequestEnrolmentForm
              schemes={schemes.map((s) => ({ id: s.id, name: name(s) }))}
              years={[year, year + 1]}
            />
          </Card>
        )}
      </>
    );
  }
  const [rows, register, branches, alerts] = await Promise.all([
    mutualFigures(db, actor, year),
    registerMeasures(db, actor.unitId, todayInChina(), { year }).then(totalMeasures),
    mutualByBranch(db, actor, year),
    seriouslyIllNotEnrolled(db, actor, year),
  ]);
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('intro')}
        actions={
          <>
            {can(actor.role, 'mutual.schemes') && (
              <ButtonLink href={mutualPaths.schemes}>{t('schemesTitle')}</ButtonLink>
            )}
            {can(actor.role, 'mutual.funds') && <ButtonLink href={mutualPaths.funds}>{t('fundsTitle')}</ButtonLink>}
          </>
        }
      />
      {alerts.length > 0 && (
        <div className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="ill-not-enrolled">
          <p className="font-medium">{t('illNotEnrolled', { n: alerts.length, year })}</p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {alerts.map((a) => (
              <li key={a.householdId}>
                <Link className="text-brand-700 underline" href={`/households/${a.householdId}`}>
                  {a.employeeNo} {a.name}
                </Link>{' '}
                <span className="text-stone-500">{a.unitName}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Card title={t('figuresTitle', { year })} className="mb-4">
        <MutualSchemeTable figures={{ rows, roster: register.workers, covered: register.mutualCovered }} year={year} />
        {branches.length > 1 && (
          <div className="mt-4">
            <Table caption={t('byBranch')}>
              <thead>
                <tr>
                  <Th>{t('unit')}</Th>
                  <Th className="text-right">{t('enrolledMembers')}</Th>
                  <Th className="text-right">{t('personTimes')}</Th>
                  <Th className="text-right">{t('paidMoney')}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {branches.map((b) => (
                  <tr key={b.id}>
                    <Td>{b.name}</Td>
                    <Td className="text-right tabular-nums">{b.covered}</Td>
                    <Td className="text-right tabular-nums">{b.paid}</Td>
                    <Td className="text-right tabular-nums">{formatFen(b.fen)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </Card>
      {schemes.length === 0 ? (
        <EmptyState>{t('noSchemes')}</EmptyState>
      ) : (
        <Table caption={t('enrolmentLists')}>
          <thead>
            <tr>
              <Th>{t('scheme')}</Th>
              <Th>{t('kind')}</Th>
              <Th>{t('enrolmentLists')}</Th>
              <Th>{t('claimsTitle')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {schemes.map((s) => (
              <tr key={s.id}>
                <Td>{name(s)}</Td>
                <Td>{t(`kinds.${s.kind}`)}</Td>
                <Td className="space-x-3">
                  {[year - 1, year, year + 1].map((y) => (
                    <Link key={y} className="text-brand-700 underline" href={mutualPaths.enrolments(s.id, y)}>
                      {t('listOfYear', { year: y })}
                    </Link>
                  ))}
                </Td>
                <Td className="space-x-3">
                  {[year - 1, year].map((y) => (
                    <Link key={y} className="text-brand-700 underline" href={mutualPaths.claimsOf(s.id, y)}>
                      {t('claimsOfYear', { year: y })}
                    </Link>
                  ))}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
