import type { Metadata } from 'next';
import { can } from '@/lib/permissions';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listUnits, withChainNames, workerCountsByUnit } from '@/db/queries/units';
import { CreateUnitForm, UnitEditor } from '@/components/admin/unit-forms';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { scopeOf } from '@/lib/scope';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('units') };
}

export default async function UnitsPage() {
  const actor = await requirePermission('admin.read');
  const t = await getTranslations();
  const db = await getDb();
  const scope = scopeOf(actor);
  const [units, counts] = await Promise.all([listUnits(db, scope), workerCountsByUnit(db, scope)]);
  const named = withChainNames(units);
  const isAdmin = can(actor.role, 'admin.units');
  // Workers in a unit and everything below it.
  const below = (path: string) =>
    named.filter((u) => u.path.startsWith(path)).reduce((n, u) => n + (counts.get(u.id) ?? 0), 0);
  const parentsFor = (level: string) =>
    named.filter((u) =>
      level === 'sub_branch' ? u.level === 'branch' : level === 'branch' ? u.level === 'mine' : false,
    );

  return (
    <>
      <PageHeader title={t('nav.units')} subtitle={isAdmin ? t('units.subtitle') : t('admin.readOnly')} />
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card title={t('units.tree')}>
          {named.length === 0 ? (
            <EmptyState>{t('units.empty')}</EmptyState>
          ) : (
            <ul className="divide-y divide-stone-100" data-testid="unit-tree">
              {named.map((u) => {
                const depth = u.path.split('.').filter(Boolean).length - 1;
                const moveTargets = parentsFor(u.level).filter((p) => p.id !== u.parentId);
                return (
                  <li key={u.id} style={{ paddingLeft: `${depth * 1.25}rem` }} className="py-2">
                    <div className="flex flex-wrap items-center gap-2 text-sm">
                      <span className="font-medium">{u.name}</span>
                      <span className="font-mono text-xs text-stone-500">{u.code}</span>
                      <span className="text-xs text-stone-600">{t(`units.levels.${u.level}`)}</span>
                      <span className="ml-auto text-xs tabular-nums text-stone-600">
                        {t('units.workers', { n: below(u.path) })}
                      </span>
                    </div>
                    {isAdmin && (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-xs text-brand-700">
                          {t('units.edit', { name: u.name })}
                        </summary>
                        <UnitEditor
                          unit={u}
                          parents={u.parentId === null ? [] : moveTargets.map(({ id, chain }) => ({ id, chain }))}
                        />
                      </details>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
        {isAdmin && (
          <Card title={t('units.add')}>
            <CreateUnitForm
              parents={named.filter((u) => u.level !== 'sub_branch').map(({ id, chain }) => ({ id, chain }))}
            />
          </Card>
        )}
      </div>
    </>
  );
}
