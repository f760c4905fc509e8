import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Fragment } from 'react';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { budgetsOfYear, budgetYears, type BudgetRow } from '@/db/queries/aid-admin';
import { listUnits } from '@/db/queries/units';
import { BudgetForm } from '@/components/aid-admin/budget-form';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { filterControl } from '@/components/ui/filter-bar';
import { Table, Td, Th } from '@/components/ui/table';
import { AID_KINDS, HARDSHIP_KINDS, type AidKind } from '@/lib/aid/standards';
import { requirePermission } from '@/lib/auth/session';
import { casePaths } from '@/lib/cases/paths';
import { todayInChina } from '@/lib/dates';
import { fenToYuanText, formatFen, sumFen } from '@/lib/money';
import { first, type SearchParams } from '@/lib/search-params';
import { optionalIdParam } from '@/lib/validation/common';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('aidAdmin'))('budgetsTitle') };
}

/** `?year=` picks the year shown; `kind` and `unitId` prefill the form (the table's "adjust" links). */
const budgetParams = (thisYear: number) =>
  z.object({
    year: z.coerce.number().int().min(2000).max(2100).catch(thisYear),
    kind: z.enum(AID_KINDS).optional().catch(undefined),
    unitId: optionalIdParam,
  });

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—');

/** 预算: per year and kind, the mine-wide budget and the branch splits, what was paid from each and what is left. */
export default async function BudgetsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('aid.budgets');
  const thisYear = Number(todayInChina().slice(0, 4));
  const f = budgetParams(thisYear).parse(first(await searchParams));
  const t = await getTranslations();
  const db = await getDb();
  const [rows, years, units] = await Promise.all([
    budgetsOfYear(db, f.year),
    budgetYears(db, thisYear),
    listUnits(db, { kind: 'all' }),
  ]);
  const branches = units.filter((u) => u.level === 'branch').map((u) => ({ id: u.id, name: u.name }));
  const byKind = new Map<AidKind, BudgetRow[]>();
  for (const r of rows) byKind.set(r.aidKind, [...(byKind.get(r.aidKind) ?? []), r]);
  const kinds: AidKind[] = [
    ...HARDSHIP_KINDS,
    ...AID_KINDS.filter((k) => !(HARDSHIP_KINDS as readonly string[]).includes(k) && byKind.has(k)),
  ];
  const total = sumFen(rows.map((r) => r.amountFen));
  const spent = sumFen(rows.map((r) => r.spentFen));
  const adjustHref = (kind: AidKind, unitId: number | null) =>
    `${casePaths.budgets}?${new URLSearchParams({ year: String(f.year), kind, ...(unitId ? { unitId: String(unitId) } : {}) })}#budget-form`;
  const editing = f.kind ? rows.find((r) => r.aidKind === f.kind && r.unitId === (f.unitId ?? null)) : undefined;
  const formDefaults = {
    year: String(f.year),
    aidKind: f.kind ?? HARDSHIP_KINDS[0],
    unitId: f.unitId && branches.some((b) => b.id === f.unitId) ? String(f.unitId) : '',
    amount: editing ? fenToYuanText(editing.amountFen) : '',
  };
  const cells = (r: BudgetRow) => (
    <>
      <Td className="text-right tabular-nums">{formatFen(r.amountFen)}</Td>
      <Td className="text-right tabular-nums">{formatFen(r.spentFen)}</Td>
      <Td className="text-right tabular-nums">{formatFen(r.leftFen)}</Td>
      <Td className="text-right tabular-nums">{percent(r.leftFen, r.amountFen)}</Td>
      <Td className="text-right tabular-nums">{r.payments}</Td>
      <Td>
        <Link
          href={adjustHref(r.aidKind, r.unitId)}
          className="font-medium text-brand-700 underline-offset-2 hover:underline"
        >
          {t('aidAdmin.adjust')}
        </Link>
      </Td>
    </>
  );
  return (
    <>
      <PageHeader title={t('aidAdmin.budgetsTitle')} subtitle={t('aidAdmin.budgetsSubtitle')} />
      <form action={casePaths.budgets} method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="block space-y-1 text-sm">
          <span className="font-medium text-stone-700">{t('aidAdmin.year')}</span>
          <select name="year" defaultValue={f.year} className={filterControl}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass('secondary', 'md')}>
          {t('aidAdmin.showYear')}
        </button>
      </form>
      <div className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Stat label={t('aidAdmin.totalBudget', { year: f.year })} value={formatFen(total)} />
        <Stat label={t('aidAdmin.totalSpent')} value={formatFen(spent)} hint={percent(spent, total)} />
        <Stat label={t('aidAdmin.totalLeft')} value={formatFen(total - spent)} hint={percent(total - spent, total)} />
      </div>
      <Table caption={t('aidAdmin.budgetsCaption', { year: f.year })}>
        <thead>
          <tr>
            <Th>{t('aidAdmin.kind')}</Th>
            <Th>{t('aidAdmin.budgetScope')}</Th>
            <Th className="text-right">{t('aidAdmin.budgetAmount')}</Th>
            <Th className="text-right">{t('aidAdmin.spent')}</Th>
            <Th className="text-right">{t('aidAdmin.left')}</Th>
            <Th className="text-right">{t('aidAdmin.leftPercent')}</Th>
            <Th className="text-right">{t('aidAdmin.paymentCount')}</Th>
            <Th>{t('aidAdmin.actions')}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {kinds.map((kind) => {
            const own = byKind.get(kind) ?? [];
            if (!own.length) {
              return (
                <tr key={kind}>
                  <Th scope="row" className="bg-white font-normal">
                    {t(`aid.kinds.${kind}`)}
                  </Th>
                  <Td colSpan={6} className="text-stone-500">
                    {t('aidAdmin.noBudget')}
                  </Td>
                  <Td>
                    <Link
                      href={adjustHref(kind, null)}
                      className="font-medium text-brand-700 underline-offset-2 hover:underline"
                    >
                      {t('aidAdmin.set')}
                    </Link>
                  </Td>
                </tr>
              );
            }
            return (
              <Fragment key={kind}>
                {own.map((r, i) => (
                  <tr key={r.id}>
                    {i === 0 && (
                      <Th scope="rowgroup" rowSpan={own.length} className="bg-white align-top font-normal">
                        {t(`aid.kinds.${kind}`)}
                      </Th>
                    )}
                    <Td>{r.unitName ?? t('aidAdmin.mineWide')}</Td>
                    {cells(r)}
                  </tr>
                ))}
              </Fragment>
            );
          })}
        </tbody>
      </Table>
      <p className="mt-2 text-xs text-stone-500">{t('aidAdmin.budgetsNote')}</p>
      <div id="budget-form" className="mt-6 scroll-mt-4">
        <Card title={t('aidAdmin.setBudgetTitle')}>
          <BudgetForm
            key={`${formDefaults.year}-${formDefaults.aidKind}-${formDefaults.unitId}`}
            defaults={formDefaults}
            branches={branches}
          />
        </Card>
      </div>
    </>
  );
}
