import { expect, test, type DemoRole } from './fixtures';
import { expectNoAxeViolations, LANGUAGES, pageFor, WIDTHS } from './axe';

/**
 * One page per feature, as the role that uses it, at 360 px and at a desktop's width, in both
 * languages: axe finds no WCAG 2.2 A/AA violation (duplicate ids, contrast, scroll regions a
 * keyboard cannot reach, names, landmarks…).
 */
const PAGES: { feature: string; role: DemoRole | null; path: string; heading?: boolean }[] = [
  { feature: 'sign-in', role: null, path: '/login' },
  { feature: 'not found', role: 'worker', path: '/no-such-page' },
  { feature: 'dashboard', role: 'leader', path: '/dashboard' },
  { feature: 'aid cases', role: 'leader', path: '/cases' },
  { feature: 'publicity', role: 'leader', path: '/publicity' },
  { feature: 'aid standards', role: 'leader', path: '/aid-admin/standards' },
  { feature: 'hardship register', role: 'branch', path: '/households' },
  { feature: 'tasks', role: 'subBranch', path: '/tasks' },
  { feature: 'symposiums', role: 'leader', path: '/symposiums' },
  { feature: 'student fund', role: 'branch', path: '/students/awards' },
  { feature: 'reports', role: 'branch', path: '/reports' },
  { feature: 'workers', role: 'admin', path: '/workers' },
  { feature: 'accounts', role: 'admin', path: '/admin/users' },
  { feature: 'audit log', role: 'admin', path: '/admin/audit' },
  { feature: 'notifications', role: 'worker', path: '/notifications' },
  { feature: 'password', role: 'worker', path: '/account/password' },
  { feature: 'my data', role: 'worker', path: '/account/data' },
  { feature: 'roster import', role: 'admin', path: '/imports/roster' },
  { feature: 'household import', role: 'subBranch', path: '/imports/households' },
  { feature: 'enrolment import', role: 'subBranch', path: '/imports/enrolments' },
  { feature: 'premiums', role: 'leader', path: '/premiums' },
  { feature: 'premium batch', role: 'subBranch', path: '/premiums/1' },
  { feature: 'employment', role: 'branch', path: '/employment' },
  { feature: 'survivors', role: 'branch', path: '/survivors' },
  { feature: 'lone elderly', role: 'subBranch', path: '/elders' },
  { feature: 'mutual aid (cover)', role: 'worker', path: '/mutual-aid' },
  { feature: 'mutual aid (scheme form)', role: 'leader', path: '/mutual-aid/schemes/new' },
  // The demo seed's first scheme is the medical one.
  {
    feature: 'mutual aid (enrolment list)',
    role: 'subBranch',
    path: `/mutual-aid/enrolments?scheme=1&year=${new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()}`,
  },
  { feature: 'mutual aid (figures)', role: 'leader', path: '/mutual-aid' },
  {
    feature: 'mutual aid (claims list)',
    role: 'branch',
    path: `/mutual-aid/claims?scheme=1&year=${new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() - 1}`,
  },
];

test.describe('accessibility (axe, WCAG 2.2 AA)', () => {
  // An axe run takes a second or two on a quiet machine, and ten times that on a busy one.
  test.describe.configure({ timeout: 180_000 });

  for (const { feature, role, path } of PAGES)
    for (const locale of LANGUAGES)
      test(`${feature}: ${path} as ${role ?? 'a visitor'} in ${locale}, at 360 px and desktop`, async ({ browser }) => {
        for (const [size, viewport] of Object.entries(WIDTHS)) {
          const page = await pageFor(browser, role, locale, viewport);
          await page.goto(path);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await expectNoAxeViolations(page, `${path} (${locale}, ${size})`);
          await page.context().close();
        }
      });

  test('the header’s menus, open, at both sizes', async ({ browser }) => {
    for (const locale of LANGUAGES) {
      const phone = await pageFor(browser, 'leader', locale, WIDTHS.phone);
      await phone.goto('/cases/queue');
      await phone.getByTestId('user-menu').click();
      await expect(phone.getByRole('menu')).toBeVisible();
      await expectNoAxeViolations(phone, `account menu (${locale}, phone)`);
      await phone.keyboard.press('Escape');
      await phone.getByTestId('menu-button').click();
      await expect(phone.getByRole('dialog')).toBeVisible();
      await expectNoAxeViolations(phone, `menu drawer (${locale}, phone)`);
      await phone.context().close();

      const desktop = await pageFor(browser, 'leader', locale, WIDTHS.desktop);
      await desktop.goto('/cases/queue');
      // The role text on the account button, hovered, keeps its contrast.
      await desktop.getByTestId('user-menu').hover();
      await expectNoAxeViolations(desktop, `hovered account button (${locale})`, 'header');
      await desktop.getByTestId('nav-group-register').click();
      await expect(desktop.getByRole('menu')).toBeVisible();
      await expectNoAxeViolations(desktop, `menu group (${locale}, desktop)`);
      await desktop.context().close();
    }
  });

  test('the "show full number" dialog, open', async ({ browser }) => {
    for (const locale of LANGUAGES) {
      const page = await pageFor(browser, 'subBranch', locale, WIDTHS.phone);
      await page.goto('/workers?q=W0065');
      await page.getByRole('link', { name: 'W0065' }).click();
      await page.waitForURL(/\/workers\/\d+$/);
      await page.getByRole('button', { name: locale === 'en' ? 'Show full number' : '显示完整号码' }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await expectNoAxeViolations(page, `reveal dialog (${locale})`);
      await page.keyboard.press('Escape');
      await page.context().close();
    }
  });

  test('a confirmation dialog, open', async ({ browser }) => {
    for (const locale of LANGUAGES) {
      const page = await pageFor(browser, 'admin', locale, WIDTHS.phone);
      await page.goto('/admin/users?q=W0300');
      await page.getByRole('link', { name: 'W0300' }).click();
      await page.waitForURL(/\/admin\/users\/\d+$/);
      await page.getByRole('button', { name: locale === 'en' ? /disable/i : '停用账号' }).click();
      const dialog = page.getByRole('alertdialog');
      await expect(dialog).toBeVisible();
      // Focus moved into the dialog (to Cancel, the safe choice) and comes back to the button.
      await expect(dialog.getByRole('button', { name: locale === 'en' ? 'Cancel' : '取消' })).toBeFocused();
      await expectNoAxeViolations(page, `confirm dialog (${locale})`);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await expect(page.getByRole('button', { name: locale === 'en' ? /disable/i : '停用账号' })).toBeFocused();
      await page.context().close();
    }
  });
});
