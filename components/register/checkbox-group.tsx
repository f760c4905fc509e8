'use client';

import { clsx } from 'clsx';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

/**
 * Several checkboxes bound to one array field (causes, six knows, households present), in a
 * <fieldset> whose <legend> names the group. Controlled, so one option or many behave the same.
 */
export function CheckboxGroup<T extends FieldValues, O extends FieldValues>({
  control,
  name,
  legend,
  options,
  error,
  hint,
  className,
}: {
  control: Control<T, unknown, O>;
  name: Path<T>;
  legend: string;
  options: { value: string; label: string }[];
  error?: string;
  hint?: string;
  className?: string;
}) {
  const t = useTranslations('errors');
  const { field } = useController({ control, name });
  const id = useId();
  const value: string[] = Array.isArray(field.value) ? field.value.map(String) : [];
  const toggle = (v: string, on: boolean) => field.onChange(on ? [...value, v] : value.filter((x) => x !== v));
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset aria-describedby={describedBy} className="space-y-1">
      <legend className="text-sm font-medium text-stone-800">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-stone-500">
          {hint}
        </p>
      )}
      <div className={clsx('flex flex-wrap gap-x-4', className)}>
        {options.map((o, i) => (
          <label key={o.value} className="inline-flex min-h-10 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-brand-700"
              ref={i === 0 ? field.ref : undefined}
              name={field.name}
              value={o.value}
              checked={value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
              onBlur={field.onBlur}
              aria-invalid={!!error}
            />
            {o.label}
          </label>
        ))}
      </div>
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-700">
        {error ? (t.has(error) ? t(error) : t('invalid')) : null}
      </p>
    </fieldset>
  );
}

/** An error under a group of fields that has no single control (a field array as a whole). */
export function GroupError({ error, id }: { error?: string; id?: string }) {
  const t = useTranslations('errors');
  return (
    <p id={id} aria-live="polite" className="text-sm text-red-700">
      {error ? (t.has(error) ? t(error) : t('invalid')) : null}
    </p>
  );
}
