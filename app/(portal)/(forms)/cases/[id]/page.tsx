import { clsx } from 'clsx';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { withdrawCase } from '@/lib/cases/case-actions';
import {
  AmountExplanation,
  CaseFactsList,
  CaseLink,
  CaseStateBadge,
  StepActor,
  stepLabel,
} from '@/components/cases/case-display';
import { DecisionForm } from '@/components/cases/decision-form';
import { StudentCaseFacts } from '@/components/students/student-case-facts';
import { caseNumber, kindKey } from '@/lib/cases/format';
import { MarkCaseRead } from '@/components/cases/mark-read';
import { PaymentForm } from '@/components/cases/payment-form';
import { DecideObjectionForm } from '@/components/publicity/decide-objection-form';
import { ButtonLink } from '@/components/ui/button';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { getDb } from '@/db/client';
import { getCaseView, type CaseView } from '@/db/queries/case-page';
import { getStudentCaseFacts } from '@/db/queries/student-aid';
import { claimOfCase } from '@/db/queries/mutual-aid';
import { ClaimCaseFacts } from '@/components/mutual-aid/claim-case-facts';
import { PayoutLines } from '@/components/mutual-aid/payout-lines';
import { mutualPaths } from '@/lib/mutual-aid/paths';
import { requirePermission } from '@/lib/auth/session';
import { casePaths } from '@/lib/cases/paths';
import { dateTimeInChina, todayInChina } from '@/lib/dates';
import { orNotFound, routeId } from '@/lib/load';
import { formatFen } from '@/lib/money';
import { waitingOn, type CaseAction } from '@/lib/workflow/case-workflow';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cases'))('caseTitle') };
}

/** Moves that stop or turn back a case stand out in the history. */
const BAD_ACTIONS: readonly CaseAction[] = ['return', 'reject', 'uphold_objection'];

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The case page: everything about one case, and the panels the viewer may use now. */
export default async function CasePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ decided?: string }>;
}) {
  const actor = await requirePermission('cases.view');
  const db = await getDb();
  const id = routeId((await params).id);
  // The student's facts (null for other kinds) are scoped like the case: read side by side.
  const [c, studentFacts] = await Promise.all([
    orNotFound(getCaseView(db, actor, id)),
    getStudentCaseFacts(db, actor, id),
  ]);
  // A mutual-aid claim's facts (diagnosis included), read only once the case itself was readable.
  const claim = c.kind === 'mutual_aid' ? await claimOfCase(db, c.id) : null;
  const t = await getTranslations();
  const today = todayInChina();
  const kind = t(kindKey(c));
  const waiting = waitingOn(c.state);
  // After a decision that lost a race (components/cases/decision-form.tsx): the latest decision by someone else.
  const raced =
    (await searchParams).decided === 'elsewhere'
      ? c.history.findLast((h) => h.step !== null && h.actorName !== null && !h.byViewer)
      : undefined;

  return (
    <>
      {c.unread > 0 && <MarkCaseRead caseId={c.id} />}
      <PageHeader
        title={t('cases.pageTitle', { kind, no: caseNumber(c.id) })}
        subtitle={`${c.applicant.name} · ${c.applicant.employeeNo} · ${c.unitChain}`}
        actions={
          <>
            <ButtonLink href={casePaths.print(c.id)}>{t('cases.printForm')}</ButtonLink>
            <ButtonLink href={casePaths.list}>{t('common.back')}</ButtonLink>
          </>
        }
      />
      <p className="mb-4 flex flex-wrap items-center gap-2 text-sm" data-testid="case-status">
        <CaseStateBadge state={c.state} />
        {waiting && (
          <span className="text-stone-600">
            {waiting === 'applicant'
              ? t('cases.waitingApplicant')
              : t('cases.waitingStep', { step: t(`aid.steps.${waiting}`) })}
          </span>
        )}
        {c.state === 'in_publicity' && c.publicity && (
          <span className="text-stone-600">{t('cases.publicityWindow', c.publicity)}</span>
        )}
      </p>

      {raced && raced.step && (
        <div
          role="alert"
          className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="decided-meanwhile"
        >
          {t('cases.decidedMeanwhile', {
            name: raced.actorName ?? '',
            step: t(`aid.steps.${raced.step}`),
            action: t(`aid.actions.${raced.action}`),
            at: raced.at,
          })}
        </div>
      )}

      {c.isApplicant && c.returned && (
        <div
          className="mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900"
          data-testid="returned-notice"
        >
          <p className="font-medium">
            {t('cases.returnedNotice', { step: c.returned.step ? t(`aid.steps.${c.returned.step}`) : '' })}
          </p>
          <p className="mt-1 whitespace-pre-line">{c.returned.comment}</p>
        </div>
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <Card title={t('cases.facts')}>
            <CaseFactsList c={c} />
            {studentFacts && <StudentCaseFacts caseId={c.id} facts={studentFacts} />}
            {claim && <ClaimCaseFacts caseId={c.id} claim={claim} />}
          </Card>
          <Card title={t('cases.amount')}>
            {claim ? (
              <PayoutLines lines={claim.lines} payoutFen={claim.payoutFen} />
            ) : (
              <AmountExplanation amount={c.amount} />
            )}
          </Card>
          <Card title={t('cases.documents')}>
            <Documents c={c} />
          </Card>
          <Card title={t('cases.history')}>
            <History c={c} />
          </Card>
          {c.objections && c.objections.length > 0 && (
            <section id="objections" className="scroll-mt-4">
              <Card title={t('cases.objections')}>
                <Objections c={c} label={t('cases.pageTitle', { kind, no: caseNumber(c.id) })} />
              </Card>
            </section>
          )}
        </div>

        {/* On a phone the panels come first: they are why an official opens the case. */}
        <div className="order-first min-w-0 space-y-4 lg:order-none">
          {c.can.decideAt === 'approval' && c.kind === 'student_award' ? (
            // An award is approved by choosing its tier, whose amount the standard sets.
            <Card title={t('cases.decideAt', { step: t('aid.steps.approval') })}>
              <ButtonLink href="/students/awards">{t('cases.chooseAwardTier')}</ButtonLink>
            </Card>
          ) : (
            c.can.decideAt && (
              <Card title={t('cases.decideAt', { step: t(`aid.steps.${c.can.decideAt}`) })}>
                <DecisionForm
                  caseId={c.id}
                  repeat={(c.ledger?.repeats.length ?? 0) + (c.ledger?.repeatsInProgress.length ?? 0) > 0}
                  version={c.version}
                  step={c.can.decideAt}
                  amount={
                    c.can.decideAt === 'approval' && c.amount.rule && c.amount.computedFen !== null
                      ? {
                          fen: c.amount.computedFen,
                          currentFen: c.amount.amountFen ?? c.amount.computedFen,
                          rule: c.amount.rule,
                        }
                      : undefined
                  }
                />
              </Card>
            )
          )}
          {c.can.barred && (
            <Card title={t('cases.barredTitle', { step: t(`aid.steps.${c.can.barred.step}`) })}>
              <p className="text-sm text-stone-700" data-testid="barred-reason">
                {c.can.barred.reason === 'ownApplication'
                  ? t('cases.barredOwn', { step: t(`aid.steps.${c.can.barred.step}`) })
                  : c.can.barred.reason === 'filedForApplicant'
                    ? t('cases.barredFiled', { step: t(`aid.steps.${c.can.barred.step}`) })
                    : t('cases.barredTwoSteps', {
                        step: t(`aid.steps.${c.can.barred.step}`),
                        actedAt: c.can.barred.actedAt ? t(`aid.steps.${c.can.barred.actedAt}`) : '',
                      })}
              </p>
            </Card>
          )}
          {c.can.pay && c.amount.amountFen !== null && (
            <Card title={t('cases.payment')}>
              <PaymentForm
                caseId={c.id}
                version={c.version}
                today={today}
                amountFen={c.amount.amountFen}
                kindLabel={kind}
                budget={c.budget}
                repeat={(c.ledger?.repeats.length ?? 0) > 0}
                fund={
                  claim
                    ? t('mutual.paidFromFund', {
                        scheme: (await getLocale()) === 'en' ? claim.schemeNameEn : claim.schemeNameZh,
                        year: claim.capYear,
                      })
                    : undefined
                }
              />
            </Card>
          )}
          {c.can.decideObjection && (
            <Card title={t('cases.objections')}>
              <p className="mb-3 text-sm text-stone-700">{t('cases.objectionPending')}</p>
              <ButtonLink href="#objections" variant="primary">
                {t('cases.decideObjections')}
              </ButtonLink>
            </Card>
          )}
          {c.isApplicant && (c.can.edit || c.can.withdraw) && (
            <Card title={t('cases.myApplication')}>
              <div className="flex flex-wrap gap-2">
                {c.can.edit && (
                  <ButtonLink href={claim ? mutualPaths.claim(c.id) : casePaths.edit(c.id)} variant="primary">
                    {c.state === 'draft' ? t('cases.continueDraft') : t('cases.editAndResubmit')}
                  </ButtonLink>
                )}
                {c.can.withdraw && (
                  <ConfirmAction
                    label={t('cases.withdraw')}
                    title={t('cases.withdrawTitle')}
                    body={t('cases.withdrawBody')}
                    confirmLabel={t('cases.withdrawConfirm')}
                    input={{ caseId: c.id, version: c.version }}
                    run={withdrawCase}
                  />
                )}
              </div>
            </Card>
          )}
          <Card title={t('cases.ledger')}>
            <Ledger c={c} />
          </Card>
          {c.payment && (
            <Card title={t('cases.paymentRecord')}>
              <dl className="grid grid-cols-2 gap-3 text-sm" data-testid="payment-record">
                <div>
                  <dt className="text-stone-500">{t('cases.paidOn')}</dt>
                  <dd className="tabular-nums">{c.payment.paidOn}</dd>
                </div>
                <div>
                  <dt className="text-stone-500">{t('cases.paidAmount')}</dt>
                  <dd className="tabular-nums">{formatFen(c.payment.amountFen)}</dd>
                </div>
                <div>
                  <dt className="text-stone-500">{t('cases.method')}</dt>
                  <dd>{t(`aid.methods.${c.payment.method}`)}</dd>
                </div>
                <div>
                  <dt className="text-stone-500">{t('cases.reference')}</dt>
                  <dd className="break-words">{c.payment.reference || '—'}</dd>
                </div>
                <div className="col-span-2">
                  <dt className="text-stone-500">{t('cases.recordedBy')}</dt>
                  <dd>{c.payment.recordedByName}</dd>
                </div>
                {c.payment.repeatReason && (
                  <div className="col-span-2">
                    <dt className="text-stone-500">{t('cases.repeatReason')}</dt>
                    <dd className="whitespace-pre-line">{c.payment.repeatReason}</dd>
                  </div>
                )}
              </dl>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

async function Documents({ c }: { c: CaseView }) {
  const t = await getTranslations('cases');
  if (c.documents.length === 0) return <EmptyState>{t('noDocuments')}</EmptyState>;
  return (
    <ul className="divide-y divide-stone-100 text-sm" data-testid="documents">
      {c.documents.map((d) => (
        <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <a
            href={casePaths.document(c.id, d.id)}
            className="min-w-0 break-all font-medium text-brand-700 underline-offset-2 hover:underline"
          >
            {d.fileName}
          </a>
          <span className="text-xs text-stone-500">
            {d.contentType === 'application/pdf' ? 'PDF' : d.contentType === 'image/png' ? 'PNG' : 'JPEG'} ·{' '}
            {kb(d.sizeBytes)}
          </span>
        </li>
      ))}
    </ul>
  );
}

async function History({ c }: { c: CaseView }) {
  const t = await getTranslations();
  if (c.history.length === 0) return <EmptyState>{t('cases.noHistory')}</EmptyState>;
  return (
    <ol className="space-y-3 border-l-2 border-stone-200 pl-4 text-sm" data-testid="history">
      {c.history.map((h) => (
        <li key={h.id}>
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="tabular-nums text-stone-600">{dateTimeInChina(h.at)}</span>
            {stepLabel(h) && <span className="font-medium">{t(stepLabel(h)!)}</span>}
            <Badge tone={BAD_ACTIONS.includes(h.action) ? 'bad' : 'neutral'}>{t(`aid.actions.${h.action}`)}</Badge>
            <StepActor h={h} />
          </div>
          <p className="text-xs text-stone-500">
            {t('cases.stateChange', { from: t(`aid.states.${h.fromState}`), to: t(`aid.states.${h.toState}`) })}
          </p>
          {h.comment && <p className="mt-1 whitespace-pre-line text-stone-800">{h.comment}</p>}
        </li>
      ))}
    </ol>
  );
}

/** Every objection with its outcome; an undecided one carries the decision form for those who may decide it. */
async function Objections({ c, label }: { c: CaseView; label: string }) {
  const t = await getTranslations('cases');
  if (!c.objections) return null;
  return (
    <ul className="space-y-3 text-sm" data-testid="objections">
      {c.objections.map((o) => (
        <li key={o.id} className="rounded-md border border-stone-200 p-3">
          <div className="flex flex-wrap items-center gap-2">
            <span className="tabular-nums text-stone-600">{dateTimeInChina(o.createdAt)}</span>
            <span>{o.byName}</span>
            <Badge tone={o.status === 'pending' ? 'info' : o.status === 'upheld' ? 'bad' : 'neutral'}>
              {t(`objectionStatus.${o.status}`)}
            </Badge>
          </div>
          <p className="mt-1 whitespace-pre-line">{o.reason}</p>
          {o.decision && (
            <p className="mt-2 text-stone-700">
              {t('objectionDecided', {
                name: o.decidedByName ?? '',
                at: o.decidedAt ? dateTimeInChina(o.decidedAt) : '',
              })}{' '}
              {o.decision}
            </p>
          )}
          {o.status === 'pending' && c.can.decideObjection && (
            <div className="mt-3 border-t border-stone-100 pt-3">
              <DecideObjectionForm objectionId={o.id} caseLabel={label} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** 一户一账: this year's total and per kind, the repeat warning, and every payment. */
async function Ledger({ c }: { c: CaseView }) {
  const t = await getTranslations();
  const l = c.ledger;
  if (!l) return <EmptyState>{t('cases.noLedger')}</EmptyState>;
  return (
    <div className="space-y-3 text-sm" data-testid="ledger">
      <p className="text-stone-600">{t(l.byHousehold ? 'cases.ledgerHousehold' : 'cases.ledgerWorker')}</p>
      {l.repeats.length > 0 && (
        <div className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900" data-testid="repeat-warning">
          <p className="font-medium">
            {t(`cases.repeatWarning.${c.amount.frequency ?? 'yearly'}`, { kind: t(kindKey(c)) })}
          </p>
          <ul className="mt-1 list-inside list-disc">
            {l.repeats.map((r) => (
              <li key={r.caseId}>
                {t('cases.repeatItem', { no: caseNumber(r.caseId), date: r.paidOn, amount: formatFen(r.amountFen) })}
              </li>
            ))}
          </ul>
          {c.state !== 'paid' && <p className="mt-1">{t('cases.repeatNeedsReason')}</p>}
        </div>
      )}
      {l.repeatsInProgress.length > 0 && (
        <div
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950"
          data-testid="repeat-in-progress"
        >
          <p className="font-medium">{t('cases.repeatInProgressWarning', { kind: t(kindKey(c)) })}</p>
          <ul className="mt-1 list-inside list-disc">
            {l.repeatsInProgress.map((r) => (
              <li key={r.caseId}>
                <Link href={casePaths.view(r.caseId)} className="underline">
                  {t('cases.repeatInProgressItem', {
                    no: caseNumber(r.caseId),
                    date: r.appliedOn,
                    state: t(`aid.states.${r.state}`),
                  })}
                </Link>
              </li>
            ))}
          </ul>
          {c.state !== 'paid' && <p className="mt-1">{t('cases.repeatNeedsReason')}</p>}
        </div>
      )}
      <p>
        {t('cases.receivedThisYear', { year: l.year })}{' '}
        <span className="font-semibold tabular-nums">{formatFen(l.totalFen)}</span>{' '}
        <span className="text-stone-500">{t('cases.paymentCount', { n: l.count })}</span>
      </p>
      {l.byKind.length > 0 && (
        <ul className="space-y-1">
          {l.byKind.map((k) => (
            <li key={k.kind} className="flex justify-between gap-2">
              <span>{t(`aid.kinds.${k.kind}`)}</span>
              <span className="tabular-nums">{formatFen(k.fen)}</span>
            </li>
          ))}
        </ul>
      )}
      {l.payments.length === 0 ? (
        <EmptyState>{t('cases.noPayments')}</EmptyState>
      ) : (
        // A list, not a table: the ledger sits in the narrow column beside the case.
        <ul aria-label={t('cases.ledgerPayments')} className="divide-y divide-stone-100 border-t border-stone-100">
          {l.payments.map((p) => (
            <li
              key={p.caseId}
              className={clsx(
                'flex flex-wrap items-baseline justify-between gap-x-3 py-2',
                p.caseId === c.id && 'bg-brand-50',
              )}
            >
              <span className="min-w-0">
                <CaseLink id={p.caseId} /> {t(`aid.kinds.${p.kind}`)}
                <span className="block text-xs tabular-nums text-stone-500">
                  {t('cases.paidOnDate', { date: p.paidOn })}
                </span>
              </span>
              <span className="tabular-nums">{formatFen(p.amountFen)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
