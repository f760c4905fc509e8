'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/auth/action-result';

/**
 * react-hook-form bound to a zod schema and a server action: the browser checks with the same
 * schema the server checks again, and the server's field errors land next to the same fields.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>(
  schema: S,
  submit: (input: z.input<S>) => Promise<ActionResult<T>>,
  opts: { defaultValues?: DefaultValues<z.input<S>>; onSuccess?: (data: T) => void } = {},
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: opts.defaultValues,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const onSubmit = form.handleSubmit(async (_parsed, event) => {
    setFormError(null);
    setSaved(false);
    // Send what the user typed: the server parses it with the same schema.
    const result = await submit(form.getValues());
    if (result.ok) {
      setSaved(true);
      opts.onSuccess?.(result.data);
      return;
    }
    if (result.fieldErrors) {
      for (const [field, messages] of Object.entries(result.fieldErrors)) {
        if (messages?.[0]) form.setError(field as Path<z.input<S>>, { message: messages[0] });
      }
    }
    setFormError(result.error);
    event?.preventDefault();
  });

  return { form, onSubmit, formError, saved, setSaved };
}

/**
 * The translated-key message of a field's error, for <Field error=…>. `name` may be a dotted
 * path into react-hook-form's nested errors (`members.0.birthDate`, `appeals.root`).
 */
export function fieldError(errors: object, name: string): string | undefined {
  let node: unknown = errors;
  for (const part of name.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = node !== null && typeof node === 'object' ? (node as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : undefined;
}

/**
 * The error of a list as a whole (a field array or a checkbox group): the server's flattened
 * error sits on the list's own name, the browser's on `<name>.root` for a field array.
 */
export function listError(errors: object, name: string): string | undefined {
  return fieldError(errors, name) ?? fieldError(errors, `${name}.root`);
}
