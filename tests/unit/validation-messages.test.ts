import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { messagesFor } from '@/lib/i18n/catalog';
import { decideSchema } from '@/lib/validation/cases';
import { optionalText, requiredText } from '@/lib/validation/common';
import { splitMessage } from '@/lib/validation/messages';
import { registerStudentSchema } from '@/lib/validation/students';

/** What a person reads next to the field, as components/ui/error-text.ts renders it. */
function shown(locale: 'en' | 'zh-CN', message: string): string {
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: 'errors' });
  const { key, values } = splitMessage(message);
  if (!t.has(key as never)) return t('invalid');
  return t(key as never, values as never);
}

function fieldMessage(schema: z.ZodType, input: unknown, field: string): string {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a failure');
  const issue = r.error.issues.find((i) => i.path[0] === field);
  if (!issue) throw new Error(`no issue on ${field}: ${JSON.stringify(r.error.issues)}`);
  return issue.message;
}

const decision = { caseId: 1, version: 1, decision: 'approve', comment: '' };

describe('messages that say what is wrong and what is allowed', () => {
  it.each([
    ['-100', /negative/, /负数/],
    ['abc', /digits/, /数字/],
    ['1.234', /two decimals/, /两位小数/],
    ['0', /more than zero/, /大于零/],
  ])('the approver’s amount %j', (amount, en, zh) => {
    const m = fieldMessage(decideSchema, { ...decision, amount }, 'amount');
    expect(shown('en', m)).toMatch(en);
    expect(shown('zh-CN', m)).toMatch(zh);
    expect(shown('en', m)).not.toBe(shown('en', 'invalid'));
  });

  it('an empty approver’s amount keeps the computed one, and a good one is read in fen', () => {
    expect(decideSchema.parse({ ...decision, amount: '' }).amount).toBeUndefined();
    expect(decideSchema.parse({ ...decision, amount: '1,200.5' }).amount).toBe(120050);
  });

  it('a text that is too long says the limit', () => {
    const m = requiredText(500).safeParse('x'.repeat(501)).error!.issues[0].message;
    expect(shown('en', m)).toBe('This is too long: at most 500 characters.');
    expect(shown('zh-CN', m)).toContain('500');
    expect(shown('en', optionalText(2000).safeParse('x'.repeat(2001)).error!.issues[0].message)).toContain('2000');
  });

  it('an admission year of 3000 says the allowed range', () => {
    const m = fieldMessage(
      registerStudentSchema,
      { name: '张三', idNumber: '', stage: 'university', grade: 1, admissionYear: '3000', school: '某大学' },
      'admissionYear',
    );
    const year = new Date().getFullYear();
    expect(shown('en', m)).toMatch(new RegExp(`from 1990 to (${year}|${year + 1})`));
    expect(shown('zh-CN', m)).toContain('1990');
  });
});
