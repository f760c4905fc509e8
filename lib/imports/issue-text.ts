import type { ImportKind } from '@/db/schema/imports';
import { splitMessage } from '@/lib/validation/messages';
import { COLUMNS } from './columns';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A column's header in the reader's language (the key itself for an unknown one). */
export function columnName(kind: ImportKind, key: string, locale: string): string {
  const c = COLUMNS[kind].find((col) => col.key === key);
  if (!c) return key;
  return locale === 'en' ? c.en : c.zh;
}

/** A stored problem ("duplicateInFile?row=5") in the reader's words; column keys named as their headers. */
export function issueText(t: Translate, kind: ImportKind, locale: string, message: string): string {
  const { key, values } = splitMessage(message);
  if (key === 'wrongTemplate') {
    const names = (list: string) =>
      list
        .split(', ')
        .filter(Boolean)
        .map((k) => columnName(kind, k, locale))
        .join(locale === 'en' ? ', ' : '、');
    const missing = names(values.missing ?? '');
    return t('errors.wrongTemplate', { missing: missing || '—', unknown: values.unknown || '—' });
  }
  try {
    return t(`errors.${key}`, values);
  } catch {
    return t('errors.invalid');
  }
}
