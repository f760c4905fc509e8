import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { OpenFileForm, OpenFromStudentButton } from '@/components/employment/employment-forms';
import { EmploymentFiguresCard } from '@/components/programmes/programme-figures';
import { Disclosure } from '@/components/register/disclosure';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { FILE_PAGE_SIZE, listFiles, suggestions } from '@/db/queries/employment';
import { employmentFigures, exitsByYear } from '@/db/queries/programme-figures';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { OUTCOMES } from '@/lib/employment/rules';
import { can } from '@/lib/permissions';
import { first, type SearchParams } from '@/lib/search-params';
import { schoolYearOf } from '@/lib/students/stages';
import { pageParam } from '@/lib/validation/common';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('employment') };
}

/**
 * Employment assistance (一人一档): the year's figures and exits from hardship, the graduating
 * students the portal suggests, and the files of the actor's units, open ones first.
 */
export default async function EmploymentPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('employment.view');
  const sp = first(await searchParams);
  const page = pageParam.parse(sp.page);
  const outcome = OUTCOMES.find((o) => o === sp.outcome);
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const db = await getDb();
  const [figures, exits, suggested, files] = await Promise.all([
    employmentFigures(db, actor, year),
    exitsByYear(db, actor, [year - 2, year - 1, year]),
    suggestions(db, actor, schoolYearOf(today)),
    listFiles(db, actor, { outcome, page }),
  ]);
  const t = await getTranslations();
  const manage = can(actor.role, 'employment.manage');
  const href = (p: number) =>
    `/employment?${new URLSearchParams({ ...(outcome ? { outcome } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader
        title={t('employment.title')}
        subtitle={t('employment.intro')}
        actions={
          <>
            <ButtonLink href="/api/employment/export?format=xlsx" prefetch={false}>
              {t('employment.export')} {t('campaigns.exportXlsx')}
            </ButtonLink>
            <ButtonLink href="/api/employment/export?format=csv" prefetch={false}>
              {t('employment.export')} {t('campaigns.exportCsv')}
            </ButtonLink>
          </>
        }
      />
      <EmploymentFiguresCard figures={figures} exits={exits} year={year} />

      <h2 className="mt-4 mb-2 text-lg font-semibold">{t('employment.suggestions')}</h2>
      {suggested.length === 0 ? (
        <EmptyState>{t('employment.noSuggestions')}</EmptyState>
      ) : (
        <Table caption={t('employment.suggestions')}>
          <thead>
            <tr>
              <Th>{t('employment.name')}</Th>
              <Th>{t('employment.school')}</Th>
              <Th>{t('employment.stage')}</Th>
              <Th>{t('employment.worker')}</Th>
              <Th>{t('employment.unit')}</Th>
              <Th>{t('employment.action')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100" data-testid="employment-suggestions">
            {suggested.map((s) => (
              <tr key={s.studentId}>
                <Td>{s.name}</Td>
                <Td>{s.school}</Td>
                <Td>
                  {t(`students.stages.${s.stage}`)} · {t('employment.gradeN', { n: s.grade })}
                </Td>
                <Td>
                  {s.workerName}
                  <div className="text-xs text-stone-500">{s.employeeNo}</div>
                </Td>
                <Td>{s.unitName}</Td>
                <Td>{manage && <OpenFromStudentButton studentId={s.studentId} name={s.name} />}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      {manage && (
        <div className="my-4">
          <Disclosure summary={t('employment.openByHand')}>
            <div className="p-3">
              <OpenFileForm />
            </div>
          </Disclosure>
        </div>
      )}

      <h2 className="mt-4 mb-2 text-lg font-semibold">{t('employment.files')}</h2>
      <nav className="mb-2 flex flex-wrap gap-2 text-sm" aria-label={t('employment.outcome')}>
        <Link className="text-brand-700 underline" href="/employment" aria-current={outcome ? undefined : 'page'}>
          {t('employment.all')}
        </Link>
        {OUTCOMES.map((o) => (
          <Link
            key={o}
            className="text-brand-700 underline"
            href={`/employment?outcome=${o}`}
            aria-current={outcome === o ? 'page' : undefined}
          >
            {t(`employment.outcomes.${o}`)}
          </Link>
        ))}
      </nav>
      {files.length === 0 ? (
        <EmptyState>{t('employment.none')}</EmptyState>
      ) : (
        <Table caption={t('employment.files')}>
          <thead>
            <tr>
              <Th>{t('employment.name')}</Th>
              <Th>{t('employment.kind')}</Th>
              <Th>{t('employment.worker')}</Th>
              <Th>{t('employment.school')}</Th>
              <Th>{t('employment.graduationYear')}</Th>
              <Th>{t('employment.outcome')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100" data-testid="employment-files">
            {files.map((f) => (
              <tr key={f.id}>
                <Td>
                  <Link className="text-brand-700 underline" href={`/employment/${f.id}`}>
                    {f.name}
                  </Link>
                </Td>
                <Td>{t(`employment.kinds.${f.kind}`)}</Td>
                <Td>
                  {f.workerName}
                  <div className="text-xs text-stone-500">{f.unitName}</div>
                </Td>
                <Td className="whitespace-normal">
                  {f.school}
                  {f.major && <div className="text-xs text-stone-500">{f.major}</div>}
                </Td>
                <Td className="tabular-nums">{f.graduationYear ?? '—'}</Td>
                <Td className="whitespace-normal">
                  {t(`employment.outcomes.${f.outcome}`)}
                  {f.placedOn && (
                    <div className="text-xs text-stone-500">
                      {f.placedOn} · {f.employer}
                    </div>
                  )}
                  {f.exitLinked && <div className="text-xs text-stone-500">{t('employment.exitLinked')}</div>}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <nav className="mt-3 flex gap-2" aria-label={t('employment.files')}>
        {page > 1 && <ButtonLink href={href(page - 1)}>{t('common.previous')}</ButtonLink>}
        {files.length === FILE_PAGE_SIZE && <ButtonLink href={href(page + 1)}>{t('common.next')}</ButtonLink>}
      </nav>
    </>
  );
}
