import { DEMO, LoginPage, PASSWORD, expect, signIn, test } from './fixtures';

const LANDING: Record<keyof typeof DEMO, RegExp> = {
  admin: /全矿概况/,
  leader: /全矿概况/,
  branch: /采矿场分会概况/,
  subBranch: /一采区支会概况/,
  worker: /张小明，您好/,
};

test.describe('signing in', () => {
  for (const role of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
    test(`${role} (${DEMO[role]}) lands on their own dashboard`, async ({ page }) => {
      await signIn(page, DEMO[role]);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(LANDING[role]);
    });
  }

  test('the leader dashboard shows every branch with real counts, the official only their sub-units', async ({
    pageAs,
  }) => {
    const leader = await pageAs('leader');
    await leader.goto('/dashboard');
    await expect(leader.getByTestId('unit-counts').getByRole('row')).toHaveCount(5);
    const branch = await pageAs('branch');
    await branch.goto('/dashboard');
    const rows = branch.getByTestId('unit-counts').getByRole('row');
    await expect(rows).toHaveCount(4);
    await expect(rows.first()).toContainText('一采区支会');
  });

  test('wrong credentials get one generic message', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('W0150', 'wrong-password1');
    await expect(login.error).toHaveText('工号或密码不正确。');
    await login.signIn('Z9999', PASSWORD);
    await expect(login.error).toHaveText('工号或密码不正确。');
    await expect(page).toHaveURL(/\/login/);
  });

  // lib/auth/throttle.ts: five failures from one address lock that address out of the account.
  test('the sixth attempt from the same address is refused even with the right password', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    for (let i = 1; i <= 5; i++) {
      await login.signIn('W0151', `wrong-${i}-pass`);
      await expect(login.error).toHaveText('工号或密码不正确。');
      // wait for the button to come back before the next try
      await expect(page.getByRole('button', { name: '登录' })).toBeEnabled();
    }
    await login.signIn('W0151', PASSWORD);
    await expect(login.error).toHaveText('失败次数过多，请几分钟后再试（继续失败会延长等待时间）。');
    await expect(page).toHaveURL(/\/login/);
  });

  test('signing in works by keyboard alone', async ({ page }) => {
    await page.goto('/login');
    // Nothing takes focus on load (jsx-a11y/no-autofocus): Tab to the first field, as a keyboard user does.
    const employeeNo = page.getByLabel('工号');
    for (let i = 0; i < 10 && !(await employeeNo.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(employeeNo).toBeFocused();
    await page.keyboard.type('W0152');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('signing out ends the session, on the server too', async ({ page, context }) => {
    await signIn(page, 'W0153');
    const oldCookies = await context.cookies(); // a copy, as another tab or a thief would hold it
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/login\?next=%2Fdashboard/);
    // The old cookie put back is refused: the session ended on the server, not just in this browser.
    await context.addCookies(oldCookies);
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel('工号')).toBeVisible();
  });

  test('a worker changes their password; the old one stops working', async ({ page }) => {
    await signIn(page, 'W0154');
    await page.goto('/account/password');
    await page.getByLabel('当前密码').fill(PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByLabel('再次输入新密码').fill('short');
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect(page.getByText('密码至少 8 位。')).toBeVisible();
    await page.getByLabel('新密码', { exact: true }).fill('copper2026');
    await page.getByLabel('再次输入新密码').fill('copper2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect(page.getByTestId('form-success')).toContainText('密码已修改');
    // This session was re-issued and still works.
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('您好');

    const other = await page.context().browser()!.newPage();
    const login = new LoginPage(other);
    await login.goto();
    await login.signIn('W0154', PASSWORD);
    await expect(login.error).toBeVisible();
    await login.signIn('W0154', 'copper2026');
    await expect(other).toHaveURL(/\/dashboard$/);
    await other.close();
  });
});
