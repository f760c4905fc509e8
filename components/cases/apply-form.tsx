'use client';

import { useErrorText } from '@/components/ui/error-text';
import { zodResolver } from '@hookform/resolvers/zod';
import { clsx } from 'clsx';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { useForm, useWatch, type Path, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { resubmitCase, saveDraft, submitCase } from '@/lib/cases/case-actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError } from '@/components/ui/use-action-form';
import type { KindOffer } from '@/db/queries/apply';
import type { AidKind, AmountRule, Frequency, StandardCategory } from '@/lib/aid/standards';
import type { ActionResult } from '@/lib/auth/action-result';
import { casePaths } from '@/lib/cases/paths';
import { caseDraftSchema } from '@/lib/validation/cases';
import { AmountText, KindPicker, OfferText, useCategoryLabel } from './apply-kinds';
import { DocumentUpload, type DocumentItem } from './document-upload';

type Values = z.input<typeof caseDraftSchema>;
export type ApplyValues = Omit<Values, 'token' | 'aidKind'> & { aidKind: AidKind | '' };

export interface MemberOption {
  id: number;
  name: string;
  relation: string;
}

export interface ApplyFormContext {
  category: StandardCategory;
  standard: { name: string; effectiveOn: string } | null;
  kinds: KindOffer[];
  members: MemberOption[];
}

/** A returned case keeps the kind and amount it was submitted with; the worker adds information. */
export interface SubmittedAmount {
  category: StandardCategory | null;
  amountFen: number | null;
  rule: AmountRule | null;
  frequency: Frequency | null;
}

const STEPS = ['kind', 'event', 'family', 'documents', 'review'] as const;
const DOCUMENTS_STEP = 3;
const STEP_FIELDS: readonly (readonly Path<Values>[])[] = [
  ['aidKind'],
  ['eventOn', 'eventKey', 'whatHappened'],
  ['familySituation', 'helpAsked'],
];
const stepOf = (field: string) =>
  Math.max(
    0,
    STEP_FIELDS.findIndex((fields) => (fields as readonly string[]).includes(field)),
  );

/** Which relation a bereavement kind is about, so the form offers those family members first. */
const BEREAVED: Partial<Record<AidKind, string>> = {
  death_of_parent: 'parent',
  death_of_spouse: 'spouse',
  death_of_child: 'child',
};
const OTHER = 'other';

/** The application's client key. randomUUID needs a secure context; a phone on plain http gets the same from getRandomValues. */
function newToken(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

const failed = { ok: false, code: 'error', error: 'unexpected' } as const;
/** An action call that never throws: a lost connection is a failure the form can show. */
const call = <T,>(p: Promise<ActionResult<T>>): Promise<ActionResult<T>> => p.catch(() => failed);

/**
 * The worker's application, one step at a time so it works on a phone: the kind (with what the
 * standard in force would pay this household), what happened, the family's situation (prefilled
 * from the household file) and the help asked for, documents, then a review. One client token
 * from the moment the form opens makes every save and the submit land on one case, however often
 * they are clicked or retried. The first save moves the address to the case's edit page, so
 * coming back continues the same draft.
 */
export function ApplyForm({
  mode,
  caseId,
  token: savedToken,
  initial,
  context,
  submitted,
  documents,
  today,
  initialStep,
}: {
  mode: 'new' | 'draft' | 'returned';
  caseId: number | null;
  token: string | null;
  initial: ApplyValues;
  context: ApplyFormContext;
  submitted: SubmittedAmount | null;
  documents: DocumentItem[];
  today: string;
  initialStep: number;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [token] = useState(() => savedToken ?? newToken());
  const [step, setStep] = useState(caseId ? initialStep : Math.min(initialStep, DOCUMENTS_STEP - 1));
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [navigating, startNavigation] = useTransition();
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(initialStep > 0);
  const form = useForm<Values, unknown, z.output<typeof caseDraftSchema>>({
    resolver: zodResolver(caseDraftSchema),
    defaultValues: { ...initial, aidKind: initial.aidKind as AidKind, token },
  });
  const kind = useWatch({ control: form.control, name: 'aidKind' }) as AidKind | '';
  const bereavement = !!kind && kind in BEREAVED;
  const working = busy !== null || navigating;

  // Moving between steps puts the keyboard and screen reader at the new step's heading.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [step]);
  const goTo = (i: number) => {
    moved.current = true;
    setStep(i);
  };

  const payload = (): Values => {
    const v = form.getValues();
    return { ...v, token, eventKey: bereavement ? v.eventKey : '' };
  };

  /** A step's own checks; going on from "what happened" also needs the person a bereavement is about. */
  async function stepValid(i: number): Promise<boolean> {
    const fields = STEP_FIELDS[i];
    if (!fields) return true;
    let ok = await form.trigger(fields as Path<Values>[]);
    if (i === 1 && bereavement && !form.getValues('eventKey')?.trim()) {
      form.setError('eventKey', { message: 'eventKeyRequired' });
      ok = false;
    }
    return ok;
  }

  function showFailure(result: Extract<ActionResult<unknown>, { ok: false }>) {
    const fields = Object.entries(result.fieldErrors ?? {}).filter(([, m]) => m?.[0]);
    for (const [field, messages] of fields) form.setError(field as Path<Values>, { message: messages[0] });
    if (fields.length) goTo(Math.min(...fields.map(([f]) => stepOf(f))));
    setFormError(result.error);
  }

  /** Saves the draft (everything typed so far); `then` is the step to show afterwards. */
  async function save(then = step) {
    setFormError(null);
    setSaved(false);
    if (!(await form.trigger())) {
      goTo(Math.min(...Object.keys(form.formState.errors).map(stepOf)));
      setFormError('apply.draftNeeds');
      return;
    }
    setBusy('save');
    const result = await call(saveDraft(payload()));
    setBusy(null);
    if (!result.ok) return showFailure(result);
    setSaved(true);
    // The first save: from now on this application lives at its own address.
    if (!caseId) startNavigation(() => router.replace(`${casePaths.edit(result.data.id)}?step=${then}`));
    else if (then !== step) goTo(then);
  }

  async function next() {
    setFormError(null);
    if (!(await stepValid(step))) return;
    // Documents belong to a saved case: the step before them saves.
    if (step === DOCUMENTS_STEP - 1) return save(DOCUMENTS_STEP);
    goTo(step + 1);
  }

  async function submit() {
    setFormError(null);
    for (let i = 0; i < STEP_FIELDS.length; i++) {
      if (!(await stepValid(i))) {
        goTo(i);
        setFormError('invalid');
        return;
      }
    }
    setBusy('submit');
    let result: ActionResult<{ id: number }>;
    if (mode === 'returned' && caseId) {
      // Fields first (a guarded update), then back to the step that returned it, with the new version.
      const fields = await call(saveDraft(payload()));
      result = fields.ok ? await call(resubmitCase({ caseId, version: fields.data.version })) : fields;
    } else {
      result = await call(submitCase(payload()));
    }
    if (!result.ok) {
      setBusy(null);
      return showFailure(result);
    }
    router.push(casePaths.view(result.data.id));
  }

  const errors = form.formState.errors;
  const formMessage = formError?.startsWith('apply.') ? formError : formError && `errors.${formError}`;
  return (
    <form
      method="post"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (step === STEPS.length - 1) void submit();
        else void next();
      }}
      className="space-y-4"
    >
      <StepList step={step} canJump={(i) => !!caseId || i < DOCUMENTS_STEP} onJump={goTo} disabled={working} />

      <section
        aria-labelledby="apply-step-title"
        className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      >
        <h2 id="apply-step-title" ref={heading} tabIndex={-1} className="text-lg font-semibold">
          {t('apply.stepOf', { n: step + 1, total: STEPS.length, title: t(`apply.steps.${STEPS[step]}`) })}
        </h2>
        {step === 0 && <KindStep form={form} context={context} mode={mode} submitted={submitted} />}
        {step === 1 && (
          <EventStep form={form} members={context.members} bereavement={bereavement} kind={kind} today={today} />
        )}
        {step === 2 && (
          <div className="space-y-4">
            <Field
              label={t('apply.familySituation')}
              error={fieldError(errors, 'familySituation')}
              hint={t(context.members.length || initial.familySituation ? 'apply.familyHintFile' : 'apply.familyHint')}
            >
              {(p) => <textarea {...p} {...form.register('familySituation')} rows={8} />}
            </Field>
            <Field label={t('apply.helpAsked')} error={fieldError(errors, 'helpAsked')} hint={t('apply.helpAskedHint')}>
              {(p) => <textarea {...p} {...form.register('helpAsked')} rows={3} />}
            </Field>
          </div>
        )}
        {step === DOCUMENTS_STEP && caseId && (
          <div className="space-y-3">
            <p className="text-sm text-stone-600">{t('apply.documents.intro')}</p>
            <DocumentUpload caseId={caseId} documents={documents} />
          </div>
        )}
        {step === 4 && <Review form={form} context={context} submitted={submitted} documents={documents} />}
      </section>

      {formMessage ? (
        <div aria-live="polite" data-testid="form-error" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {t.has(formMessage) ? t(formMessage) : t('errors.unexpected')}
        </div>
      ) : (
        <FormAlert success={saved ? 'apply.saved' : null} />
      )}

      <div className="flex flex-wrap items-center gap-2">
        {step > 0 && (
          <Button variant="secondary" onClick={() => goTo(step - 1)} disabled={working}>
            {t('apply.previous')}
          </Button>
        )}
        {step < STEPS.length - 1 ? (
          <Button type="submit" disabled={working}>
            {step === DOCUMENTS_STEP - 1 ? t('apply.saveAndNext') : t('apply.next')}
          </Button>
        ) : (
          <Button type="submit" disabled={working}>
            {busy === 'submit' || navigating
              ? t('common.working')
              : t(mode === 'returned' ? 'apply.resubmit' : 'apply.submit')}
          </Button>
        )}
        <Button variant="ghost" onClick={() => void save()} disabled={working} className="sm:ml-auto">
          {busy === 'save' ? t('common.working') : t(mode === 'returned' ? 'apply.saveChanges' : 'apply.saveDraft')}
        </Button>
      </div>
    </form>
  );
}

/** Where the worker is: every step by name; earlier ones (and, once saved, any) can be reopened. */
function StepList({
  step,
  canJump,
  onJump,
  disabled,
}: {
  step: number;
  canJump: (i: number) => boolean;
  onJump: (i: number) => void;
  disabled: boolean;
}) {
  const t = useTranslations('apply');
  return (
    <nav aria-label={t('stepsLabel')}>
      <ol className="grid grid-cols-5 gap-1 text-center text-xs">
        {STEPS.map((s, i) => {
          const label = (
            <>
              <span
                className={clsx(
                  'mx-auto flex size-7 items-center justify-center rounded-full border font-semibold',
                  i === step
                    ? 'border-brand-700 bg-brand-700 text-white'
                    : i < step
                      ? 'border-brand-700 text-brand-700'
                      : 'border-stone-300 text-stone-500',
                )}
              >
                {i + 1}
              </span>
              <span className="mt-1 block text-[11px] leading-tight sm:text-xs">{t(`steps.${s}`)}</span>
            </>
          );
          return (
            <li key={s} aria-current={i === step ? 'step' : undefined}>
              {i !== step && canJump(i) ? (
                <button
                  type="button"
                  onClick={() => onJump(i)}
                  disabled={disabled}
                  className="w-full rounded-md py-1 hover:bg-stone-100"
                >
                  {label}
                </button>
              ) : (
                <span className={clsx('block py-1', i === step && 'font-semibold')}>{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

type StepForm = UseFormReturn<Values, unknown, z.output<typeof caseDraftSchema>>;

function KindStep({
  form,
  context,
  mode,
  submitted,
}: {
  form: StepForm;
  context: ApplyFormContext;
  mode: string;
  submitted: SubmittedAmount | null;
}) {
  const t = useTranslations();
  const errorText = useErrorText();
  const categoryLabel = useCategoryLabel();
  const error = fieldError(form.formState.errors, 'aidKind');
  if (mode === 'returned') {
    const kind = form.getValues('aidKind');
    return (
      <div className="space-y-2 text-sm">
        <p className="font-medium">{t(`aid.kinds.${kind}`)}</p>
        {submitted?.rule && (
          <p>
            {t('apply.submittedAmount', { category: categoryLabel(submitted.category ?? 'none') })}{' '}
            <AmountText rule={submitted.rule} />
          </p>
        )}
        <p className="text-stone-600">{t('apply.kindFixed')}</p>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-700">
        {context.category === 'none'
          ? t('apply.noFile')
          : t('apply.yourCategory', { category: categoryLabel(context.category) })}{' '}
        {context.standard &&
          t('apply.standardName', { name: context.standard.name, since: context.standard.effectiveOn })}
      </p>
      {!context.standard && (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t('apply.noStandard')}</p>
      )}
      <KindPicker
        offers={context.kinds}
        category={context.category}
        field={form.register('aidKind')}
        describedBy="aidKind-error"
        invalid={!!error}
      />
      <p id="aidKind-error" aria-live="polite" className="text-sm text-red-700">
        {errorText(error)}
      </p>
      <p className="text-xs text-stone-500">{t('apply.amountNote')}</p>
    </div>
  );
}

function EventStep({
  form,
  members,
  bereavement,
  kind,
  today,
}: {
  form: StepForm;
  members: MemberOption[];
  bereavement: boolean;
  kind: AidKind | '';
  today: string;
}) {
  const t = useTranslations();
  const errors = form.formState.errors;
  return (
    <div className="space-y-4">
      <Field
        label={t(bereavement ? 'apply.eventOnDeath' : 'apply.eventOn')}
        error={fieldError(errors, 'eventOn')}
        hint={t('apply.eventOnHint')}
      >
        {(p) => <input {...p} {...form.register('eventOn')} type="date" max={today} />}
      </Field>
      {bereavement && <WhoDied form={form} members={members} kind={kind as AidKind} />}
      <Field
        label={t('apply.whatHappened')}
        error={fieldError(errors, 'whatHappened')}
        hint={t('apply.whatHappenedHint')}
      >
        {(p) => <textarea {...p} {...form.register('whatHappened')} rows={6} />}
      </Field>
    </div>
  );
}

/**
 * The family member a bereavement is about, which keeps a second payment for the same death
 * apart from a new one. With a household file the worker picks the member (`member:<id>`);
 * someone not on the file, or no file at all, is typed in.
 */
function WhoDied({ form, members, kind }: { form: StepForm; members: MemberOption[]; kind: AidKind }) {
  const t = useTranslations();
  const current = form.watch('eventKey') ?? '';
  const fromFile = members.some((m) => `member:${m.id}` === current);
  const [choice, setChoice] = useState(fromFile ? current : current ? OTHER : '');
  const error = fieldError(form.formState.errors, 'eventKey');
  const relation = BEREAVED[kind];
  // Those whose relation fits the kind come first; the rest stay available (a file may be out of date).
  const ordered = [...members].sort((a, b) => Number(b.relation === relation) - Number(a.relation === relation));
  const typed = (
    <Field label={t('apply.eventKeyName')} error={error} hint={t('apply.eventKeyHint')}>
      {(p) => <input {...p} {...form.register('eventKey')} autoComplete="off" />}
    </Field>
  );
  if (!members.length) return typed;
  return (
    <>
      <Field label={t('apply.eventKeyMember')} error={choice === OTHER ? undefined : error}>
        {(p) => (
          <select
            {...p}
            value={choice}
            onChange={(e) => {
              const v = e.target.value;
              setChoice(v);
              form.setValue('eventKey', v === OTHER ? '' : v, { shouldDirty: true });
              form.clearErrors('eventKey');
            }}
          >
            <option value="">{t('apply.choose')}</option>
            {ordered.map((m) => (
              <option key={m.id} value={`member:${m.id}`}>
                {t(`register.relations.${m.relation}`)} {m.name}
              </option>
            ))}
            <option value={OTHER}>{t('apply.eventKeyOther')}</option>
          </select>
        )}
      </Field>
      {choice === OTHER && typed}
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-stone-100 py-2 sm:grid-cols-[10rem_1fr]">
      <dt className="text-stone-500">{label}</dt>
      <dd className="whitespace-pre-line break-words">{children}</dd>
    </div>
  );
}

/** Everything as it will be sent, with the amount the standard would pay, before the one submit. */
function Review({
  form,
  context,
  submitted,
  documents,
}: {
  form: StepForm;
  context: ApplyFormContext;
  submitted: SubmittedAmount | null;
  documents: DocumentItem[];
}) {
  const t = useTranslations();
  const v = form.getValues();
  const offer = context.kinds.find((k) => k.kind === v.aidKind);
  const member = context.members.find((m) => `member:${m.id}` === v.eventKey);
  const none = <span className="text-stone-500">{t('apply.notGiven')}</span>;
  return (
    <div className="space-y-3 text-sm">
      <p className="text-stone-600">{t('apply.reviewIntro')}</p>
      <dl>
        <Row label={t('apply.kind')}>{v.aidKind ? t(`aid.kinds.${v.aidKind}`) : none}</Row>
        <Row label={t('apply.expectedAmount')}>
          {submitted?.rule ? (
            <AmountText rule={submitted.rule} />
          ) : offer ? (
            <OfferText offer={offer} category={context.category} />
          ) : (
            none
          )}
        </Row>
        <Row label={t('apply.eventOn')}>{v.eventOn || none}</Row>
        {v.aidKind && v.aidKind in BEREAVED && (
          <Row label={t('apply.eventKeyName')}>
            {member ? `${t(`register.relations.${member.relation}`)} ${member.name}` : v.eventKey || none}
          </Row>
        )}
        <Row label={t('apply.whatHappened')}>{v.whatHappened || none}</Row>
        <Row label={t('apply.familySituation')}>{v.familySituation || none}</Row>
        <Row label={t('apply.helpAsked')}>{v.helpAsked || none}</Row>
        <Row label={t('apply.steps.documents')}>
          {documents.length ? (
            <ul className="list-inside list-disc">
              {documents.map((d) => (
                <li key={d.id} className="break-all">
                  {d.fileName}
                </li>
              ))}
            </ul>
          ) : (
            <span className="text-amber-800">{t('apply.documents.noneWarning')}</span>
          )}
        </Row>
      </dl>
    </div>
  );
}
