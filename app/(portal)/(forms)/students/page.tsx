import type { Metadata } from 'next';
import { can } from '@/lib/permissions';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listStudents } from '@/db/queries/students';
import { listUnits, withChainNames } from '@/db/queries/units';
import { StageGrade, StudentCases } from '@/components/students/badges';
import { ButtonLink } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { FilterBar, FilterField, FilterSelect, filterControl } from '@/components/ui/filter-bar';
import { KeysetPagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/session';
import { scopeOf } from '@/lib/scope';
import { asStrings, cursorParams, first, type SearchParams } from '@/lib/search-params';
import { studentPaths } from '@/lib/students/paths';
import { studentParams } from '@/lib/students/search-params';
import { STAGES } from '@/lib/students/stages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('students') };
}

/** 圆梦行动: a worker's own children who study; an official's unit's students; every student for leaders. */
export default async function StudentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('students.view');
  const sp = first(await searchParams);
  const f = studentParams.parse(sp);
  const t = await getTranslations();
  const db = await getDb();
  const worker = actor.role === 'worker';
  const [units, { rows, prev, next, total }] = await Promise.all([
    worker ? [] : listUnits(db, scopeOf(actor)),
    listStudents(db, actor, { ...f, ...cursorParams.parse(sp) }),
  ]);
  const params = asStrings(f);
  const filtered = Object.values(params).some(Boolean);
  const actions = worker ? (
    <>
      <ButtonLink href={studentPaths.register}>{t('students.register')}</ButtonLink>
      <ButtonLink href={studentPaths.apply()} variant="primary">
        {t('students.apply')}
      </ButtonLink>
    </>
  ) : (
    <>
      {can(actor.role, 'students.awardsView') && (
        <ButtonLink href={studentPaths.awards}>{t('students.awardsTitle')}</ButtonLink>
      )}
      {can(actor.role, 'students.report') && <ButtonLink href={studentPaths.report}>{t('nav.fundReport')}</ButtonLink>}
      {can(actor.role, 'students.standards') && (
        <ButtonLink href={studentPaths.standards}>{t('students.standardsTitle')}</ButtonLink>
      )}
    </>
  );
  return (
    <>
      <PageHeader
        title={t(worker ? 'students.ownTitle' : 'nav.students')}
        subtitle={t(worker ? 'students.ownSubtitle' : 'students.subtitle')}
        actions={actions}
      />
      {!worker && (
        <FilterBar action={studentPaths.list}>
          <FilterField label={t('common.search')}>
            <input name="q" defaultValue={f.q} placeholder={t('students.searchHint')} className={filterControl} />
          </FilterField>
          <FilterSelect
            label={t('students.stage')}
            name="stage"
            value={f.stage}
            options={STAGES.map((s) => ({ value: s, label: t(`students.stages.${s}`) }))}
          />
          <FilterSelect
            label={t('people.unit')}
            name="unitId"
            value={f.unitId}
            options={withChainNames(units).map((u) => ({ value: u.id, label: u.chain }))}
          />
        </FilterBar>
      )}
      {rows.length === 0 ? (
        <EmptyState>
          {filtered ? t('common.noResults') : t(worker ? 'students.ownEmpty' : 'students.empty')}{' '}
          {worker && (
            <Link href={studentPaths.register} className="font-medium text-brand-700 underline">
              {t('students.register')}
            </Link>
          )}
        </EmptyState>
      ) : worker ? (
        // A worker has a few children: one card each reads better on a phone than a wide table.
        <ul className="grid gap-3 sm:grid-cols-2">
          {rows.map((s) => (
            <li key={s.id}>
              <Card
                title={s.name}
                actions={
                  <span className="flex flex-wrap gap-2">
                    <ButtonLink href={studentPaths.edit(s.id)} size="sm">
                      {t('students.edit')}
                    </ButtonLink>
                    <ButtonLink href={studentPaths.apply(s.id)} size="sm" variant="primary">
                      {t('students.apply')}
                    </ButtonLink>
                  </span>
                }
              >
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-stone-600">{t('students.idNumber')}</dt>
                  <dd className="font-mono text-xs leading-5">{s.idNumberMasked}</dd>
                  <dt className="text-stone-600">{t('students.school')}</dt>
                  <dd>{s.school}</dd>
                  <dt className="text-stone-600">{t('students.stageGradeLabel')}</dt>
                  <dd>
                    <StageGrade stage={s.stage} grade={s.grade} /> ·{' '}
                    {t('students.admittedIn', { year: s.admissionYear })}
                  </dd>
                  <dt className="text-stone-600">{t('students.casesLabel')}</dt>
                  <dd>
                    <StudentCases cases={s.cases} own />
                  </dd>
                </dl>
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <Table caption={t('students.caption')}>
          <thead>
            <tr>
              <Th>{t('students.name')}</Th>
              <Th>{t('students.idNumber')}</Th>
              <Th>{t('students.parent')}</Th>
              <Th>{t('people.unit')}</Th>
              <Th>{t('students.school')}</Th>
              <Th>{t('students.stageGradeLabel')}</Th>
              <Th>{t('students.admissionYear')}</Th>
              <Th>{t('students.casesLabel')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((s) => (
              <tr key={s.id} className="align-top hover:bg-stone-50">
                <Td>
                  <Link
                    href={studentPaths.edit(s.id)}
                    className="font-medium text-brand-700 underline-offset-2 hover:underline"
                  >
                    {s.name}
                  </Link>
                </Td>
                <Td className="font-mono text-xs">{s.idNumberMasked}</Td>
                <Td>
                  {s.parentName} <span className="font-mono text-xs text-stone-600">{s.employeeNo}</span>
                </Td>
                <Td>{s.unitName}</Td>
                <Td>{s.school}</Td>
                <Td>
                  <StageGrade stage={s.stage} grade={s.grade} />
                </Td>
                <Td className="tabular-nums">{s.admissionYear}</Td>
                <Td>
                  <StudentCases cases={s.cases} own={false} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <KeysetPagination prev={prev} next={next} total={total} basePath={studentPaths.list} params={params} />
    </>
  );
}
