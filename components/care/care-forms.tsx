'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { fieldError, useActionForm } from '@/components/ui/use-action-form';
import {
  addElder,
  addSurvivor,
  recordElderHelp,
  recordElderVisit,
  recordSurvivorCheck,
  settleAdvance,
  stopAllowance,
} from '@/lib/care/care-actions';
import { HELP_KINDS, STOP_REASONS } from '@/lib/care/rules';
import { RELATIONS } from '@/db/schema/register';
import {
  elderHelpSchema,
  elderSchema,
  elderVisitSchema,
  settleAdvanceSchema,
  stopAllowanceSchema,
  survivorCheckSchema,
  survivorSchema,
} from '@/lib/validation/care';

/** A survivor of a deceased worker: who died, who survives, income, allowance and contact. */
export function SurvivorForm({ today }: { today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(survivorSchema, addSurvivor, {
    defaultValues: {
      deceasedEmployeeNo: '',
      deceasedName: '',
      diedOn: '',
      name: '',
      relation: 'spouse',
      birthDate: '',
      monthlyIncome: '',
      monthlyAllowance: '',
      livesAlone: false,
      phone: '',
      address: '',
      bankCard: '',
    },
    onSuccess: (data) => router.push(`/survivors/${data.id}`),
  });
  const e = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={t('survivors.add')}>
      <FormAlert error={formError} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          label={t('survivors.deceasedEmployeeNo')}
          error={fieldError(e, 'deceasedEmployeeNo')}
          hint={t('survivors.deceasedEmployeeNoHint')}
        >
          {(p) => <input {...p} {...form.register('deceasedEmployeeNo')} autoComplete="off" />}
        </Field>
        <Field label={t('survivors.deceasedName')} error={fieldError(e, 'deceasedName')}>
          {(p) => <input {...p} {...form.register('deceasedName')} autoComplete="off" />}
        </Field>
        <Field label={t('survivors.diedOn')} error={fieldError(e, 'diedOn')}>
          {(p) => <input {...p} {...form.register('diedOn')} type="date" max={today} />}
        </Field>
        <Field label={t('survivors.name')} error={fieldError(e, 'name')}>
          {(p) => <input {...p} {...form.register('name')} autoComplete="off" />}
        </Field>
        <Field label={t('survivors.relation')} error={fieldError(e, 'relation')}>
          {(p) => (
            <select {...p} {...form.register('relation')}>
              {RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`register.relations.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('survivors.birthDate')} error={fieldError(e, 'birthDate')}>
          {(p) => <input {...p} {...form.register('birthDate')} type="date" max={today} />}
        </Field>
        <Field
          label={t('survivors.monthlyIncome')}
          error={fieldError(e, 'monthlyIncome')}
          hint={t('premiums.yuanHint')}
        >
          {(p) => <input {...p} {...form.register('monthlyIncome')} inputMode="decimal" autoComplete="off" />}
        </Field>
        <Field
          label={t('survivors.monthlyAllowance')}
          error={fieldError(e, 'monthlyAllowance')}
          hint={t('premiums.yuanHint')}
        >
          {(p) => <input {...p} {...form.register('monthlyAllowance')} inputMode="decimal" autoComplete="off" />}
        </Field>
        <Field label={t('survivors.phone')} error={fieldError(e, 'phone')}>
          {(p) => <input {...p} {...form.register('phone')} inputMode="tel" autoComplete="off" />}
        </Field>
        <Field label={t('survivors.address')} error={fieldError(e, 'address')}>
          {(p) => <input {...p} {...form.register('address')} autoComplete="off" />}
        </Field>
        <Field label={t('survivors.bankCard')} error={fieldError(e, 'bankCard')}>
          {(p) => <input {...p} {...form.register('bankCard')} inputMode="numeric" autoComplete="off" />}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register('livesAlone')} />
        {t('survivors.livesAlone')}
      </label>
      <div>
        <Button type="submit" variant="primary" disabled={form.formState.isSubmitting}>
          {t('survivors.add')}
        </Button>
      </div>
    </form>
  );
}

/** The yearly check: alive, eligible, the subsidy handed over. */
export function SurvivorCheckForm({ survivorId, today }: { survivorId: number; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(survivorCheckSchema, recordSurvivorCheck, {
    defaultValues: {
      survivorId,
      year: today.slice(0, 4),
      checkedOn: today,
      alive: true,
      eligible: true,
      subsidy: '',
      note: '',
    },
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={t('survivors.check')}>
      <FormAlert error={formError} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('survivors.year')} error={fieldError(e, 'year')}>
          {(p) => <input {...p} {...form.register('year')} inputMode="numeric" autoComplete="off" />}
        </Field>
        <Field label={t('survivors.checkedOn')} error={fieldError(e, 'checkedOn')}>
          {(p) => <input {...p} {...form.register('checkedOn')} type="date" max={today} />}
        </Field>
        <Field label={t('survivors.subsidy')} error={fieldError(e, 'subsidy')} hint={t('premiums.yuanHint')}>
          {(p) => <input {...p} {...form.register('subsidy')} inputMode="decimal" autoComplete="off" />}
        </Field>
        <Field label={t('survivors.note')} error={fieldError(e, 'note')}>
          {(p) => <input {...p} {...form.register('note')} autoComplete="off" />}
        </Field>
      </div>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" {...form.register('alive')} />
          {t('survivors.alive')}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" {...form.register('eligible')} />
          {t('survivors.eligible')}
        </label>
      </div>
      <div>
        <Button type="submit" variant="primary" disabled={form.formState.isSubmitting}>
          {t('survivors.check')}
        </Button>
      </div>
    </form>
  );
}

/** The allowance stops, with the reason. */
export function StopAllowanceForm({
  survivorId,
  version,
  today,
}: {
  survivorId: number;
  version: number;
  today: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(stopAllowanceSchema, stopAllowance, {
    defaultValues: { survivorId, version, stoppedOn: today, reason: 'other', note: '' },
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={t('survivors.stop')}>
      <FormAlert error={formError} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('survivors.stoppedOn')} error={fieldError(e, 'stoppedOn')}>
          {(p) => <input {...p} {...form.register('stoppedOn')} type="date" max={today} />}
        </Field>
        <Field label={t('survivors.stopReason')} error={fieldError(e, 'reason')}>
          {(p) => (
            <select {...p} {...form.register('reason')}>
              {STOP_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`survivors.stopReasons.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('survivors.note')} error={fieldError(e, 'note')}>
          {(p) => <input {...p} {...form.register('note')} autoComplete="off" />}
        </Field>
      </div>
      <div>
        <Button type="submit" variant="danger" disabled={form.formState.isSubmitting}>
          {t('survivors.stop')}
        </Button>
      </div>
    </form>
  );
}

/** A lone elderly person on the visit schedule of a unit. */
export function ElderForm({ units, today }: { units: { id: number; chain: string }[]; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(elderSchema, addElder, {
    defaultValues: {
      unitId: String(units[0]?.id ?? ''),
      name: '',
      birthDate: '',
      address: '',
      phone: '',
      background: '',
      visitEveryDays: '30',
    },
    onSuccess: (data) => router.push(`/elders/${data.id}`),
  });
  const e = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={t('elders.add')}>
      <FormAlert error={formError} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('elders.unit')} error={fieldError(e, 'unitId')}>
          {(p) => (
            <select {...p} {...form.register('unitId')}>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.chain}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('elders.name')} error={fieldError(e, 'name')}>
          {(p) => <input {...p} {...form.register('name')} autoComplete="off" />}
        </Field>
        <Field label={t('elders.birthDate')} error={fieldError(e, 'birthDate')}>
          {(p) => <input {...p} {...form.register('birthDate')} type="date" max={today} />}
        </Field>
        <Field label={t('elders.address')} error={fieldError(e, 'address')}>
          {(p) => <input {...p} {...form.register('address')} autoComplete="off" />}
        </Field>
        <Field label={t('elders.phone')} error={fieldError(e, 'phone')}>
          {(p) => <input {...p} {...form.register('phone')} inputMode="tel" autoComplete="off" />}
        </Field>
        <Field label={t('elders.background')} error={fieldError(e, 'background')}>
          {(p) => <input {...p} {...form.register('background')} autoComplete="off" />}
        </Field>
        <Field label={t('elders.visitEveryDays')} error={fieldError(e, 'visitEveryDays')}>
          {(p) => <input {...p} {...form.register('visitEveryDays')} inputMode="numeric" autoComplete="off" />}
        </Field>
      </div>
      <div>
        <Button type="submit" variant="primary" disabled={form.formState.isSubmitting}>
          {t('elders.add')}
        </Button>
      </div>
    </form>
  );
}

export function ElderVisitForm({ elderId, today }: { elderId: number; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const empty = { elderId, visitedOn: today, visitors: '', notes: '' };
  const { form, onSubmit, formError } = useActionForm(elderVisitSchema, recordElderVisit, {
    defaultValues: empty,
    onSuccess: () => {
      form.reset(empty);
      router.refresh();
    },
  });
  const e = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={t('elders.recordVisit')}>
      <FormAlert error={formError} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('elders.visitedOn')} error={fieldError(e, 'visitedOn')}>
          {(p) => <input {...p} {...form.register('visitedOn')} type="date" max={today} />}
        </Field>
        <Field label={t('elders.visitors')} error={fieldError(e, 'visitors')}>
          {(p) => <input {...p} {...form.register('visitors')} autoComplete="off" />}
        </Field>
        <Field label={t('elders.notes')} error={fieldError(e, 'notes')}>
          {(p) => <input {...p} {...form.register('notes')} autoComplete="off" />}
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t('elders.recordVisit')}
        </Button>
      </div>
    </form>
  );
}

export function ElderHelpForm({ elderId, today }: { elderId: number; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const empty = { elderId, kind: 'hospital' as const, on: today, description: '', advanced: '', advancedBy: '' };
  const { form, onSubmit, formError } = useActionForm(elderHelpSchema, recordElderHelp, {
    defaultValues: empty,
    onSuccess: () => {
      form.reset(empty);
      router.refresh();
    },
  });
  const e = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={t('elders.recordHelp')}>
      <FormAlert error={formError} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('elders.helpKind')} error={fieldError(e, 'kind')}>
          {(p) => (
            <select {...p} {...form.register('kind')}>
              {HELP_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`elders.helpKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('elders.on')} error={fieldError(e, 'on')}>
          {(p) => <input {...p} {...form.register('on')} type="date" max={today} />}
        </Field>
        <Field label={t('elders.description')} error={fieldError(e, 'description')}>
          {(p) => <input {...p} {...form.register('description')} autoComplete="off" />}
        </Field>
        <Field label={t('elders.advanced')} error={fieldError(e, 'advanced')} hint={t('premiums.yuanHint')}>
          {(p) => <input {...p} {...form.register('advanced')} inputMode="decimal" autoComplete="off" />}
        </Field>
        <Field label={t('elders.advancedBy')} error={fieldError(e, 'advancedBy')}>
          {(p) => <input {...p} {...form.register('advancedBy')} autoComplete="off" />}
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t('elders.recordHelp')}
        </Button>
      </div>
    </form>
  );
}

export function SettleForm({ helpId, advancedYuan, today }: { helpId: number; advancedYuan: string; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, onSubmit, formError } = useActionForm(settleAdvanceSchema, settleAdvance, {
    defaultValues: { helpId, settledOn: today, settled: advancedYuan, note: '' },
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-2" aria-label={t('elders.settle')}>
      <FormAlert error={formError} />
      <div className="grid gap-2 sm:grid-cols-3">
        <Field label={t('elders.settledOn')} error={fieldError(e, 'settledOn')}>
          {(p) => <input {...p} {...form.register('settledOn')} type="date" max={today} />}
        </Field>
        <Field label={t('elders.settled')} error={fieldError(e, 'settled')} hint={t('premiums.yuanHint')}>
          {(p) => <input {...p} {...form.register('settled')} inputMode="decimal" autoComplete="off" />}
        </Field>
        <Field label={t('elders.settleNote')} error={fieldError(e, 'note')}>
          {(p) => <input {...p} {...form.register('note')} autoComplete="off" />}
        </Field>
      </div>
      <div>
        <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
          {t('elders.settle')}
        </Button>
      </div>
    </form>
  );
}
