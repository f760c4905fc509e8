import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, AUDIT_GROUPS, changedFields, sentenceKey } from '@/lib/audit-kinds';
import { messagesFor } from '@/lib/i18n/catalog';
import { CASE_ACTIONS } from '@/lib/workflow/case-workflow';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The audit actions the code writes: literal `action: 'x.y'` in audit entries. */
function writtenActions(): string[] {
  const found = new Set<string>();
  for (const file of [...sourceFiles('app'), ...sourceFiles('lib'), 'db/seed.ts']) {
    for (const m of readFileSync(file, 'utf8').matchAll(/action: '([a-zA-Z]+\.[a-zA-Z_]+)'/g)) found.add(m[1]);
  }
  return [...found];
}

/** The record kinds the code writes: literal `entity: 'x'` in audit entries. */
function writtenEntities(): string[] {
  const found = new Set<string>();
  for (const file of [...sourceFiles('app'), ...sourceFiles('lib'), ...sourceFiles('db')]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/entity: '([a-z_]+)'/g)) found.add(m[1]);
  }
  return [...found];
}

describe('the audit log in words', () => {
  it.each(['zh-CN', 'en'] as const)('names every kind of record the code writes, in %s', (locale) => {
    const known = new Set<string>(AUDIT_ENTITIES);
    expect(writtenEntities().filter((e) => !known.has(e))).toEqual([]);
    const t = createTranslator({ locale, messages: messagesFor(locale) });
    for (const e of AUDIT_ENTITIES) expect(t.has(`audit.entities.${e}` as never), e).toBe(true);
  });

  it('knows every action the code writes', () => {
    const known = new Set<string>(AUDIT_ACTIONS);
    expect(writtenActions().filter((a) => !known.has(a))).toEqual([]);
    // Decisions are written as case.<workflow action>.
    for (const a of ['approve', 'return', 'reject', 'uphold_objection', 'dismiss_objection', 'pay'] as const) {
      expect(CASE_ACTIONS).toContain(a);
      expect(known.has(`case.${a}`)).toBe(true);
    }
  });

  it.each(['zh-CN', 'en'] as const)('has a sentence for every action in %s, naming the record', (locale) => {
    const t = createTranslator({ locale, messages: messagesFor(locale) });
    for (const action of AUDIT_ACTIONS) {
      expect(t.has(sentenceKey(action) as never), action).toBe(true);
      const text = t(sentenceKey(action) as never, { record: 'REC' } as never);
      expect(text).not.toContain(action);
    }
    expect(t('audit.sentences.case.approve' as never, { record: 'No. 12' } as never)).toMatch(
      locale === 'en' ? /^Approved application No\. 12$/ : /同意申请/,
    );
  });

  it('offers a "kind of change" for every action, cases, payments, budgets and standards included', () => {
    for (const action of AUDIT_ACTIONS)
      expect(
        AUDIT_GROUPS.some((g) => action.startsWith(g.prefix)),
        action,
      ).toBe(true);
    const keys = AUDIT_GROUPS.map((g) => g.key);
    expect(keys).toEqual(expect.arrayContaining(['cases', 'payments', 'budgets', 'standards']));
    for (const locale of ['zh-CN', 'en'] as const) {
      const t = createTranslator({ locale, messages: messagesFor(locale) });
      for (const g of AUDIT_GROUPS) expect(t.has(`audit.actions.${g.key}` as never), g.key).toBe(true);
    }
  });

  it('lists a change’s fields with their values before and after', () => {
    expect(changedFields({ state: 'reviewed', amountFen: 100 }, { state: 'in_publicity', step: 'approval' })).toEqual([
      { key: 'state', before: 'reviewed', after: 'in_publicity' },
      { key: 'amountFen', before: 100, after: undefined },
      { key: 'step', before: undefined, after: 'approval' },
    ]);
    expect(changedFields(null, ['x'])).toEqual([]);
  });
});
