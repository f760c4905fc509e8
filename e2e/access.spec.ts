import { expect, signIn, test } from './fixtures';

test.describe('who may see what', () => {
  test('a worker opening an official’s page is refused', async ({ pageAs }) => {
    const page = await pageAs('worker');
    for (const path of ['/workers', '/admin/users', '/admin/audit']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: '无权访问' })).toBeVisible();
    }
    // …and the menu does not offer them.
    await page.goto('/dashboard');
    await expect(page.getByRole('navigation', { name: '主菜单' }).getByRole('link')).toHaveText([
      '首页',
      '帮扶申请',
      '公示',
      '圆梦行动',
      '互助保障',
    ]);
  });

  test('an official of one branch gets 404 for a record of another branch, in the page and through the action', async ({
    pageAs,
  }) => {
    // The leader finds the ids: S0005 belongs to the second branch, W0001 to the first.
    const leader = await pageAs('leader');
    await leader.goto('/admin/users?q=S0005');
    await leader.getByRole('link', { name: 'S0005' }).click();
    await leader.waitForURL(/\/admin\/users\/\d+$/);
    const foreignId = leader.url().split('/').pop()!;
    const foreignPhoneBefore = await leader.getByTestId('person-details').textContent();
    await leader.goto('/admin/users?q=W0002');
    await leader.getByRole('link', { name: 'W0002' }).click();
    await leader.waitForURL(/\/admin\/users\/\d+$/);
    await expect(leader.getByRole('heading', { level: 1 })).toContainText('W0002');
    const ownId = leader.url().split('/').pop()!;

    const official = await pageAs('branch');
    const missing = await official.goto('/workers/99999999');
    expect(missing?.status()).toBe(404);
    const foreign = await official.goto(`/workers/${foreignId}`);
    expect(foreign?.status()).toBe(404);
    await expect(official.getByRole('heading', { name: '页面或记录不存在' })).toBeVisible();

    // Own branch: the page opens and the form works. Capture the action call it makes…
    const own = await official.goto(`/workers/${ownId}`);
    expect(own?.status()).toBe(200);
    await official.getByLabel('新手机号码').fill('13500001234');
    const [request] = await Promise.all([
      official.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
      official.getByRole('button', { name: '保存' }).click(),
    ]);
    await expect(official.getByTestId('form-success')).toBeVisible();

    // …then replay the same action directly with the foreign id.
    const body = request
      .postData()!
      .replace(`"userId":"${ownId}"`, `"userId":"${foreignId}"`)
      .replace(`"userId":${ownId}`, `"userId":${foreignId}`);
    expect(body).toContain(foreignId);
    const replay = await official.request.post(request.url(), { headers: request.headers(), data: body });
    const text = await replay.text();
    expect(text).toContain('"code":"not_found"');
    expect(text).not.toContain('"ok":true');

    await leader.goto(`/admin/users/${foreignId}`);
    await expect(leader.getByTestId('person-details')).toHaveText(foreignPhoneBefore!);
  });

  test('a disabled account’s live session stops working at its next request', async ({ pageAs, browser }) => {
    const admin = await pageAs('admin');
    await admin.goto('/admin/users/new');
    const employeeNo = `W${Date.now() % 1_000_000}`.padEnd(7, '0').slice(0, 7);
    await admin.getByLabel('工号').fill(employeeNo);
    await admin.getByLabel('姓名').fill('孙临时');
    await admin.getByLabel('单位').selectOption({ label: '青岭铜矿工会 / 采矿场分会 / 一采区支会' });
    await admin.getByLabel('身份证号码').fill('110105194912310021');
    await admin.getByLabel('初始密码').fill('start2026');
    await admin.getByRole('button', { name: '创建' }).click();
    // A wrong check digit is refused next to the field and nothing is saved.
    await expect(admin.getByText('身份证号码校验位不正确，请核对。')).toBeVisible();
    await expect(admin).toHaveURL(/\/admin\/users\/new$/);
    await admin.getByLabel('身份证号码').fill('');
    await admin.getByRole('button', { name: '创建' }).click();
    await expect(admin).toHaveURL(/\/admin\/users\/\d+$/);

    const userContext = await browser.newContext();
    const user = await userContext.newPage();
    await signIn(user, employeeNo, 'start2026');
    await expect(user.getByRole('heading', { level: 1 })).toContainText('孙临时');

    await admin.getByRole('button', { name: '停用账号' }).click();
    await admin.getByRole('alertdialog').getByRole('button', { name: '停用账号' }).click();
    await expect(admin.getByText('已停用', { exact: true }).first()).toBeVisible();

    await user.goto('/dashboard');
    await expect(user).toHaveURL(/\/login/);
    await userContext.close();

    // The change is in the audit log, with who did it.
    await admin.goto(`/admin/audit?who=A0001&what=user.`);
    // …as a sentence in the reader's language, not a code.
    await expect(admin.getByTestId('audit-rows')).toContainText('停用账号');
    await expect(admin.getByTestId('audit-rows')).not.toContainText('user.disable');
  });
});
