import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/card';
import type { CaseView } from '@/db/queries/case-page';
import { casePaths } from '@/lib/cases/paths';
import { formatFen } from '@/lib/money';
import type { CaseState } from '@/lib/workflow/case-workflow';
import { caseNumber, kindKey } from '@/lib/cases/format';

/**
 * Pieces the case page and the printed approval form share. No hooks beyond translations, so they
 * render on the server as well as inside client components.
 */

const STATE_TONES: Partial<Record<CaseState, 'neutral' | 'good' | 'bad' | 'info'>> = {
  paid: 'good',
  rejected: 'bad',
  returned_from_verification: 'bad',
  returned_from_review: 'bad',
  returned_from_approval: 'bad',
  draft: 'neutral',
  withdrawn: 'neutral',
};

export function CaseStateBadge({ state }: { state: CaseState }) {
  const t = useTranslations('aid.states');
  return <Badge tone={STATE_TONES[state] ?? 'info'}>{t(state)}</Badge>;
}

/** A case's number, linking to its page. */
export function CaseLink({ id }: { id: number }) {
  return (
    <Link href={casePaths.view(id)} className="font-mono font-medium text-brand-700 underline-offset-2 hover:underline">
      {caseNumber(id)}
    </Link>
  );
}

/** A person as the case screens name them: name, then employee number. */
export function Person({ name, employeeNo }: { name: string; employeeNo: string }) {
  return (
    <>
      {name} <span className="font-mono text-xs text-stone-600">{employeeNo}</span>
    </>
  );
}

export function Item({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'col-span-2' : 'min-w-0'}>
      <dt className="text-stone-500 print:text-stone-700">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

const prose = (text: string) => (text ? <span className="whitespace-pre-line">{text}</span> : '—');

/** What happened, to whom, and what they ask for. */
export function CaseFactsList({ c }: { c: CaseView }) {
  const t = useTranslations();
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm" data-testid="case-facts">
      <Item label={t('cases.applicant')}>
        <Person {...c.applicant} />
      </Item>
      <Item label={t('cases.unit')}>{c.unitChain}</Item>
      <Item label={t('cases.kind')}>{t(kindKey(c))}</Item>
      <Item label={t('cases.appliedOn')}>
        <span className="tabular-nums">{c.appliedOn ?? t('cases.notSubmitted')}</span>
      </Item>
      <Item label={t('cases.eventOn')}>
        <span className="tabular-nums">{c.eventOn}</span>
      </Item>
      {/* Student cases key their event by student and year: StudentCaseFacts says it in words. */}
      {c.kind === 'aid' && <Item label={t('cases.eventKey')}>{c.eventKey || '—'}</Item>}
      <Item label={t('cases.whatHappened')} wide>
        {prose(c.whatHappened)}
      </Item>
      <Item label={t('cases.familySituation')} wide>
        {prose(c.familySituation)}
      </Item>
      <Item label={t('cases.helpAsked')} wide>
        {prose(c.helpAsked)}
      </Item>
    </dl>
  );
}

/**
 * The amount with where it came from: the rule (fixed, or a range with its suggestion), the
 * standard version and its effective date, the household category, and — when the approver
 * chose another amount inside the range — that amount with the written reason.
 */
export function AmountExplanation({ amount }: { amount: CaseView['amount'] }) {
  const t = useTranslations();
  const { rule } = amount;
  if (amount.amountFen === null || !rule) return <p className="text-sm text-stone-600">{t('cases.amountNotYet')}</p>;
  const chosen = amount.computedFen !== null && amount.amountFen !== amount.computedFen;
  const category = amount.category
    ? amount.category === 'none'
      ? t('aid.categories.none')
      : t(`register.categories.${amount.category}`)
    : '—';
  return (
    <div className="space-y-2 text-sm" data-testid="amount">
      <p className="text-2xl font-semibold tabular-nums">{formatFen(amount.amountFen)}</p>
      <dl className="grid grid-cols-2 gap-3">
        <Item label={t('cases.rule')}>
          {rule.type === 'fixed'
            ? t('cases.ruleFixed', { amount: formatFen(rule.fen) })
            : t('cases.ruleRange', {
                min: formatFen(rule.minFen),
                max: formatFen(rule.maxFen),
                suggested: formatFen(rule.suggestedFen),
              })}
        </Item>
        <Item label={t('cases.category')}>{category}</Item>
        <Item label={t('cases.standard')}>
          {amount.standard
            ? t('cases.standardVersion', { name: amount.standard.name, date: amount.standard.effectiveOn })
            : '—'}
        </Item>
        <Item label={t('cases.frequency')}>{amount.frequency ? t(`aid.frequencies.${amount.frequency}`) : '—'}</Item>
      </dl>
      {chosen && (
        <p className="rounded-md bg-sky-50 p-3 text-sky-900 print:bg-transparent print:p-0" data-testid="amount-chosen">
          {t('cases.amountChosen', { amount: formatFen(amount.amountFen), computed: formatFen(amount.computedFen!) })}
          {amount.reason && (
            <>
              <br />
              {t('cases.amountReason', { reason: amount.reason })}
            </>
          )}
        </p>
      )}
    </div>
  );
}

/** Who made a move: their name and role, or "the system" for the publicity window closing. */
export function StepActor({ h }: { h: CaseView['history'][number] }) {
  const t = useTranslations();
  return (
    <span>
      {h.actorName ?? t('cases.system')}
      {h.actorRole && <span className="text-stone-500"> · {t(`roles.${h.actorRole}`)}</span>}
    </span>
  );
}

/** The message key of the step a move was made at: a step, the applicant's own, or none (the system's). */
export function stepLabel(h: Pick<CaseView['history'][number], 'step' | 'actorName'>): string | null {
  if (h.step) return `aid.steps.${h.step}`;
  return h.actorName ? 'cases.byApplicant' : null;
}
