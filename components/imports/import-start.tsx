import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { ImportJob } from '@/db/queries/imports';
import type { ImportKind } from '@/db/schema/imports';
import { dateTimeInChina } from '@/lib/dates';
import { UploadForm } from './upload-form';

/**
 * An import's start page: the templates, the upload, and the actor's recent uploads of this kind.
 * `choice` is what the kind asks for besides the file (shown above the upload), `query` carries it.
 */
export async function ImportStart({
  kind,
  jobs,
  subtitle,
  choice,
  query,
}: {
  kind: ImportKind;
  jobs: ImportJob[];
  subtitle?: string;
  choice?: React.ReactNode;
  query?: string;
}) {
  const t = await getTranslations('imports');
  const template = (lang: string, format: string) => `/api/imports/template/${kind}?lang=${lang}&format=${format}`;
  return (
    <>
      <PageHeader title={t(`${kind}.title`)} subtitle={subtitle ?? t(`${kind}.intro`)} />
      {choice}
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t('templates')}>
          <p className="mb-2 text-sm text-stone-600">{t('templatesHint')}</p>
          <ul className="list-inside list-disc space-y-1 text-sm">
            <li>
              <a className="text-brand-700 underline" href={template('zh', 'xlsx')} download>
                {t('templateZh')} (XLSX)
              </a>{' '}
              ·{' '}
              <a className="text-brand-700 underline" href={template('zh', 'csv')} download>
                CSV
              </a>
            </li>
            <li>
              <a className="text-brand-700 underline" href={template('en', 'xlsx')} download lang="en">
                {t('templateEn')} (XLSX)
              </a>{' '}
              ·{' '}
              <a className="text-brand-700 underline" href={template('en', 'csv')} download lang="en">
                CSV
              </a>
            </li>
          </ul>
          <p className="mt-3 text-sm text-stone-600">{t(`${kind}.rules`)}</p>
        </Card>
        <Card title={t('upload')}>
          <UploadForm kind={kind} query={query} />
        </Card>
      </div>
      <h2 className="mt-6 mb-2 text-base font-semibold">{t('recent')}</h2>
      {jobs.length === 0 ? (
        <EmptyState>{t('noJobs')}</EmptyState>
      ) : (
        <Table caption={t('recent')}>
          <thead>
            <tr>
              <Th>{t('fileName')}</Th>
              <Th>{t('uploadedAt')}</Th>
              <Th className="text-right">{t('rows')}</Th>
              <Th>{t('status')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {jobs.map((j) => (
              <tr key={j.id}>
                <Td>
                  <Link className="text-brand-700 underline" href={`/imports/${j.id}`}>
                    {j.fileName}
                  </Link>
                </Td>
                <Td>{dateTimeInChina(j.createdAt)}</Td>
                <Td className="text-right tabular-nums">{j.rowsTotal}</Td>
                <Td>{t(`statuses.${j.status}`)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
