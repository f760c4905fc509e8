import { expect, test } from './fixtures';
import { LANGUAGES, pageFor, WIDTHS } from './axe';

/** Issue 18's phone and keyboard defects, each as a person meets it. */
test.describe('phones and keyboards', () => {
  // Each test opens several pages in both languages or at both sizes.
  test.describe.configure({ timeout: 180_000 });

  test('the account menu opens inside a 360 px screen, and works by keyboard', async ({ browser }) => {
    for (const locale of LANGUAGES) {
      const page = await pageFor(browser, 'worker', locale, WIDTHS.phone);
      await page.goto('/dashboard');
      await page.getByTestId('user-menu').focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu');
      await expect(menu).toBeVisible();
      for (const item of await menu.getByRole('menuitem').all()) {
        const box = (await item.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(WIDTHS.phone.width);
      }
      // Opened by keyboard, the first item has focus; Enter follows it.
      await expect(menu.getByRole('menuitem').first()).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/account\/password$/);
      await page.context().close();
    }
  });

  test('the leader’s 25 sections: grouped on a desktop, a drawer on a phone, the current one named', async ({
    browser,
  }) => {
    const desktop = await pageFor(browser, 'leader', 'en', WIDTHS.desktop);
    await desktop.goto('/payments');
    const strip = desktop.getByRole('navigation', { name: 'Main menu' });
    // One row that fits: nothing hidden off the side.
    expect(await strip.evaluate((nav) => nav.scrollWidth <= nav.clientWidth)).toBe(true);
    expect((await strip.boundingBox())!.height).toBeLessThan(56);
    await expect(strip.getByRole('link')).toHaveText(['Dashboard']);
    // The current section shows on its group.
    await expect(desktop.getByTestId('nav-group-cases')).toHaveText(/Aid cases\s*›\s*Payment ledger/);
    // A group opens by keyboard and lists its sections; all 25 are reachable.
    let sections = 1;
    for (const group of ['cases', 'register', 'programmes', 'reports', 'admin']) {
      await desktop.getByTestId(`nav-group-${group}`).focus();
      await desktop.keyboard.press('Enter');
      const menu = desktop.getByRole('menu');
      await expect(menu).toBeVisible();
      sections += await menu.getByRole('menuitem').count();
      await desktop.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);
    }
    expect(sections).toBe(25);
    await desktop.getByTestId('nav-group-register').click();
    await desktop.getByRole('menuitem', { name: 'Tasks' }).click();
    await expect(desktop).toHaveURL(/\/tasks$/);
    await expect(desktop.getByTestId('nav-group-register')).toHaveText(/Hardship register\s*›\s*Tasks/);
    await desktop.context().close();

    const phone = await pageFor(browser, 'leader', 'zh-CN', WIDTHS.phone);
    await phone.goto('/households/pairings');
    // A compact header: one row.
    expect((await phone.locator('header').boundingBox())!.height).toBeLessThanOrEqual(60);
    const button = phone.getByTestId('menu-button');
    await expect(button).toContainText('领导帮扶');
    await button.click();
    const drawer = phone.getByRole('dialog', { name: '职工帮扶服务平台' });
    await expect(drawer.getByRole('link')).toHaveCount(25 + 1);
    await expect(drawer.locator('[aria-current="page"]')).toHaveText('领导帮扶');
    for (const group of ['帮扶救助', '档案帮扶', '统计报表', '系统管理'])
      await expect(drawer.getByRole('heading', { name: group })).toBeVisible();
    await drawer.getByRole('link', { name: '待办审批' }).click();
    await expect(phone).toHaveURL(/\/cases\/queue$/);
    await expect(drawer).toHaveCount(0);
    await expect(button).toContainText('待办审批');
    await phone.context().close();
  });

  test('on a phone the leader’s aid list shows state and amount without scrolling; the table scrolls by keyboard', async ({
    browser,
  }) => {
    const page = await pageFor(browser, 'leader', 'zh-CN', WIDTHS.phone);
    await page.goto('/cases');
    const table = page.getByRole('table');
    for (const column of ['状态', '金额']) {
      const box = (await table.getByRole('columnheader', { name: column, exact: true }).boundingBox())!;
      expect(box.x + box.width, column).toBeLessThanOrEqual(WIDTHS.phone.width);
    }
    const region = page.getByRole('region', { name: await table.locator('caption').innerText() });
    await region.focus();
    await expect(region).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await page.context().close();
  });

  test('a branch official’s award page fits a 360 px screen', async ({ browser }) => {
    const page = await pageFor(browser, 'branch', 'zh-CN', WIDTHS.phone);
    await page.goto('/students/awards');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  test('Chinese inside English pages is marked as Chinese', async ({ browser }) => {
    const page = await pageFor(browser, 'branch', 'en', WIDTHS.desktop);
    await page.goto('/reports');
    const heading = page.getByRole('heading', { name: 'Homes visited (进百家门)' });
    await expect(heading).toBeVisible();
    await expect(heading.locator('[lang="zh-CN"]')).toHaveText('进百家门');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.context().close();
  });
});
