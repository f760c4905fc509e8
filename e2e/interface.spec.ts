import { expect, test } from './fixtures';

test.describe('interface', () => {
  test('the language switch changes the page and survives a reload', async ({ pageAs }) => {
    const page = await pageAs('leader');
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('全矿概况');
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The whole mine');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The whole mine');
    await expect(page.getByRole('link', { name: 'Dashboard' })).toBeVisible();
    const cookie = (await page.context().cookies()).find((c) => c.name === 'NEXT_LOCALE');
    expect(cookie?.value).toBe('en');
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('全矿概况');
  });

  const SCREENS = {
    admin: [
      '/dashboard',
      '/workers',
      '/admin/units',
      '/admin/users',
      '/admin/users/new',
      '/admin/audit',
      '/account/password',
    ],
    leader: [
      '/dashboard',
      '/households',
      '/households/new',
      '/tasks',
      '/symposiums',
      '/households/pairings',
      '/cases',
      '/cases/queue',
      '/publicity',
      '/notifications',
      '/aid-admin/standards',
      '/aid-admin/standards/new',
      '/aid-admin/budgets',
      '/students',
      '/students/awards',
      '/students/report',
      '/students/standards',
    ],
    subBranch: ['/dashboard', '/cases', '/cases/queue', '/publicity', '/students'],
    worker: [
      '/dashboard',
      '/cases',
      '/cases/new',
      '/publicity',
      '/notifications',
      '/students',
      '/students/new',
      '/students/apply',
    ],
  } as const;
  for (const [role, paths] of Object.entries(SCREENS)) {
    test(`every main screen of the ${role} fits a 360 px wide phone`, async ({ pageAs }) => {
      const page = await pageAs(role as keyof typeof SCREENS);
      await page.setViewportSize({ width: 360, height: 740 });
      const visit = async (path: string) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
      };
      for (const path of paths) await visit(path);
      if (role === 'leader') {
        // …and a household file, the longest page of all.
        await page.goto('/households?status=active');
        await page.getByRole('table').locator('tbody').getByRole('link').first().click();
        await page.waitForURL(/\/households\/\d+$/);
        await visit(new URL(page.url()).pathname);
        // …and a case with its history, and its printable form.
        await page.goto('/cases?state=paid');
        await page.getByRole('table').locator('tbody').getByRole('link').first().click();
        await page.waitForURL(/\/cases\/\d+$/);
        const casePath = new URL(page.url()).pathname;
        await visit(casePath);
        await visit(`${casePath}/print`);
      }
    });
  }

  test('a missing page answers 404 with no stack trace, and responses carry security headers', async ({ page }) => {
    const response = await page.goto('/login');
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBeTruthy();
    expect(headers['x-powered-by']).toBeUndefined();

    const health = await page.request.get('/api/health');
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  test('the 404 page shows no internals', async ({ pageAs }) => {
    const page = await pageAs('worker');
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: '页面或记录不存在' })).toBeVisible();
    await expect(page.locator('body')).not.toContainText(/at \w+ \(|node_modules|Error:/);
  });
});
