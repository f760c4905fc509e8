import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listAudit, type AuditRow } from '@/db/queries/audit';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { FilterBar, FilterField, FilterSelect, filterControl } from '@/components/ui/filter-bar';
import { KeysetPagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/session';
import { asStrings, auditParams, cursorParams, first, type SearchParams } from '@/lib/search-params';
import { AUDIT_ENTITIES, AUDIT_GROUPS, changedFields, sentenceKey } from '@/lib/audit-kinds';
import { formatFen } from '@/lib/money';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('audit') };
}

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** A recorded value in words: states and kinds translated, fen as money, lists joined. */
function valueText(t: Translate, key: string, v: unknown): string {
  if (v === undefined || v === null || v === '') return t('audit.none');
  if (typeof v === 'boolean') return t(v ? 'audit.yes' : 'audit.no');
  if (typeof v === 'number' && /Fen$/.test(key)) return formatFen(v);
  if (typeof v === 'string') {
    for (const ns of ['aid.states', 'aid.steps', 'aid.kinds', 'register.categories', 'roles']) {
      if (t.has(`${ns}.${v}`)) return t(`${ns}.${v}`);
    }
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => valueText(t, key, x)).join(', ');
  return JSON.stringify(v);
}

/** Each change as a sentence, then its fields labelled, before → after. */
function Change({ t, r }: { t: Translate; r: AuditRow }) {
  const key = sentenceKey(r.action);
  const record = r.entityId ? t('audit.record', { id: r.entityId }) : '';
  const fields = changedFields(r.before, r.after);
  return (
    <>
      <p>{t.has(key) ? t(key, { record }) : `${r.action} ${record}`}</p>
      {fields.length > 0 && (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs text-stone-600">
          {fields.map((f) => (
            <div key={f.key} className="contents">
              <dt className="font-medium">{t.has(`audit.fields.${f.key}`) ? t(`audit.fields.${f.key}`) : f.key}</dt>
              <dd className="break-words">
                {f.before === undefined
                  ? valueText(t, f.key, f.after)
                  : t('audit.arrow', { before: valueText(t, f.key, f.before), after: valueText(t, f.key, f.after) })}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('admin.read');
  const sp = first(await searchParams);
  const f = auditParams.parse(sp);
  const t = await getTranslations();
  const format = await getFormatter();
  const db = await getDb();
  const { rows, prev, next, total } = await listAudit(db, f, cursorParams.parse(sp));
  const filters = new URLSearchParams(
    Object.entries(asStrings(f)).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        subtitle={t('audit.subtitle')}
        actions={
          // A plain link: the route streams the file with a Content-Disposition, no script needed.
          <a href={`/api/audit?${filters}`} className={buttonClass('secondary', 'sm')} download>
            {t('audit.exportCsv')}
          </a>
        }
      />
      <FilterBar action="/admin/audit">
        <FilterField label={t('audit.who')}>
          <input name="who" defaultValue={f.who} placeholder="A0001" className={filterControl} />
        </FilterField>
        <FilterSelect
          label={t('audit.what')}
          name="what"
          value={f.what}
          options={AUDIT_GROUPS.map((g) => ({ value: g.prefix, label: t(`audit.actions.${g.key}`) }))}
        />
        <FilterSelect
          label={t('audit.entity')}
          name="entity"
          value={f.entity}
          options={AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
        />
        <FilterField label={t('audit.recordNo')}>
          <input name="entityId" defaultValue={f.entityId} inputMode="numeric" className={filterControl} />
        </FilterField>
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
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 align-top" data-testid="audit-rows">
            {rows.map((r) => (
              <tr key={r.id}>
                <Td className="tabular-nums">{format.dateTime(r.at, { dateStyle: 'short', timeStyle: 'medium' })}</Td>
                <Td>{r.actorEmployeeNo ? `${r.actorName} (${r.actorEmployeeNo})` : t('audit.system')}</Td>
                <Td>
                  <Change t={t} r={r} />
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
