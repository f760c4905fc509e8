'use client';

import { useEffect, useState, type RefObject } from 'react';
import type { ActionResult } from '@/lib/auth/action-result';

/**
 * A full personal value (a phone, an ID number) that the page carries only masked, fetched from
 * its server action when the edit form is actually opened: at once when the form is on screen, or
 * when the <details> around it is opened. Until then the form shows the masked value and cannot
 * be saved; a refusal leaves it so, with the action's message.
 */
export function useRevealOnOpen<T, V>(
  form: RefObject<HTMLElement | null>,
  read: () => Promise<ActionResult<T>>,
  pick: (data: T) => V,
): { value: V | null; error: string | null } {
  const [value, setValue] = useState<V | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const details = form.current?.closest('details');
    let asked = false;
    const ask = () => {
      if (asked || (details && !details.open)) return;
      asked = true;
      read().then(
        (r) => (r.ok ? setValue(pick(r.data)) : setError(r.error)),
        () => setError('unexpected'),
      );
    };
    ask();
    details?.addEventListener('toggle', ask);
    return () => details?.removeEventListener('toggle', ask);
    // Asked once per mounted form; `read` and `pick` are fixed for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see the line above
  }, [form]);
  return { value, error };
}
