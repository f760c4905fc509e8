import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** A Stat's value and hint inside `box`, by its label ("已发放" → ["13", "¥12,700.00"]). */
async function stat(box: Locator, label: string): Promise<string[]> {
  const lines = (await box.innerText())
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const i = lines.indexOf(label);
  return lines.slice(i + 1, i + 3);
}

const yuan = (text: string) => Number(text.replace(/[¥,]/g, ''));

const row = (page: Page, employeeNo: string) => page.getByTestId('entries').locator('tr', { hasText: employeeNo });

// Confirmations are Radix alert dialogs (components/ui/confirm-action.tsx): role alertdialog.
async function confirmDialog(page: Page, label: string) {
  await page.getByRole('button', { name: label }).first().click();
  await page.getByRole('alertdialog').getByRole('button', { name: label }).click();
  await expect(page.getByRole('alertdialog')).toBeHidden();
}

test('a Spring Festival campaign: quotas, two sub-branches adjust, the branch confirms, the leader approves, a hand-over and the signed list; the figures follow', async ({
  pageAs,
}) => {
  // Five people and a dozen steps: longer than the default minute on a shared machine.
  test.setTimeout(300_000);
  const leader = await pageAs('leader');
  await leader.goto('/dashboard');
  const figures = leader.getByTestId('campaign-figures');
  const [deliveredBefore, amountBefore] = await stat(figures, '已发放');

  // The leader creates the campaign: three categories and the lone elderly, a quota for 采矿场分会 only.
  await leader.goto('/campaigns/new');
  await leader.getByLabel('名称').fill('春节送温暖（浏览器测试）');
  await leader.getByLabel('预算（元）').fill('20000');
  const extreme = leader.getByRole('group', { name: '特困户' });
  await extreme.getByLabel('现金（元）').fill('900');
  await extreme.getByLabel('实物').fill('大米 25 kg');
  await leader.getByRole('group', { name: '困难户', exact: true }).getByLabel('现金（元）').fill('700');
  await leader.getByRole('group', { name: '准困难户' }).getByLabel('现金（元）').fill('500');
  await leader.getByRole('group', { name: '孤寡老人', exact: true }).getByLabel('现金（元）').fill('600');
  await leader.getByLabel('采矿场分会').fill('6');
  await leader.getByRole('button', { name: '创建并生成名单' }).click();
  await expect(leader).toHaveURL(/\/campaigns\/\d+$/);
  const url = leader.url();
  await expect(row(leader, 'W0337')).toContainText('¥900.00');
  await expect(row(leader, 'W0161')).toContainText('¥500.00');

  // A quota below what is listed is refused next to the field.
  await leader.getByLabel('名额').fill('1');
  await leader.getByRole('button', { name: '保存名额' }).click();
  await expect(leader.getByText('名额不能少于该分会已列入名单的户数。')).toBeVisible();

  // 一采区支会 marks a household unreachable; 二采区支会 removes one and may not add another's household.
  const s1 = await pageAs('subBranch');
  await s1.goto(url);
  await row(s1, 'W0161').locator('summary').click();
  await row(s1, 'W0161').getByLabel('变更原因').fill('外出务工，联系不上');
  await row(s1, 'W0161').getByRole('button', { name: '联系不上' }).click();
  await expect(row(s1, 'W0161')).toContainText('外出务工，联系不上');
  await expect(s1.getByTestId('entries')).not.toContainText('W0018');

  const s2 = await pageAs('subBranch2');
  await s2.goto(url);
  await row(s2, 'W0018').locator('summary').click();
  await row(s2, 'W0018').getByLabel('变更原因').fill('已脱困');
  await row(s2, 'W0018').getByRole('button', { name: '移出' }).click();
  await expect(row(s2, 'W0018')).toContainText('已移出');
  await s2.getByText('增补一户').click();
  await s2.getByLabel('职工工号').fill('W0337');
  await s2.getByLabel('原因', { exact: true }).fill('补报');
  await s2.getByRole('button', { name: '加入名单' }).click();
  await expect(s2.getByText('您管理的单位中没有该工号的困难职工户。')).toBeVisible();

  // The branch confirms; the leader approves the whole list.
  const branch = await pageAs('branch');
  await branch.goto(url);
  await confirmDialog(branch, '确认本分会名单');
  await expect(branch.getByTestId('branch-totals')).toContainText('已确认');
  await leader.goto(url);
  await confirmDialog(leader, '审批全部名单');
  await expect(leader.getByText('已审批，发放中')).toBeVisible();

  // 一采区支会 hands over to W0337 and uploads the signed list: that part is then locked.
  await s1.goto(url);
  await row(s1, 'W0337').locator('summary').click();
  await row(s1, 'W0337').getByLabel('发放人').fill('李会计');
  await row(s1, 'W0337').getByLabel('领取人').fill('吴勇芳');
  await row(s1, 'W0337').locator('form').getByRole('button', { name: '登记发放' }).click();
  await expect(row(s1, 'W0337')).toContainText('李会计 → 吴勇芳');
  // …and to the lone elderly person of the sub-branch, listed outside the quota.
  const elder = s1.getByTestId('campaign-persons').locator('tr[data-kind="elder"]').first();
  await expect(elder).toContainText('¥600.00');
  await elder.locator('summary').click();
  await elder.getByLabel('发放人').fill('李会计');
  await elder.getByLabel('领取人').fill('本人');
  await elder.locator('form').getByRole('button', { name: '登记发放' }).click();
  await expect(elder).toContainText('李会计 → 本人');
  await s1.getByLabel('扫描件（PDF、JPEG 或 PNG，不超过 10 MB）').setInputFiles({
    name: '签领表.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% signed\n'),
  });
  await s1.getByRole('button', { name: '上传签字扫描件' }).click();
  await expect(s1.getByTestId('sheets')).toContainText('这部分已锁定');

  // The budget, the branch's totals and the leader's dashboard move by exactly ¥900 + ¥600, the
  // household ledger by its ¥900.
  await leader.goto(url);
  expect((await stat(leader.getByTestId('campaign-budget'), '已发放'))[0]).toBe('¥1,500.00');
  await expect(leader.getByTestId('branch-totals')).toContainText('¥1,500.00');
  await row(leader, 'W0337').getByRole('link', { name: '吴勇芳' }).click();
  await expect(leader.getByTestId('household-campaigns')).toContainText('春节送温暖（浏览器测试）');
  await expect(leader.getByTestId('household-campaigns')).toContainText('已发放');
  await leader.goto('/dashboard');
  const [deliveredAfter, amountAfter] = await stat(leader.getByTestId('campaign-figures'), '已发放');
  expect(Number(deliveredAfter)).toBe(Number(deliveredBefore) + 2);
  expect(yuan(amountAfter)).toBe(yuan(amountBefore) + 1500);
});

test('in English: a campaign without a budget or amounts is refused with messages next to the fields', async ({
  pageAs,
}) => {
  const leader = await pageAs('leader');
  await leader.goto('/dashboard');
  await leader.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: leader.url() }]);
  await leader.goto('/campaigns/new');
  await leader.getByLabel('Name').fill('Mid-Autumn visits');
  await leader.getByRole('button', { name: 'Create and draw the list' }).click();
  await expect(leader.getByText("Enter the campaign's budget (more than ¥0).")).toBeVisible();
  await expect(leader.getByText('Give at least one category an amount in cash or goods.')).toBeVisible();
  await expect(leader.getByText('Give at least one branch a quota above 0.')).toBeVisible();
  await expect(leader).toHaveURL(/\/campaigns\/new$/);
  await leader.goto('/campaigns');
  await expect(leader.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
  await expect(leader.getByRole('link', { name: /年春节送温暖$/ }).first()).toBeVisible();
});
