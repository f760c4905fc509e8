import { clsx } from 'clsx';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { figureHref, type LinkContext } from '@/lib/reports/links';
import type { ReportLine, ReportSection } from '@/lib/reports/lines';
import type { Figure } from '@/lib/reports/tally';
import { formatFen } from '@/lib/money';
import { langTags } from '@/components/ui/lang';
import { formatExitRate } from '@/lib/register/exit-rate';

const pad = 'px-3 py-2 print:px-1.5 print:py-1';
const num = `${pad} whitespace-nowrap text-right tabular-nums`;
const headTone = 'bg-stone-50 font-medium text-stone-700 print:bg-transparent';
const head = `${pad} whitespace-nowrap ${headTone}`;
/** The item column stays in view while the figures scroll under it on a phone; its labels wrap there. */
const itemColumn = `${pad} sticky left-0 z-10 min-w-28 max-w-40 text-left sm:max-w-none sm:whitespace-nowrap print:static`;

/** One programme's table: a row per line, per year its count (and money), then the span's total. */
export function ReportTable({
  section,
  years,
  links,
  note,
}: {
  section: ReportSection;
  years: number[];
  links: LinkContext;
  note?: ReactNode;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const money = section.lines.some((l) => l.money);
  const title = t.rich(`reports.programmes.${section.programme}`, langTags);
  const columns: (number | 'total')[] = [...years, 'total'];
  const columnLabel = (at: number | 'total') => (at === 'total' ? t('reports.total') : t('reports.year', { year: at }));
  const label = (l: ReportLine) => (l.key === 'aidKind' ? t(`aid.kinds.${l.aidKind!}`) : t(`reports.lines.${l.key}`));

  const countCell = (line: ReportLine, at: number | 'total', figure: Figure) => {
    if (line.cohorts) {
      // A rate per year; over the span there is none (a household is in several years' cohorts).
      const cohort = at === 'total' ? undefined : line.cohorts[years.indexOf(at)];
      return (
        <td key={`${at}-n`} className={num}>
          {cohort ? formatExitRate(cohort, locale) : <span className="text-stone-400">—</span>}
        </td>
      );
    }
    const href = figure.count > 0 ? figureHref(line, at, links) : null;
    return (
      <td key={`${at}-n`} className={num}>
        {href ? (
          <Link
            href={href}
            aria-label={t('reports.openList', { label: label(line), year: columnLabel(at), value: figure.count })}
            className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800 print:text-inherit print:no-underline"
          >
            {figure.count}
          </Link>
        ) : (
          figure.count
        )}
      </td>
    );
  };

  return (
    <section
      aria-labelledby={`report-${section.programme}`}
      className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm print:break-inside-avoid print:rounded-none print:border-0 print:bg-transparent print:p-0 print:shadow-none"
    >
      <h2 id={`report-${section.programme}`} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      {/* Scrolls in its own box on a phone, reachable by keyboard (as components/ui/table.tsx); prints whole. */}
      <div
        role="region"
        aria-labelledby={`report-${section.programme}-caption`}
        // A scroll box must take focus to scroll by keyboard (axe scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        className="relative overflow-x-auto rounded-lg border border-stone-200 print:overflow-visible print:rounded-none print:border-stone-400"
      >
        <table
          className="min-w-full divide-y divide-stone-200 text-sm print:text-[9pt]"
          data-testid={`report-${section.programme}`}
        >
          <caption id={`report-${section.programme}-caption`} className="sr-only">
            {t.rich('reports.caption', { programme: () => title })}
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={money ? 2 : 1} className={clsx(itemColumn, headTone)}>
                {t('reports.item')}
              </th>
              {columns.map((at) => (
                <th
                  key={at}
                  scope="colgroup"
                  colSpan={money ? 2 : 1}
                  className={clsx(head, money ? 'text-center' : 'text-right')}
                >
                  {columnLabel(at)}
                </th>
              ))}
            </tr>
            {money && (
              <tr>
                {columns.map((at) => [
                  <th key={`${at}-n`} scope="col" className={clsx(head, 'text-right font-normal')}>
                    {t('reports.count')}
                  </th>,
                  <th key={`${at}-m`} scope="col" className={clsx(head, 'text-right font-normal')}>
                    {t('reports.money')}
                  </th>,
                ])}
              </tr>
            )}
          </thead>
          <tbody className="divide-y divide-stone-100">
            {section.lines.map((line) => {
              const subtotal = line.key === 'aidSubtotal';
              return (
                <tr
                  key={line.aidKind ?? line.key}
                  className={subtotal ? 'bg-stone-50 font-semibold print:bg-transparent' : undefined}
                >
                  <th
                    scope="row"
                    className={clsx(
                      itemColumn,
                      subtotal ? 'bg-stone-50 font-semibold print:bg-transparent' : 'bg-white font-normal',
                    )}
                  >
                    {label(line)}
                  </th>
                  {columns.map((at, i) => {
                    const figure = at === 'total' ? line.total : line.years[i];
                    return [
                      countCell(line, at, figure),
                      money && (
                        <td key={`${at}-m`} className={num}>
                          {line.money ? formatFen(figure.fen) : <span className="text-stone-400">—</span>}
                        </td>
                      ),
                    ];
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {note && <p className="mt-2 text-xs text-stone-500 print:text-stone-700">{note}</p>}
    </section>
  );
}
