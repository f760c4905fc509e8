import { randomUUID } from 'node:crypto';
import { can } from '@/lib/permissions';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { awardCases, fundYears, nominees, publishedAwards, type AwardRow } from '@/db/queries/student-awards';
import { AwardDecision, NominationForm } from '@/components/students/award-forms';
import { StageGrade, StateBadge, TierBadge } from '@/components/students/badges';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { filterControl } from '@/components/ui/filter-bar';
import { KeysetPagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/session';
import { formatBytes } from '@/lib/cases/documents';
import { casePaths } from '@/lib/cases/paths';
import { todayInChina } from '@/lib/dates';
import { formatFen } from '@/lib/money';
import { cursorParams, first, type SearchParams } from '@/lib/search-params';
import { studentPaths } from '@/lib/students/paths';
import { awardParams } from '@/lib/students/search-params';
import { schoolYearOf } from '@/lib/students/stages';
import { parseResults } from '@/lib/validation/students';
import { z } from 'zod';
import { optionalIdParam } from '@/lib/validation/common';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('students'))('awardsTitle') };
}

const nominateParam = z.object({ nominate: optionalIdParam });

/** A nomination as officials and leaders read it: the student, the results cited, the documents. */
async function NominationFacts({ a }: { a: AwardRow }) {
  const t = await getTranslations('students');
  const r = parseResults(a.results);
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      <dt className="text-stone-600">{t('student')}</dt>
      <dd>
        {a.studentName} · {a.school} · <StageGrade stage={a.stage} grade={a.grade} />
      </dd>
      <dt className="text-stone-600">{t('parent')}</dt>
      <dd>
        {a.parentName} · {a.unitName}
      </dd>
      {r?.grades && (
        <>
          <dt className="text-stone-600">{t('grades')}</dt>
          <dd>{r.grades}</dd>
        </>
      )}
      {r?.rank && (
        <>
          <dt className="text-stone-600">{t('rank')}</dt>
          <dd>{r.rank}</dd>
        </>
      )}
      {r?.honours && (
        <>
          <dt className="text-stone-600">{t('honours')}</dt>
          <dd className="whitespace-pre-line">{r.honours}</dd>
        </>
      )}
      {a.nominatorName && (
        <>
          <dt className="text-stone-600">{t('nominatedBy')}</dt>
          <dd>{a.nominatorName}</dd>
        </>
      )}
      {a.documents.length > 0 && (
        <>
          <dt className="text-stone-600">{t('documents')}</dt>
          <dd>
            <ul>
              {a.documents.map((d) => (
                <li key={d.id}>
                  <a
                    href={casePaths.document(a.id, d.id)}
                    className="text-brand-700 underline-offset-2 hover:underline"
                  >
                    {d.fileName}
                  </a>{' '}
                  <span className="text-stone-500">{formatBytes(d.sizeBytes)}</span>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}

/**
 * 优秀受助生: branch officials nominate aided students of their branch (this school year); leaders
 * award each nomination a tier of the standard or reject it; everyone here sees the year's list.
 */
export default async function AwardsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('students.awardsView');
  const raw = first(await searchParams);
  const f = awardParams.parse(raw);
  const { nominate } = nominateParam.parse(raw);
  const t = await getTranslations();
  const db = await getDb();
  const current = schoolYearOf(todayInChina());
  const year = f.year ?? current;
  const yearLabel = (y: number) => t('students.schoolYear', { year: y, next: y + 1 });
  const nominating = can(actor.role, 'students.nominate') && year === current;
  const [years, waiting, decided, published, candidates] = await Promise.all([
    fundYears(db),
    awardCases(db, actor, year, ['reviewed']),
    awardCases(db, actor, year, ['in_publicity', 'ready_for_payment', 'paid', 'rejected']),
    publishedAwards(db, year),
    nominating ? nominees(db, actor, year, { q: f.q, ...cursorParams.parse(raw) }) : null,
  ]);
  const chosen = nominate && candidates ? candidates.rows.find((c) => c.id === nominate) : undefined;
  const yearOptions = [...new Set([current, ...years])].sort((a, b) => b - a);

  return (
    <>
      <PageHeader
        title={t('students.awardsTitle')}
        subtitle={t('students.awardsSubtitle', { year: yearLabel(year) })}
        actions={<ButtonLink href={studentPaths.list}>{t('students.back')}</ButtonLink>}
      />
      <form action={studentPaths.awards} method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="block space-y-1 text-sm">
          <span className="font-medium text-stone-700">{t('students.schoolYearLabel')}</span>
          <select name="year" defaultValue={year} className={filterControl}>
            {yearOptions.map((y) => (
              <option key={y} value={y}>
                {yearLabel(y)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass('secondary', 'md')}>
          {t('students.show')}
        </button>
      </form>

      <div className="grid gap-4">
        {chosen && (
          <Card title={t('students.nominateTitle')}>
            <NominationForm token={randomUUID()} studentId={chosen.id} studentName={chosen.name} />
          </Card>
        )}

        {candidates && !chosen && (
          <Card title={t('students.candidatesTitle')}>
            <form
              action={studentPaths.awards}
              method="get"
              role="search"
              className="mb-3 flex flex-wrap items-end gap-2"
            >
              <label className="block min-w-0 flex-1 space-y-1 text-sm">
                <span className="font-medium text-stone-700">{t('common.search')}</span>
                <input name="q" defaultValue={f.q} placeholder={t('students.searchHint')} className={filterControl} />
              </label>
              <button type="submit" className={buttonClass('secondary', 'md')}>
                {t('common.search')}
              </button>
            </form>
            {candidates.rows.length === 0 ? (
              <EmptyState>{f.q ? t('common.noResults') : t('students.noCandidates')}</EmptyState>
            ) : (
              <Table caption={t('students.candidatesTitle')}>
                <thead>
                  <tr>
                    <Th>{t('students.name')}</Th>
                    <Th>{t('students.school')}</Th>
                    <Th>{t('students.stageGradeLabel')}</Th>
                    <Th>{t('students.parent')}</Th>
                    <Th>{t('students.lastAided')}</Th>
                    <Th>
                      <span className="sr-only">{t('students.nominate')}</span>
                    </Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {candidates.rows.map((c) => (
                    <tr key={c.id}>
                      <Td className="font-medium">{c.name}</Td>
                      <Td>{c.school}</Td>
                      <Td>
                        <StageGrade stage={c.stage} grade={c.grade} />
                      </Td>
                      <Td>
                        {c.parentName} · {c.unitName}
                      </Td>
                      <Td>{yearLabel(c.lastAidedYear)}</Td>
                      <Td>
                        <Link
                          href={`${studentPaths.awards}?nominate=${c.id}`}
                          className={buttonClass('secondary', 'sm')}
                          aria-label={t('students.nominateName', { name: c.name })}
                        >
                          {t('students.nominate')}
                        </Link>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            <KeysetPagination
              prev={candidates.prev}
              next={candidates.next}
              total={candidates.total}
              basePath={studentPaths.awards}
              params={{ q: f.q }}
            />
          </Card>
        )}

        <Card title={t('students.waitingTitle', { n: waiting.length })}>
          {waiting.length === 0 ? (
            <EmptyState>{t('students.noneWaiting')}</EmptyState>
          ) : (
            <ul className="grid gap-4">
              {waiting.map((a) => (
                <li key={a.id} className="rounded-md border border-stone-200 p-3">
                  <NominationFacts a={a} />
                  <div className="mt-3 border-t border-stone-100 pt-3">
                    {can(actor.role, 'students.award') ? (
                      <AwardDecision caseId={a.id} version={a.version} tiers={a.tiers} />
                    ) : (
                      <Link href={casePaths.view(a.id)} className="text-sm text-brand-700 underline">
                        {t('students.openCase')}
                      </Link>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t('students.decidedTitle')}>
          {decided.length === 0 ? (
            <EmptyState>{t('students.noneDecided')}</EmptyState>
          ) : (
            <Table caption={t('students.decidedTitle')}>
              <thead>
                <tr>
                  <Th>{t('students.name')}</Th>
                  <Th>{t('people.unit')}</Th>
                  <Th>{t('students.stageGradeLabel')}</Th>
                  <Th>{t('students.tier')}</Th>
                  <Th>{t('students.amount')}</Th>
                  <Th>{t('students.state')}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {decided.map((a) => (
                  <tr key={a.id}>
                    <Td>
                      <Link href={casePaths.view(a.id)} className="text-brand-700 underline-offset-2 hover:underline">
                        {a.studentName}
                      </Link>
                    </Td>
                    <Td>{a.unitName}</Td>
                    <Td>
                      <StageGrade stage={a.stage} grade={a.grade} />
                    </Td>
                    <Td>{a.awardTier ? <TierBadge tier={a.awardTier} /> : '—'}</Td>
                    <Td className="tabular-nums">
                      {a.amountFen != null && a.awardTier ? formatFen(a.amountFen) : '—'}
                    </Td>
                    <Td>
                      <StateBadge state={a.state} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>

        <Card title={t('students.publishedTitle')}>
          <p className="mb-2 text-xs text-stone-500">{t('students.publishedHint')}</p>
          {published.length === 0 ? (
            <EmptyState>{t('students.nonePublished')}</EmptyState>
          ) : (
            <Table caption={t('students.publishedTitle')}>
              <thead>
                <tr>
                  <Th>{t('students.name')}</Th>
                  <Th>{t('people.unit')}</Th>
                  <Th>{t('students.stage')}</Th>
                  <Th>{t('students.tier')}</Th>
                  <Th>{t('students.amount')}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {published.map((a) => (
                  <tr key={a.id}>
                    <Td>{a.maskedName}</Td>
                    <Td>{a.unitName}</Td>
                    <Td>{t(`students.stages.${a.stage}`)}</Td>
                    <Td>
                      <TierBadge tier={a.awardTier} />
                    </Td>
                    <Td className="tabular-nums">{formatFen(a.amountFen)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
