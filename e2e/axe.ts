import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { storageFor, type DemoRole } from './fixtures';

/** WCAG 2.2 A and AA, which include duplicate-id-aria, color-contrast and scrollable-region-focusable. */
export const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MUST_RUN = ['duplicate-id-aria', 'color-contrast', 'scrollable-region-focusable'];

export const WIDTHS = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } } as const;
export const LANGUAGES = ['zh-CN', 'en'] as const;

/** A page signed in as `role` (or nobody), in one language (the NEXT_LOCALE cookie), at one size. */
export async function pageFor(
  browser: Browser,
  role: DemoRole | null,
  locale: (typeof LANGUAGES)[number],
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    storageState: role ? storageFor(role) : undefined,
  });
  // The same address as playwright.config.ts's baseURL.
  await context.addCookies([
    { name: 'NEXT_LOCALE', value: locale, url: `http://localhost:${Number(process.env.E2E_PORT || 3100)}` },
  ]);
  return context.newPage();
}

/** Runs axe on the page (or a part of it) and expects no violation, listing any with where they are. */
export async function expectNoAxeViolations(page: Page, what: string, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(WCAG22_AA);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const ran = [...results.passes, ...results.violations, ...results.inapplicable, ...results.incomplete].map(
    (r) => r.id,
  );
  for (const rule of MUST_RUN) expect(ran, `${rule} ran`).toContain(rule);
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes.length}× ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  expect(found, `axe on ${what}`).toEqual([]);
}

/** Only axe's duplicate-id-aria: no id that an ARIA attribute or a label points to is used twice. */
export async function expectUniqueIds(page: Page) {
  const results = await new AxeBuilder({ page }).withRules(['duplicate-id-aria']).analyze();
  expect(results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
}
