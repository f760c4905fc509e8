import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listAudit } from '@/db/queries/audit';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { FilterBar, FilterField, FilterSelect, filterControl } from '@/components/ui/filter-bar';
import { KeysetPagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { requireRole } from '@/lib/auth/session';
import { ADMIN_READ_ROLES } from '@/lib/nav';
import { asStrings, auditParams, cursorParams, first, type SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('audit') };
}

const ACTIONS = ['user.', 'unit.', 'person.', 'account.', 'household.', 'task.', 'symposium.', 'system.'];

function Json({ value }: { value: unknown }) {
  if (value == null) return <span className="text-stone-400">—</span>;
  return (
    <pre className="max-w-xs overflow-x-auto whitespace-pre-wrap break-all font-mono text-xs">
      {JSON.stringify(value, null, 1)}
    </pre>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requireRole(ADMIN_READ_ROLES);
  const sp = first(await searchParams);
  const f = auditParams.parse(sp);
  const t = await getTranslations();
  const format = await getFormatter();
  const { rows, prev, next, total } = await listAudit(await getDb(), f, cursorParams.parse(sp));
  return (
    <>
      <PageHeader title={t('nav.audit')} subtitle={t('audit.subtitle')} />
      <FilterBar action="/admin/audit">
        <FilterField label={t('audit.who')}>
          <input name="who" defaultValue={f.who} placeholder="A0001" className={filterControl} />
        </FilterField>
        <FilterSelect
          label={t('audit.what')}
          name="what"
          value={f.what}
          options={ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a.slice(0, -1)}`) }))}
        />
        <FilterField label={t('audit.from')}>
          <input type="date" name="from" defaultValue={f.from} className={filterControl} />
        </FilterField>
        <FilterField label={t('audit.to')}>
          <input type="date" name="to" defaultValue={f.to} className={filterControl} />
        </FilterField>
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState>{t('common.noResults')}</EmptyState>
      ) : (
        <Table caption={t('nav.audit')}>
          <thead>
            <tr>
              <Th>{t('audit.when')}</Th>
              <Th>{t('audit.who')}</Th>
              <Th>{t('audit.what')}</Th>
              <Th>{t('audit.record')}</Th>
              <Th>{t('audit.before')}</Th>
              <Th>{t('audit.after')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 align-top" data-testid="audit-rows">
            {rows.map((r) => (
              <tr key={r.id}>
                <Td className="tabular-nums">{format.dateTime(r.at, { dateStyle: 'short', timeStyle: 'medium' })}</Td>
                <Td>{r.actorEmployeeNo ? `${r.actorName} (${r.actorEmployeeNo})` : t('audit.system')}</Td>
                <Td className="font-mono text-xs">{r.action}</Td>
                <Td className="font-mono text-xs">
                  {r.entity}
                  {r.entityId ? ` #${r.entityId}` : ''}
                </Td>
                <Td>
                  <Json value={r.before} />
                </Td>
                <Td>
                  <Json value={r.after} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <KeysetPagination prev={prev} next={next} total={total} basePath="/admin/audit" params={asStrings(f)} />
    </>
  );
}
