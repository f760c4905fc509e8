import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '@/lib/i18n/catalog';
import { LOCALES } from '@/lib/i18n/locales';

/**
 * Every literal key a screen asks of a translator made without a namespace
 * (`getTranslations()` / `useTranslations()`) exists in both catalogs. next-intl shows a missing
 * key as its own path ("campaigns.previous") rather than failing, so nothing else notices.
 * Keys built at run time (`aid.states.${state}`) and namespaced translators are out of reach here.
 */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function has(messages: unknown, key: string): boolean {
  let node = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/** The literal keys of `t('a.b')` / `t("a.b")` calls in files whose translator `t` has no namespace. */
function literalKeys(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const plain = /const t = (await getTranslations\(\)|useTranslations\(\));/.test(text);
  const namespaced = /const t = (await getTranslations\(['"{]|useTranslations\(['"])/.test(text);
  if (!plain || namespaced) return [];
  return [...text.matchAll(/\bt\(\s*['"]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"]/g)].map((m) => m[1]);
}

describe('message keys', () => {
  const files = ['app', 'components'].flatMap((d) => sources(d));
  const used = files.flatMap((f) => literalKeys(f).map((key) => ({ file: f, key })));

  it('finds the screens that use plain translators', () => {
    expect(used.length).toBeGreaterThan(200);
  });

  it.each(LOCALES)('every literal key exists in %s', (locale) => {
    const messages = messagesFor(locale);
    const missing = used.filter(({ key }) => !has(messages, key)).map(({ file, key }) => `${file}: ${key}`);
    expect(missing).toEqual([]);
  });
});
