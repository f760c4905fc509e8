'use client';

import { useTranslations } from 'next-intl';
import { splitMessage } from '@/lib/validation/messages';

/**
 * The text of a validation message (a key of `errors`, perhaps with values: "tooLong?max=500"),
 * or `fallback`'s when the key is unknown. The one way forms turn a message into words.
 */
export function useErrorText() {
  const t = useTranslations('errors');
  return (message: string | null | undefined, fallback = 'invalid'): string | null => {
    if (!message) return null;
    const { key, values } = splitMessage(message);
    return t.has(key) ? t(key, values) : t(fallback);
  };
}
