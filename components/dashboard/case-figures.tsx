'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Card, EmptyState, Stat } from '@/components/ui/card';
import { Table, Th } from '@/components/ui/table';
import type { BudgetUse, CaseFigures, StepWait } from '@/db/queries/case-dashboard';
import type { SplitLine } from '@/lib/dashboard/splits';
import { casePaths } from '@/lib/cases/paths';
import { listHref, type DashboardFilters } from '@/lib/dashboard/filters';
import { useFromJson, type JsonOf } from '@/lib/json-props';
import { formatFen, sumFen } from '@/lib/money';
import type { Role } from '@/lib/roles';
import { queueState, stepsOf } from '@/lib/workflow/case-workflow';
import { useSoftNavigation } from './soft-navigation';

type T = ReturnType<typeof useTranslations>;

/**
 * The cells' look, set once on the table body rather than on every cell (what the shared Td does):
 * the dashboards are the most requested pages, and their tables the bulk of them. Each table adds
 * which of its columns hold figures (right-aligned).
 */
export const FIGURE_ROWS = 'divide-y divide-stone-100 tabular-nums [&_td]:whitespace-nowrap [&_td]:px-3 [&_td]:py-2';

/**
 * A step's figure links to the actor's own queue when the step is theirs, else to the case list
 * filtered by the state the step's cases wait in (the publicity board for publicity).
 */
function stepHref(w: StepWait, role: Role, filters: DashboardFilters): string {
  // The queue and the board take no unit: with a unit chosen, the case list (which does) is exact.
  if (!filters.unitId && stepsOf(role).includes(w.step)) return `${casePaths.queue}#queue-${w.step}`;
  if (!filters.unitId && w.step === 'publicity') return casePaths.publicity;
  return listHref.cases(filters, { state: queueState(w.step) });
}

function StepWaits({ waits, role, filters, t }: { waits: StepWait[]; role: Role; filters: DashboardFilters; t: T }) {
  return (
    <ul
      className="grid grid-cols-2 gap-3 md:grid-cols-5"
      data-testid="case-waits"
      aria-label={t('caseDashboard.waitingTitle')}
    >
      {waits.map((w) => (
        <li key={w.step}>
          <a
            href={stepHref(w, role, filters)}
            className="block rounded-lg hover:ring-2 hover:ring-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600"
          >
            <Stat
              label={w.step === 'publicity' ? t('caseDashboard.publicityWaiting') : t(`aid.steps.${w.step}`)}
              value={w.count}
              hint={
                w.oldestDays === null
                  ? t('caseDashboard.noneWaiting')
                  : t('caseDashboard.oldestWait', { days: w.oldestDays })
              }
            />
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Count and amount in one cell: "26 · ¥57,600.00". */
const countAndFen = (n: number, fen: number) => `${n} · ${formatFen(fen)}`;

/** Used, with its share of the budget: "¥12,100.00 (15%)". */
const usedText = (b: BudgetUse) =>
  `${formatFen(b.spentFen)} (${b.amountFen > 0 ? Math.round((100 * b.spentFen) / b.amountFen) : 0}%)`;

/**
 * The year per kind: approved and paid (count · amount), and the kind's budget. A leader's budget
 * cells add up the mine's and the branches' lines; an official's are the budget their unit draws
 * on, named under the amount (their branch, or the whole mine).
 */
function YearTable({ figures, t }: { figures: CaseFigures; t: T }) {
  const title = t('caseDashboard.yearTitle', { year: figures.year });
  const rows = figures.perKind;
  if (rows.length === 0) {
    return (
      <Card title={title}>
        <EmptyState>{t('caseDashboard.noneThisYear')}</EmptyState>
      </Card>
    );
  }
  const drawn = figures.budgetView === 'drawn';
  return (
    <Card title={title}>
      <p className="mb-3 text-sm text-stone-600">
        {drawn ? t('caseDashboard.budgetDrawnHint') : t('caseDashboard.budgetMineHint')}
      </p>
      <Table caption={title}>
        <thead>
          <tr>
            <Th>{t('caseDashboard.kind')}</Th>
            <Th className="text-right">{t('caseDashboard.approved')}</Th>
            <Th className="text-right">{t('caseDashboard.paid')}</Th>
            <Th className="text-right">{t('caseDashboard.budget')}</Th>
            <Th className="text-right">{t('caseDashboard.used')}</Th>
            <Th className="text-right">{t('caseDashboard.left')}</Th>
          </tr>
        </thead>
        <tbody className={`${FIGURE_ROWS} [&_td+td]:text-right`} data-testid="case-year">
          {rows.map((r) => (
            <tr key={r.kind}>
              <td>{t(`aid.kinds.${r.kind}`)}</td>
              <td>{countAndFen(r.approvedCount, r.approvedFen)}</td>
              <td>{countAndFen(r.paidCount, r.paidFen)}</td>
              {r.budget ? (
                <>
                  <td>
                    {formatFen(r.budget.amountFen)}
                    {drawn && (
                      <span className="block text-xs text-stone-500">
                        {r.budget.unitName ?? t('caseDashboard.mineWide')}
                      </span>
                    )}
                  </td>
                  <td>{usedText(r.budget)}</td>
                  <td>{formatFen(r.budget.leftFen)}</td>
                </>
              ) : (
                <td colSpan={3} className="text-stone-500">
                  {t('caseDashboard.noBudget')}
                </td>
              )}
            </tr>
          ))}
          <tr className="font-semibold">
            <td>{t('caseDashboard.total')}</td>
            <td>
              {countAndFen(
                rows.reduce((n, r) => n + r.approvedCount, 0),
                sumFen(rows.map((r) => r.approvedFen)),
              )}
            </td>
            <td>
              {countAndFen(
                rows.reduce((n, r) => n + r.paidCount, 0),
                sumFen(rows.map((r) => r.paidFen)),
              )}
            </td>
            <td colSpan={3} />
          </tr>
        </tbody>
      </Table>
    </Card>
  );
}

/** A leader's budget lines of the kinds split per branch: the mine's own line and each branch's. */
function SplitTable({ year, rows, t }: { year: number; rows: SplitLine[]; t: T }) {
  if (rows.length === 0) return null;
  const title = t('caseDashboard.splitTitle', { year });
  return (
    <Card title={title}>
      <Table caption={title}>
        <thead>
          <tr>
            <Th>{t('caseDashboard.kind')}</Th>
            <Th>{t('caseDashboard.budgetOf')}</Th>
            <Th className="text-right">{t('caseDashboard.budget')}</Th>
            <Th className="text-right">{t('caseDashboard.used')}</Th>
            <Th className="text-right">{t('caseDashboard.left')}</Th>
          </tr>
        </thead>
        <tbody className={`${FIGURE_ROWS} [&_td:nth-child(n+3)]:text-right`} data-testid="case-splits">
          {rows.map((b) => (
            <tr key={`${b.kind}-${b.unitId ?? (b.units ? 'units' : 'own')}`}>
              <td>{t(`aid.kinds.${b.kind}`)}</td>
              <td>
                {b.units ? t('caseDashboard.unitsTotal', { n: b.units }) : (b.unitName ?? t('caseDashboard.mineWide'))}
              </td>
              <td>{formatFen(b.amountFen)}</td>
              <td>{usedText(b)}</td>
              <td>{formatFen(b.leftFen)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

/**
 * The aid cases on an official's or a leader's dashboard: the queues' backlog, the year's money,
 * budgets. `filters` are the ones the figures were computed with, so the links match them.
 */
export interface CaseFiguresData {
  figures: CaseFigures;
  role: Role;
  filters: DashboardFilters;
}

export function CaseFiguresSection({ data }: { data: JsonOf<CaseFiguresData> }) {
  const { figures, role, filters } = useFromJson(data);
  const t = useTranslations();
  const softNavigation = useSoftNavigation();
  return (
    <section
      aria-labelledby="cases-heading"
      className="mt-6 space-y-4"
      data-testid="case-figures"
      onClick={softNavigation}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="cases-heading" className="text-lg font-semibold">
          {t('caseDashboard.title')}
        </h2>
        <Link href={casePaths.queue} className="text-sm text-brand-700 hover:underline">
          {t('caseDashboard.toQueue')}
        </Link>
      </div>
      <h3 className="text-sm font-semibold text-stone-700">{t('caseDashboard.waitingTitle')}</h3>
      <StepWaits waits={figures.waits} role={role} filters={filters} t={t} />
      <YearTable figures={figures} t={t} />
      <SplitTable year={figures.year} rows={figures.splits} t={t} />
    </section>
  );
}
