import { differenceInCalendarDays, parseISO } from 'date-fns';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { BoardCase, EndedCase, PendingObjection, PublishedCase } from '@/db/queries/publicity';
import { Disclosure } from '@/components/register/disclosure';
import { Badge, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { casePaths } from '@/lib/cases/paths';
import { formatFen } from '@/lib/money';
import { DecideObjectionForm } from './decide-objection-form';
import { ObjectForm } from './object-form';

type T = Awaited<ReturnType<typeof getTranslations>>;

/** Days left in the window, today and the last day included: 1 on the last day, 0 once it has ended. */
export function daysLeft(publicityEnd: string, today: string): number {
  return Math.max(0, differenceInCalendarDays(parseISO(publicityEnd), parseISO(today)) + 1);
}

const kindLabel = (t: T, c: Pick<BoardCase, 'kind' | 'aidKind'>) =>
  c.aidKind ? t(`aid.kinds.${c.aidKind}`) : t(`aid.caseKinds.${c.kind}`);

/** "采矿场 · 一采区", or the unit alone when it is the branch itself (or above one). */
const unitLabel = (c: Pick<BoardCase, 'unitName' | 'branchName'>) =>
  c.branchName && c.branchName !== c.unitName ? `${c.branchName} · ${c.unitName}` : c.unitName;

/** How the case is named in headings and dialogs: masked name, kind, amount. */
export const caseLabel = (t: T, c: BoardCase) => `${c.maskedName} · ${kindLabel(t, c)} · ${formatFen(c.amountFen)}`;

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
      {items.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-stone-500">{label}</dt>
          <dd className="break-words tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CaseHeading({ c }: { c: BoardCase }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <h3 className="text-base font-semibold">
        {c.maskedName} <span className="font-normal text-stone-600">· {unitLabel(c)}</span>
      </h3>
      <span className="text-lg font-semibold tabular-nums">{formatFen(c.amountFen)}</span>
    </div>
  );
}

function ViewLink({ id, t }: { id: number; t: T }) {
  return (
    <Link href={casePaths.view(id)} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
      {t('publicity.viewCase')}
    </Link>
  );
}

/** One published case: the notice, the viewer's own objection if any, and the form to object while the window is open. */
export async function PublishedCaseItem({ c, today }: { c: PublishedCase; today: string }) {
  const t = await getTranslations();
  const left = daysLeft(c.publicityEnd, today);
  return (
    <li
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      data-testid={`published-case-${c.id}`}
    >
      <CaseHeading c={c} />
      <Facts
        items={[
          [t('publicity.kind'), kindLabel(t, c)],
          [t('publicity.start'), c.publicityStart],
          [t('publicity.end'), c.publicityEnd],
          [
            t('publicity.daysLeft'),
            left > 0 ? (
              <Badge tone={left === 1 ? 'bad' : 'info'}>
                {left === 1 ? t('publicity.lastDay') : t('publicity.daysLeftN', { n: left })}
              </Badge>
            ) : (
              <Badge>{t('publicity.windowEnded')}</Badge>
            ),
          ],
        ]}
      />
      {c.myObjection && (
        <p className="text-sm text-stone-700">
          {t('publicity.youObjected', { on: c.myObjection.on })}{' '}
          <Badge tone={c.myObjection.status === 'upheld' ? 'bad' : 'neutral'}>
            {t(`publicity.objectionStatus.${c.myObjection.status}`)}
          </Badge>
        </p>
      )}
      {left > 0 && (
        <Disclosure summary={c.myObjection ? t('publicity.objectAgain') : t('publicity.object')}>
          <ObjectForm caseId={c.id} />
        </Disclosure>
      )}
      {c.canView && <ViewLink id={c.id} t={t} />}
    </li>
  );
}

/** An objection waiting at the publicity step, with the decision form when this viewer may decide it. */
export async function PendingObjectionItem({ o }: { o: PendingObjection }) {
  const t = await getTranslations();
  const refusal =
    o.refusal === 'actedAtAnotherStep'
      ? 'cannotDecideTwoSteps'
      : o.refusal === 'ownApplication'
        ? 'cannotDecideOwn'
        : o.refusal
          ? 'cannotDecide'
          : null;
  return (
    <li
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50/40 p-4"
      data-testid={`pending-objection-${o.case.id}`}
    >
      <CaseHeading c={o.case} />
      <Facts
        items={[
          [t('publicity.kind'), kindLabel(t, o.case)],
          [t('publicity.end'), o.case.publicityEnd],
          [t('publicity.objector'), o.objectorName],
          [t('publicity.raisedOn'), o.raisedOn],
        ]}
      />
      <div className="text-sm">
        <p className="text-stone-500">{t('publicity.objectionReason')}</p>
        <p className="whitespace-pre-wrap break-words">{o.reason}</p>
      </div>
      {refusal ? (
        <p className="text-sm text-stone-600">{t(`publicity.${refusal}`)}</p>
      ) : (
        <DecideObjectionForm objectionId={o.id} caseLabel={caseLabel(t, o.case)} />
      )}
      <ViewLink id={o.case.id} t={t} />
    </li>
  );
}

const OUTCOME_TONE = { ready_for_payment: 'info', paid: 'good', sent_back: 'bad' } as const;

/** Publicity that ended lately and how: a short record for everyone, masked like the board. */
export async function RecentlyEndedTable({ rows }: { rows: EndedCase[] }) {
  const t = await getTranslations();
  if (!rows.length) return <EmptyState>{t('publicity.recentEmpty')}</EmptyState>;
  return (
    <Table caption={t('publicity.recentTitle')}>
      <thead>
        <tr>
          <Th>{t('publicity.name')}</Th>
          <Th>{t('publicity.unit')}</Th>
          <Th>{t('publicity.kind')}</Th>
          <Th className="text-right">{t('publicity.amount')}</Th>
          <Th>{t('publicity.endedOn')}</Th>
          <Th>{t('publicity.outcome')}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-stone-100">
        {rows.map((r) => (
          <tr key={`${r.id}-${r.outcome}`}>
            <Td>{r.maskedName}</Td>
            <Td>{unitLabel(r)}</Td>
            <Td>{kindLabel(t, r)}</Td>
            <Td className="text-right tabular-nums">{formatFen(r.amountFen)}</Td>
            <Td className="tabular-nums">{r.endedOn}</Td>
            <Td>
              <Badge tone={OUTCOME_TONE[r.outcome]}>{t(`publicity.outcomes.${r.outcome}`)}</Badge>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
