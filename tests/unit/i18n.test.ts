import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '@/lib/i18n/catalog';
import { resolveLocale } from '@/lib/i18n/locales';
import {
  DASHBOARD_CLIENT_MESSAGES,
  pickMessages,
  ROOT_CLIENT_NAMESPACES,
  SERVER_ONLY_NAMESPACES,
} from '@/lib/i18n/client-messages';

const en = messagesFor('en');
const zh = messagesFor('zh-CN');
const DASHBOARD_DIR = path.resolve('components/dashboard');

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

describe('message catalogs', () => {
  it('have exactly the same keys in zh-CN and English', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it('have no empty text', () => {
    for (const catalog of [en, zh])
      for (const k of keys(catalog))
        expect(k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], catalog)).not.toBe('');
  });

  it('hold every validation message key the schemas use', () => {
    const all = new Set(keys(zh));
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve('lib'))) {
      const text = readFileSync(file, 'utf8');
      // Messages passed to zod checks and to AppError/invalidField in the domain code.
      for (const m of text.matchAll(/(?:min|max|regex|message|refine)\([^)]*?'([a-zA-Z.]+)'\)/g)) used.add(m[1]);
      for (const m of text.matchAll(/message: [`']([a-zA-Z.]+)[`']/g)) used.add(m[1]);
    }
    for (const file of sourceFiles(path.resolve('app'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/invalidField\('[a-zA-Z]+', '([a-zA-Z]+)'\)|AppError\('[a-z_]+', '([a-zA-Z]+)'\)/g))
        used.add(m[1] ?? m[2]);
    }
    const missing = [...used].filter((k) => !all.has(`errors.${k}`) && !k.startsWith('idNumber.'));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(10);
  });

  it('mark a phrase in the other language with <zh>/<en> (rendered with lang by components/ui/lang.tsx)', () => {
    // Technical terms and product names are read alike in both languages (WCAG 3.1.2's exception).
    const TERMS = new Set(['PDF', 'JPEG', 'PNG', 'MB', 'Excel', 'CSV', 'xlsx', 'csv', 'XLSX', 'xls', 'UTF', 'JSON']);
    const textOf = (catalog: object, k: string) =>
      k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], catalog) as string;
    const chineseInEnglish = keys(en).filter((k) =>
      /\p{Script=Han}/u.test(textOf(en, k).replace(/<zh>.*?<\/zh>/g, '')),
    );
    expect(chineseInEnglish).toEqual([]);
    const englishInChinese = keys(zh).filter((k) =>
      (
        textOf(zh, k)
          .replace(/<en>.*?<\/en>/g, '')
          // ICU syntax: argument names, formats and plural/select keywords are not text.
          .replace(/\{\s*[\w.]+\s*,\s*(plural|select|selectordinal)\s*,/g, '{')
          .replace(/(=\d+|zero|one|two|few|many|other)\s*\{/g, '{')
          .replace(/\{\s*[\w.]+\s*(,\s*\w+\s*(,\s*[^{}]*)?)?\}/g, '')
          .replace(/<\/?\w+>/g, '')
          .match(/[A-Za-z]{2,}/g) ?? []
      ).some((w) => !TERMS.has(w)),
    );
    expect(englishInChinese).toEqual([]);
  });

  it('falls back to Chinese for an unknown locale cookie', () => {
    expect(resolveLocale('en')).toBe('en');
    expect(resolveLocale('fr')).toBe('zh-CN');
    expect(resolveLocale(undefined)).toBe('zh-CN');
  });
});

describe('messages sent to the browser', () => {
  it('leave out only namespaces that no client component reads', () => {
    const clientFiles = [...sourceFiles(path.resolve('app')), ...sourceFiles(path.resolve('components'))].filter((f) =>
      /^['"]use client['"]/.test(readFileSync(f, 'utf8').trimStart()),
    );
    expect(clientFiles.length).toBeGreaterThan(5);
    for (const file of clientFiles.filter((f) => !f.startsWith(DASHBOARD_DIR))) {
      const text = readFileSync(file, 'utf8');
      for (const ns of SERVER_ONLY_NAMESPACES) {
        expect(text, `${file} uses the server-only namespace ${ns}`).not.toMatch(
          new RegExp(`useTranslations\\('${ns}'\\)|t\\([\`'"]${ns}\\.`),
        );
      }
    }
  });
});

describe('the dashboard’s client sections', () => {
  it('read only the messages the dashboard sends them', () => {
    const files = sourceFiles(DASHBOARD_DIR).filter(
      (f) =>
        /^['"]use client['"]/.test(readFileSync(f, 'utf8').trimStart()) &&
        readFileSync(f, 'utf8').includes('useTranslations('),
    );
    expect(files.length).toBeGreaterThan(4);
    const sent = (key: string) => DASHBOARD_CLIENT_MESSAGES.some((p) => key === p || key.startsWith(`${p}.`));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const namespaces = [...text.matchAll(/useTranslations\((?:['"]([a-zA-Z]+)['"])?\)/g)].map((m) => m[1] ?? '');
      for (const ns of namespaces.filter(Boolean)) expect(sent(ns), `${file} reads ${ns}`).toBe(true);
      if (!namespaces.includes('')) continue;
      // With the whole catalog's translator, every key is written out: a literal or a template's fixed start.
      for (const m of text.matchAll(/\bt\((['"`])([a-zA-Z.]+)/g))
        expect(sent(m[2].replace(/\.$/, '')), `${file} reads ${m[2]}`).toBe(true);
    }
  });

  it('get exactly the listed parts of the catalog', () => {
    const all = {
      common: { a: 'A' },
      aid: { kinds: { x: 'X' }, steps: { y: 'Y' }, other: 'O' },
      dashboard: { d: 'D' },
    };
    expect(pickMessages(all, ['common', 'aid.kinds', 'aid.missing', 'nowhere'])).toEqual({
      common: { a: 'A' },
      aid: { kinds: { x: 'X' } },
    });
  });
});

describe('messages outside the form sections', () => {
  it('are enough for the client components every page renders', () => {
    // These render on every page, including the dashboard, which gets only the root namespaces.
    const everywhere = ['components/layout/locale-switcher.tsx', 'components/layout/nav-links.tsx', 'app/error.tsx'];
    for (const file of everywhere) {
      const text = readFileSync(path.resolve(file), 'utf8');
      for (const m of text.matchAll(/useTranslations\(['"]?([a-zA-Z]*)['"]?\)/g)) {
        expect(ROOT_CLIENT_NAMESPACES as readonly string[], `${file} reads ${m[1] || 'every namespace'}`).toContain(
          m[1],
        );
      }
    }
  });
});
