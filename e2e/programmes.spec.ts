import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Confirmations are Radix alert dialogs (components/ui/confirm-action.tsx): role alertdialog.
async function confirmDialog(page: Page, label: string) {
  await page.getByRole('button', { name: label }).first().click();
  await page.getByRole('alertdialog').getByRole('button', { name: label }).click();
  await expect(page.getByRole('alertdialog')).toBeHidden();
}

// Households other browser tests walk through: a job here must not take them off the register.
const TAKEN = [
  'W0001',
  'W0002',
  'W0017',
  'W0018',
  'W0150',
  'W0151',
  'W0152',
  'W0153',
  'W0154',
  'W0161',
  'W0300',
  'W0337',
];

test('a premium batch from opening to the list for the social insurance office', async ({ pageAs }) => {
  test.setTimeout(300_000);
  const leader = await pageAs('leader');
  await leader.goto('/premiums');
  await leader.locator('summary', { hasText: '开启年度批次' }).click();
  const year = await leader.getByRole('textbox', { name: '年度', exact: true }).inputValue();
  await leader.getByRole('textbox', { name: '每人缴费标准', exact: true }).fill('400');
  await leader.getByRole('textbox', { name: '预算', exact: true }).fill('200000');
  await leader.getByRole('button', { name: '开启年度批次' }).click();
  await expect(leader).toHaveURL(/\/premiums\/\d+$/);
  await expect(leader.getByRole('heading', { level: 1 })).toHaveText(`${year} 年医保代缴`);
  const url = leader.url();

  // A sub-branch official sees only their people; adding someone already listed is refused.
  const s1 = await pageAs('subBranch');
  await s1.goto(url);
  const first = s1.getByTestId('premium-entries').locator('tr').first();
  const name = (await first.locator('td').first().innerText()).split('\n')[0].trim();
  const employeeNo = (await first.locator('td').nth(1).innerText()).split('\n')[1].trim();
  await s1.locator('summary', { hasText: '增加人员' }).click();
  const add = s1.getByRole('form', { name: '增加人员' });
  await add.getByRole('textbox', { name: '职工工号', exact: true }).fill(employeeNo);
  await add.getByRole('textbox', { name: '家庭成员姓名', exact: true }).fill(name);
  await add.getByRole('textbox', { name: '原因', exact: true }).fill('补报');
  await add.getByRole('button', { name: '加入名单' }).click();
  await expect(s1.getByText('此人已在本年度的代缴名单中（每人每年一次）。')).toBeVisible();
  await confirmDialog(s1, '确认本支会名单');
  await expect(s1.getByTestId('premium-parts')).toContainText('已确认');

  // The leader confirms the remaining parts, approves, and records the one payment.
  await leader.reload();
  while ((await leader.getByRole('button', { name: '确认本支会名单' }).count()) > 0) {
    await confirmDialog(leader, '确认本支会名单');
    await leader.reload();
  }
  await confirmDialog(leader, '审批名单');
  await expect(leader.getByText('已审批').first()).toBeVisible();
  await leader.getByRole('textbox', { name: '缴费凭证号', exact: true }).fill('SB-E2E-001');
  await leader.getByRole('button', { name: '登记缴费' }).click();
  await expect(leader.getByTestId('premium-paid')).toContainText('SB-E2E-001');

  // The list for the office: the leader's has full ID numbers, the official's masked ones; the
  // budget drew exactly the rate for each person on it.
  const id = url.split('/').pop();
  const full = await leader.request.get(`/api/premiums/${id}/export?format=csv`);
  expect(full.status()).toBe(200);
  const csv = await full.text();
  expect(csv).toContain('序号');
  const people = csv.trim().split('\n').length - 1;
  expect(people).toBeGreaterThan(0);
  expect(csv).toMatch(/\d{17}[\dX]/);
  await expect(leader.getByTestId('premium-budget')).toContainText(`¥${(people * 400).toLocaleString('en-US')}.00`);
  const masked = await (await s1.request.get(`/api/premiums/${id}/export?format=csv`)).text();
  expect(masked).not.toMatch(/\d{17}[\dX]/);
  expect(masked).toContain('****');
});

test("in English: a graduate's file from the suggestion to the placement and the household's exit", async ({
  pageAs,
}) => {
  test.setTimeout(180_000);
  const leader = await pageAs('leader');
  await leader.goto('/dashboard');
  await leader.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: leader.url() }]);
  await leader.goto('/employment');
  await expect(leader.getByRole('heading', { level: 1 })).toHaveText('Employment assistance');
  const rows = leader.getByTestId('employment-suggestions').locator('tr');
  let chosen = -1;
  for (let i = 0; i < (await rows.count()); i++) {
    const text = await rows.nth(i).innerText();
    if (!TAKEN.some((no) => text.includes(no))) {
      chosen = i;
      break;
    }
  }
  expect(chosen).toBeGreaterThanOrEqual(0);
  const row = rows.nth(chosen);
  const name = (await row.locator('td').first().innerText()).trim();
  await row.getByRole('button', { name: 'Open a file' }).click();
  await leader.getByRole('alertdialog').getByRole('button', { name: 'Open a file' }).click();
  // The suggestion becomes a file (and leaves the suggestions, which may then be empty).
  await expect(leader.getByTestId('employment-files').getByRole('link', { name })).toBeVisible();
  await expect(leader.getByTestId('employment-suggestions').getByText(name)).toHaveCount(0);

  await leader.getByTestId('employment-files').getByRole('link', { name }).first().click();
  await expect(leader.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(leader.getByTestId('employment-household')).toContainText('On the register');

  await leader.getByLabel('Type').selectOption('referral');
  await leader.getByLabel('What happened').fill('Referred to the concentrator');
  await leader.getByLabel('Employer').last().fill('Concentrator plant');
  await leader.getByRole('button', { name: 'Record a follow-up or referral' }).click();
  await expect(leader.getByTestId('employment-follow-ups')).toContainText('Referred to the concentrator');

  await leader.getByLabel('Employer').first().fill('Concentrator plant');
  await leader.getByRole('button', { name: 'Record the placement' }).click();
  await expect(leader.getByTestId('employment-outcome')).toContainText('Placed at the mine');

  await confirmDialog(leader, 'Link the exit from hardship');
  await expect(leader.getByTestId('employment-household')).toContainText('Left hardship');
  await expect(leader.getByTestId('employment-household')).toContainText('Exit from hardship linked');

  // The household's ledger shows the job; its file has left the register.
  await leader.getByTestId('employment-details').getByRole('link').first().click();
  await expect(leader.getByTestId('household-jobs')).toContainText(name);
  await expect(leader.getByTestId('household-jobs')).toContainText('Exit from hardship linked');
});
