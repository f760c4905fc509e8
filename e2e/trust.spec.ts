import { expect, test } from './fixtures';
import { LANGUAGES, pageFor, WIDTHS } from './axe';

const WORDS = {
  'zh-CN': {
    show: '显示完整号码',
    reason: '查看原因',
    confirm: '显示',
    required: /必填|请填写/,
    shown: '已显示完整号码（已记录）',
    entity: '记录类型',
    entityUser: '账号',
    filter: '筛选',
    sentence: '查看职工',
  },
  en: {
    show: 'Show full number',
    reason: 'Reason',
    confirm: 'Show',
    required: /required/i,
    shown: 'Full number shown (recorded)',
    entity: 'Record type',
    entityUser: 'Accounts',
    filter: 'Filter',
    sentence: 'Opened the full ID number and phone of worker',
  },
} as const;

/**
 * Issue 21: a full ID number only on an explicit "show" with a reason, which the audit log records;
 * the audit page finds the row by its filters.
 */
test.describe('personal data shown on purpose, and the audit log that records it', () => {
  for (const [i, locale] of LANGUAGES.entries()) {
    test(`an official shows a worker's full ID number with a reason; the audit page finds it (${locale})`, async ({
      browser,
    }) => {
      const w = WORDS[locale];
      // Workers of S0001's sub-branch (the seed puts every 16th there), away from W0001–W0010.
      const worker = `W00${33 + 16 * i}`;
      const official = await pageFor(browser, 'subBranch', locale, WIDTHS.desktop);
      await official.goto(`/workers?q=${worker}`);
      await official.getByRole('link', { name: worker }).click();
      await official.waitForURL(/\/workers\/\d+$/);
      const id = official.getByTestId('id-number');
      await expect(id).toHaveText(/^\d{4}\*{10}[\dX]{4}$/);

      await official.getByRole('button', { name: w.show }).click();
      const dialog = official.getByRole('alertdialog');
      await expect(dialog).toBeVisible();
      // No reason: refused in the dialog, nothing shown.
      await dialog.getByRole('button', { name: w.confirm, exact: true }).click();
      await expect(dialog.getByText(w.required)).toBeVisible();
      await dialog.getByLabel(w.reason).fill('e2e: 核对帮扶申请 / checking an application');
      await dialog.getByRole('button', { name: w.confirm, exact: true }).click();
      await expect(dialog).toHaveCount(0);
      await expect(id).toHaveText(/^\d{17}[\dX]$/);
      await expect(official.getByText(w.shown)).toBeVisible();
      await official.context().close();

      const admin = await pageFor(browser, 'admin', locale, WIDTHS.phone);
      await admin.goto('/admin/audit');
      await admin.getByLabel(w.entity).selectOption({ label: w.entityUser });
      await admin.getByRole('button', { name: w.filter }).click();
      await admin.waitForURL(/entity=user/);
      const rows = admin.getByTestId('audit-rows');
      await expect(rows.getByText(w.sentence).first()).toBeVisible();
      await expect(rows).toContainText('e2e: 核对帮扶申请 / checking an application');
      await expect(rows).toContainText('S0001');
      // The export link carries the same filters.
      await expect(admin.getByRole('link', { name: locale === 'en' ? 'Export CSV' : '导出 CSV' })).toHaveAttribute(
        'href',
        /\/api\/audit\?.*entity=user/,
      );
      await admin.context().close();
    });
  }
});

test('a household’s edit form stays locked until its phone is shown with a reason, then saves', async ({ pageAs }) => {
  const official = await pageAs('branch');
  await official.goto('/households');
  await official.locator('a[href^="/households/"]').filter({ hasNotText: '建档' }).first().click();
  await official.waitForURL(/\/households\/\d+$/);
  await official.locator('summary', { hasText: '修改档案信息' }).click();
  const phone = official.getByLabel('联系电话');
  await expect(phone).toHaveAttribute('readonly', '');
  await expect(phone).toHaveAttribute('placeholder', /^\d{3}\*{4}\d{4}$/);
  await expect(official.getByRole('button', { name: '保存', exact: true })).toBeDisabled();
  await official.getByRole('button', { name: '显示完整号码' }).click();
  const dialog = official.getByRole('alertdialog');
  await dialog.getByLabel('查看原因').fill('e2e: 更新家庭住址前核对电话');
  await dialog.getByRole('button', { name: '显示', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(phone).toHaveValue(/^1\d{10}$/);
  // The dialog's own submit did not submit the edit form around it.
  await expect(official.getByTestId('form-success')).toHaveCount(0);
  await official.getByRole('button', { name: '保存', exact: true }).click();
  await expect(official.getByTestId('form-success')).toBeVisible();
});
