import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AmountExplanation, StepActor, stepLabel } from '@/components/cases/case-display';
import { caseNumber, kindKey } from '@/lib/cases/format';
import { PrintButton } from '@/components/cases/print-button';
import { ButtonLink } from '@/components/ui/button';
import { getDb } from '@/db/client';
import { getCaseView } from '@/db/queries/case-page';
import { requirePermission } from '@/lib/auth/session';
import { casePaths } from '@/lib/cases/paths';
import { dateTimeInChina, todayInChina } from '@/lib/dates';
import { orNotFound, routeId } from '@/lib/load';
import { formatFen } from '@/lib/money';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cases'))('printTitle') };
}

/** The levels that sign the paper form, in the order the case passes them. */
const SIGNERS = ['signSubBranch', 'signBranch', 'signMine'] as const;

/** A4 portrait with room for binding on the left; the screen-only controls drop out in print. */
const PAGE_CSS =
  '@page { size: A4 portrait; margin: 15mm 15mm 15mm 20mm; } @media print { body { background: #fff; } }';

const cell = 'border border-stone-400 px-2 py-1.5 align-top';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row" className={`${cell} w-28 bg-stone-50 text-left font-medium print:bg-transparent`}>
        {label}
      </th>
      <td className={`${cell} whitespace-pre-line break-words`} colSpan={3}>
        {children}
      </td>
    </tr>
  );
}

/** 审批表: the case's facts, the amount and its rule, every step in order, and blank signature lines. */
export default async function CasePrintPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('cases.view');
  const c = await orNotFound(getCaseView(await getDb(), actor, routeId((await params).id)));
  const t = await getTranslations();
  return (
    <>
      <style>{PAGE_CSS}</style>
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        <PrintButton />
        <ButtonLink href={casePaths.view(c.id)}>{t('common.back')}</ButtonLink>
      </div>
      <article
        className="mx-auto max-w-[210mm] overflow-x-auto rounded-lg border border-stone-200 bg-white p-4 text-sm sm:p-8 print:max-w-none print:overflow-visible print:rounded-none print:border-0 print:p-0 print:text-[11pt]"
        data-testid="approval-form"
      >
        <h1 className="text-center text-xl font-semibold tracking-wide">{t('cases.printTitle')}</h1>
        <p className="mt-2 flex flex-wrap justify-between gap-2 text-xs text-stone-600 print:text-stone-800">
          <span>{t('cases.printNumber', { no: caseNumber(c.id) })}</span>
          <span>{t('cases.printState', { state: t(`aid.states.${c.state}`) })}</span>
          <span>{t('cases.printedOn', { date: todayInChina() })}</span>
        </p>

        <table className="mt-3 w-full border-collapse">
          <tbody>
            <tr>
              <th scope="row" className={`${cell} w-28 bg-stone-50 text-left font-medium print:bg-transparent`}>
                {t('cases.applicant')}
              </th>
              <td className={cell}>{c.applicant.name}</td>
              <th scope="row" className={`${cell} w-24 bg-stone-50 text-left font-medium print:bg-transparent`}>
                {t('cases.employeeNo')}
              </th>
              <td className={`${cell} font-mono`}>{c.applicant.employeeNo}</td>
            </tr>
            <Row label={t('cases.unit')}>{c.unitChain}</Row>
            <tr>
              <th scope="row" className={`${cell} bg-stone-50 text-left font-medium print:bg-transparent`}>
                {t('cases.kind')}
              </th>
              <td className={cell}>{t(kindKey(c))}</td>
              <th scope="row" className={`${cell} bg-stone-50 text-left font-medium print:bg-transparent`}>
                {t('cases.appliedOn')}
              </th>
              <td className={`${cell} tabular-nums`}>{c.appliedOn ?? t('cases.notSubmitted')}</td>
            </tr>
            <tr>
              <th scope="row" className={`${cell} bg-stone-50 text-left font-medium print:bg-transparent`}>
                {t('cases.eventOn')}
              </th>
              <td className={`${cell} tabular-nums`}>{c.eventOn}</td>
              <th scope="row" className={`${cell} bg-stone-50 text-left font-medium print:bg-transparent`}>
                {t('cases.eventKey')}
              </th>
              <td className={cell}>{c.eventKey || '—'}</td>
            </tr>
            <Row label={t('cases.whatHappened')}>{c.whatHappened || '—'}</Row>
            <Row label={t('cases.familySituation')}>{c.familySituation || '—'}</Row>
            <Row label={t('cases.helpAsked')}>{c.helpAsked || '—'}</Row>
            <Row label={t('cases.amount')}>
              <AmountExplanation amount={c.amount} />
            </Row>
            {c.payment && (
              <Row label={t('cases.paymentRecord')}>
                {t('cases.printPayment', {
                  date: c.payment.paidOn,
                  amount: formatFen(c.payment.amountFen),
                  method: t(`aid.methods.${c.payment.method}`),
                  reference: c.payment.reference || '—',
                  name: c.payment.recordedByName,
                })}
              </Row>
            )}
          </tbody>
        </table>

        <h2 className="mt-5 font-semibold">{t('cases.history')}</h2>
        <table className="mt-2 w-full border-collapse" data-testid="print-history">
          <thead>
            <tr className="bg-stone-50 print:bg-transparent">
              <th scope="col" className={`${cell} text-left font-medium`}>
                {t('cases.step')}
              </th>
              <th scope="col" className={`${cell} text-left font-medium`}>
                {t('cases.actor')}
              </th>
              <th scope="col" className={`${cell} text-left font-medium`}>
                {t('cases.date')}
              </th>
              <th scope="col" className={`${cell} text-left font-medium`}>
                {t('cases.decision')}
              </th>
              <th scope="col" className={`${cell} text-left font-medium`}>
                {t('cases.comment')}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.history.length === 0 ? (
              <tr>
                <td className={cell} colSpan={5}>
                  {t('cases.noHistory')}
                </td>
              </tr>
            ) : (
              c.history.map((h) => (
                <tr key={h.id} className="break-inside-avoid">
                  <td className={cell}>{stepLabel(h) ? t(stepLabel(h)!) : '—'}</td>
                  <td className={cell}>
                    <StepActor h={h} />
                  </td>
                  <td className={`${cell} whitespace-nowrap tabular-nums`}>{dateTimeInChina(h.at)}</td>
                  <td className={cell}>{t(`aid.actions.${h.action}`)}</td>
                  <td className={`${cell} whitespace-pre-line break-words`}>{h.comment || '—'}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>

        <h2 className="mt-5 font-semibold">{t('cases.signatures')}</h2>
        <div className="mt-2 grid gap-3 sm:grid-cols-3 print:grid-cols-3" data-testid="signatures">
          {SIGNERS.map((s) => (
            <div key={s} className="break-inside-avoid border border-stone-400 p-3">
              <p className="font-medium">{t(`cases.${s}`)}</p>
              <p className="mt-2 text-stone-600 print:text-stone-800">{t('cases.opinion')}</p>
              <div className="h-16" />
              <p className="flex items-end gap-1">
                {t('cases.signature')}
                <span className="inline-block min-w-20 flex-1 border-b border-stone-500" />
              </p>
              <p className="mt-3 flex items-end gap-1">
                {t('cases.signDate')}
                <span className="inline-block min-w-20 flex-1 border-b border-stone-500" />
              </p>
            </div>
          ))}
        </div>
      </article>
    </>
  );
}
