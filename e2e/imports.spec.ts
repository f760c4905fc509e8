import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, storageFor, test } from './fixtures';

const PORT = Number(process.env.E2E_PORT || 3100);

/** A CSV upload as the file chooser hands it over. */
const csvFile = (name: string, rows: string[][]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n'),
});

async function browserIn(browser: Browser, locale: 'zh-CN' | 'en', role?: 'admin' | 'subBranch') {
  const context = await browser.newContext({ storageState: role ? storageFor(role) : undefined });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: `http://localhost:${PORT}` }]);
  return context.newPage();
}

async function downloadText(page: Page, link: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  return readFile((await download.path())!, 'utf8');
}

// Two new workers of 一采区支会 (B01-01, S0001's sub-branch); the second test files their households.
const GOOD = [
  ['E7001', '陆一', 'B01-01', '110101199001010015', '13900007001'],
  ['E7002', '陆二', 'B01-01', '', ''],
];

test.describe.serial('imports', () => {
  test.describe.configure({ timeout: 300_000 });

  test('an administrator imports a roster: bad rows reported, the file fixed and imported, a new worker signs in (zh-CN)', async ({
    browser,
  }) => {
    const admin = await browserIn(browser, 'zh-CN', 'admin');
    await admin.goto('/imports/roster');
    await expect(admin.getByRole('heading', { level: 1, name: '导入职工名册' })).toBeVisible();
    const head = ['工号', '姓名', '单位编码', '身份证号码', '手机'];
    await admin
      .getByLabel('XLSX 或 CSV 文件')
      .setInputFiles(
        csvFile('名册.csv', [
          head,
          ...GOOD,
          ['E7003', '陆三', 'B01-01', '110101199001010020', ''],
          ['E7004', '陆四', 'NOPE', '', ''],
        ]),
      );
    await admin.getByRole('button', { name: '上传并试运行' }).click();
    await expect(admin).toHaveURL(/\/imports\/\d+$/);
    await expect(admin.getByText('有问题', { exact: true })).toBeVisible();
    const issues = admin.getByTestId('issues');
    await expect(issues.locator('tr', { hasText: '身份证号码校验位不正确' })).toContainText('4');
    await expect(issues.locator('tr', { hasText: '没有这个单位编码。' })).toContainText('5');
    await expectNoAxeViolations(admin, 'dry-run report (zh-CN)');
    const report = await downloadText(admin, '下载报告（CSV）');
    expect(report).toContain('行号,列,问题');
    expect(report).toContain('4,身份证号码,身份证号码校验位不正确，请核对。');

    // The fixed file: the bad rows corrected.
    await admin.getByRole('link', { name: '重新上传' }).click();
    await admin
      .getByLabel('XLSX 或 CSV 文件')
      .setInputFiles(
        csvFile('名册-改.csv', [
          head,
          ...GOOD,
          ['E7003', '陆三', 'B01-01', '', ''],
          ['E7004', '陆四', 'B01-02', '', ''],
        ]),
      );
    await admin.getByRole('button', { name: '上传并试运行' }).click();
    await expect(admin.getByText('可以导入', { exact: true })).toBeVisible();
    await expectNoAxeViolations(admin, 'ready to import (zh-CN)');
    await admin.getByRole('button', { name: '导入 4 条记录' }).click();
    await expect(admin.getByTestId('import-summary')).toHaveText('新建 4 条，更新 0 条，无变化 0 条。');
    const sheet = await downloadText(admin, '下载新账号初始密码（仅一次）');
    const line = sheet.split(/\r?\n/).find((l) => l.startsWith('E7001,'))!;
    const password = line.split(',')[2];
    expect(password).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    // Once: the page no longer offers the sheet.
    await admin.reload();
    await expect(admin.getByText(/新账号初始密码已于/)).toBeVisible();
    await expect(admin.getByRole('link', { name: '下载新账号初始密码（仅一次）' })).toHaveCount(0);

    // The new worker signs in with it and must set a password of their own first.
    const worker = await browserIn(browser, 'zh-CN');
    await worker.goto('/login');
    await worker.getByLabel('工号').fill('E7001');
    await worker.getByLabel('密码').fill(password);
    await worker.getByRole('button', { name: '登录' }).click();
    await expect(worker).toHaveURL(/\/account\/password\?first=1$/);
    await worker.getByLabel('当前密码').fill(password);
    await worker.getByLabel('新密码', { exact: true }).fill('lu7001pass');
    await worker.getByLabel('再次输入新密码').fill('lu7001pass');
    await worker.getByRole('button', { name: '修改密码' }).click();
    await expect(worker).toHaveURL(/changed=1$/);
    await worker.goto('/dashboard');
    await expect(worker).toHaveURL(/\/dashboard$/);
    await worker.context().close();
    await admin.context().close();
  });

  test('an official imports households for their unit (en)', async ({ browser }) => {
    const official = await browserIn(browser, 'en', 'subBranch');
    await official.goto('/imports/households');
    await expect(official.getByRole('heading', { level: 1, name: 'Import households' })).toBeVisible();
    const head = [
      'Employee number',
      'Category',
      'Keeping level',
      'Causes',
      'Monthly income (yuan)',
      'Address',
      'Phone',
      'Member name',
      'Member relation',
      'Member birth date',
    ];
    await official.getByLabel('XLSX or CSV file').setInputFiles(
      csvFile('households.csv', [
        head,
        [
          'E7001',
          // Not a category whose members the premium batch draws (e2e/programmes.spec.ts runs after).
          'Seriously ill worker',
          'sub_branch',
          'illness',
          '1500',
          'No. 1 Mine Road',
          '13900007001',
          'Lu Mei',
          'spouse',
          '1991-02-03',
        ],
        ['E7001', '', '', '', '', '', '', 'Lu Xiao', 'child', '2015-06-07'],
        ['E7002', 'near', 'sub_branch', 'poverty', '900', 'No. 2 Mine Road', '13900007002', '', '', ''],
      ]),
    );
    await official.getByRole('button', { name: 'Upload and dry run' }).click();
    await expect(official.getByText('Ready to import', { exact: true })).toBeVisible();
    await official.getByRole('button', { name: 'Import 2 records' }).click();
    await expect(official.getByTestId('import-summary')).toHaveText('2 created, 0 updated, 0 unchanged.');
    await expectNoAxeViolations(official, 'import done (en)');
    await official.context().close();
  });
  test('an official imports an enrolment list from the scheme-year’s list page (zh-CN)', async ({ browser }) => {
    const official = await browserIn(browser, 'zh-CN', 'subBranch');
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    await official.goto('/mutual-aid');
    await official
      .locator('tr', { hasText: '职工住院医疗互助' })
      .getByRole('link', { name: `${year} 年`, exact: true })
      .click();
    await official.getByRole('link', { name: '导入名单' }).click();
    await expect(official.getByRole('heading', { level: 1, name: '导入参保名单' })).toBeVisible();
    const head = ['工号', '姓名', '身份证号码', '份数'];
    await official
      .getByLabel('XLSX 或 CSV 文件')
      .setInputFiles(
        csvFile('名单.csv', [head, ['E7001', '陆一', '110101199001010015', '1'], ['E7002', '陆贰', '', '1']]),
      );
    await official.getByRole('button', { name: '上传并试运行' }).click();
    await expect(official.getByText('有问题', { exact: true })).toBeVisible();
    await expect(
      official.getByTestId('issues').locator('tr', { hasText: '姓名与职工名册中该工号的姓名不一致。' }),
    ).toContainText('3');
    await official.getByRole('link', { name: '重新上传' }).click();
    await official
      .getByLabel('XLSX 或 CSV 文件')
      .setInputFiles(
        csvFile('名单-改.csv', [head, ['E7001', '陆一', '110101199001010015', '1'], ['E7002', '陆二', '', '1']]),
      );
    await official.getByRole('button', { name: '上传并试运行' }).click();
    await expect(official.getByText('可以导入', { exact: true })).toBeVisible();
    await official.getByRole('button', { name: '导入 2 条记录' }).click();
    await expect(official.getByTestId('import-summary')).toHaveText('新建 2 条，更新 0 条，无变化 0 条。');
    await official.context().close();
  });
});
