import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import compile from 'icu-minify/compile';
import format from 'icu-minify/format';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '@/lib/i18n/catalog';
import { LOCALES } from '@/lib/i18n/locales';

/*
 * The build compiles every message ahead of time (next-intl's `precompile` option in
 * next.config.mjs) and the server formats the compiled form with icu-minify, while these tests
 * and the rest of the unit suite format the JSON at run time with next-intl's own parser. This
 * checks that both give the same text for every message, with every select and plural branch.
 */

const TIME_ZONE = 'Asia/Shanghai';
const WHEN = new Date(Date.UTC(2026, 2, 5, 6, 7, 8));
type Values = Record<string, string | number | Date | ((chunks: string) => string)>;

function leaves(node: object, prefix = ''): [string, string][] {
  return Object.entries(node).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

/** A value for every argument, then one set per select option and plural category. */
function valueSets(message: string): Values[] {
  const base: Values = {};
  const branches: [string, (string | number)[]][] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) base[el.value] ??= 'Xy';
      else if (el.type === TYPE.number) base[el.value] = 12345.5;
      else if (el.type === TYPE.date || el.type === TYPE.time) base[el.value] = WHEN;
      else if (el.type === TYPE.select || el.type === TYPE.plural) {
        const plural = el.type === TYPE.plural;
        base[el.value] ??= plural ? 3 : 'other';
        branches.push([el.value, plural ? [0, 1, 2, 5] : [...Object.keys(el.options), 'unknown']]);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) {
        // Rich text (<zh>…</zh>, <programme></programme>): compared as markup, each tag a string.
        base[el.value] = (chunks: string) => `<${el.value}>${chunks}</${el.value}>`;
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [base, ...branches.flatMap(([name, values]) => values.map((v) => ({ ...base, [name]: v })))];
}

const formatters = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
};

describe('precompiled messages', () => {
  it.each(LOCALES)('format like the run-time parser: %s', (locale) => {
    const messages = messagesFor(locale);
    const t = createTranslator({ locale, messages, timeZone: TIME_ZONE });
    const differences: string[] = [];
    let compared = 0;
    for (const [key, message] of leaves(messages)) {
      const compiled = compile(message);
      for (const values of valueSets(message)) {
        const rich = Object.values(values).some((v) => typeof v === 'function');
        const atRunTime = rich ? t.markup(key as never, values as never) : t(key as never, values as never);
        const output = format(compiled, locale, values as never, { timeZone: TIME_ZONE, formatters });
        const precompiled = Array.isArray(output) ? output.join('') : output;
        compared++;
        if (precompiled !== atRunTime)
          differences.push(`${key} ${JSON.stringify(values)}: ${precompiled} ≠ ${atRunTime}`);
      }
    }
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  });
});
