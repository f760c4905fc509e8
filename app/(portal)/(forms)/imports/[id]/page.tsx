import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { RunImport } from '@/components/imports/run-import';
import { ButtonLink } from '@/components/ui/button';
import { Badge, Card, PageHeader, Stat } from '@/components/ui/card';
import { KeysetPagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { getJob, issuesPage } from '@/db/queries/imports';
import { requireActor } from '@/lib/auth/session';
import { dateTimeInChina } from '@/lib/dates';
import { columnName, issueText } from '@/lib/imports/issue-text';
import { IMPORT_CAPABILITY, importPath } from '@/lib/imports/kinds';
import { orNotFound, routeId } from '@/lib/load';
import { can } from '@/lib/permissions';
import { first, type SearchParams } from '@/lib/search-params';
import { parseId } from '@/lib/validation/common';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('imports'))('jobTitle') };
}

const TONES = {
  validating: 'neutral',
  invalid: 'bad',
  ready: 'info',
  running: 'info',
  done: 'good',
  expired: 'neutral',
} as const;

/**
 * One upload: the dry run's report (paged, downloadable) before anything is written, then the
 * import with its progress, then what it did. Only the account that uploaded sees it.
 */
export default async function ImportJobPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const actor = await requireActor();
  const jobId = routeId((await params).id);
  const db = await getDb();
  const job = await orNotFound(getJob(db, actor, jobId));
  if (!can(actor.role, IMPORT_CAPABILITY[job.kind])) forbidden();
  const sp = first(await searchParams);
  const [t, intl, locale] = [await getTranslations('imports'), await getTranslations(), await getLocale()];
  const tr = (key: string, values?: Record<string, string | number>) => intl(key as never, values as never);
  const issues = await issuesPage(db, jobId, {
    after: parseId(sp.after) ?? undefined,
    before: parseId(sp.before) ?? undefined,
  });
  const back = importPath(job.kind, job.params);
  return (
    <>
      <PageHeader
        title={job.fileName}
        subtitle={t(`${job.kind}.title`)}
        actions={<ButtonLink href={back}>{t('newUpload')}</ButtonLink>}
      />
      <p className="mb-4">
        <Badge tone={TONES[job.status]}>{t(`statuses.${job.status}`)}</Badge>{' '}
        <span className="text-sm text-stone-600">{t(`explain.${job.status}`)}</span>
      </p>
      <div className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label={t('rows')} value={job.rowsTotal} />
        <Stat label={t('rowsWithIssues')} value={job.rowsWithIssues} />
        <Stat label={t('records')} value={job.recordsTotal} />
        <Stat label={t('uploadedAt')} value={<span className="text-base">{dateTimeInChina(job.createdAt)}</span>} />
      </div>

      {(job.status === 'ready' || job.status === 'running') && (
        <Card title={t('importTitle')} className="mb-4">
          <p className="mb-3 text-sm text-stone-600">{t('importHint')}</p>
          <RunImport
            kind={job.kind}
            jobId={job.id}
            done={job.recordsDone}
            total={job.recordsTotal}
            resume={job.status === 'running'}
          />
        </Card>
      )}

      {job.status === 'done' && (
        <Card title={t('doneTitle')} className="mb-4">
          <p data-testid="import-summary" className="text-sm">
            {t('doneSummary', { created: job.created, updated: job.updated, unchanged: job.unchanged })}
          </p>
          {job.kind === 'roster' && job.created > 0 && !job.credentialsTakenAt && (
            <div className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              <p className="mb-2">{t('credentialsHint')}</p>
              <a className="text-brand-700 underline" href={`/api/imports/jobs/${job.id}/credentials`} download>
                {t('credentialsDownload')}
              </a>
            </div>
          )}
          {job.credentialsTakenAt && (
            <p className="mt-3 text-sm text-stone-600">
              {t('credentialsTaken', { at: dateTimeInChina(job.credentialsTakenAt) })}
            </p>
          )}
        </Card>
      )}

      {issues.total.count > 0 && (
        <section aria-labelledby="issues-title">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h2 id="issues-title" className="text-base font-semibold">
              {t('reportTitle')}
            </h2>
            <a className="text-sm text-brand-700 underline" href={`/api/imports/jobs/${job.id}/report`} download>
              {t('reportDownload')}
            </a>
          </div>
          <Table caption={t('reportTitle')}>
            <thead>
              <tr>
                <Th className="text-right">{t('report.row')}</Th>
                <Th>{t('report.field')}</Th>
                <Th>{t('report.message')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100" data-testid="issues">
              {issues.rows.map((i) => (
                <tr key={i.id}>
                  <Td className="text-right tabular-nums">{i.rowNo || t('wholeFile')}</Td>
                  <Td>{i.field ? columnName(job.kind, i.field, locale) : '—'}</Td>
                  <Td>{issueText(tr, job.kind, locale, i.message)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <KeysetPagination
            prev={issues.prev}
            next={issues.next}
            total={issues.total}
            basePath={`/imports/${job.id}`}
            params={{}}
          />
        </section>
      )}
    </>
  );
}
