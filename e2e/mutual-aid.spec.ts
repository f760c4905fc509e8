import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { casePage, decide, PDF, PNG } from './pages/cases';

/** The first amount in a text: "¥10,500.00 (1 次申请)" → 10500; "-¥3.00" → -3. */
const yuanIn = (text: string) => {
  const m = /(-?)¥([\d,]+\.\d\d)/.exec(text);
  if (!m) throw new Error(`no amount in ${text}`);
  return Number(`${m[1]}${m[2].replace(/,/g, '')}`);
};
const PORT = Number(process.env.E2E_PORT || 3100);
import { waitOutWaitingPeriod } from './time-travel';

/*
 * Guarantee (保障帮扶) in the browser: W0161 (on the register, no mutual aid in the demo seed) is enrolled by his
 * sub-branch, confirmed by the branch, waits out the waiting period (time travel), claims for a
 * hospital stay with his papers, sees the payout computed line by line, is returned for a missing
 * paper, completes it, is approved through the chain and paid; the fund, his cap, his household's ledger and the leader's
 * figures move by exactly the payout. The English pass does the same enrolment and bad input for
 * W0002 with S0002.
 */

const SCHEME = '职工住院医疗互助';
const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function fundBalance(leader: Page): Promise<number> {
  await leader.goto('/mutual-aid/funds');
  const row = leader
    .locator('tr', { hasText: SCHEME })
    .filter({ hasText: String(year) })
    .first();
  return yuanIn(await row.locator('td').nth(5).innerText());
}

/** What the leader's dashboard (首页) shows as paid this year in the hospital scheme. */
async function paidThisYear(leader: Page): Promise<number> {
  await leader.goto('/dashboard');
  const row = leader.getByRole('table', { name: `${year} 年互助保障` }).locator('tr', { hasText: SCHEME });
  return yuanIn(await row.locator('td').last().innerText());
}

/** What W0161's household page (一户一账) shows as paid by mutual aid: nothing yet, or the total line. */
async function householdLedgerPaid(leader: Page): Promise<number> {
  await leader.goto('/households?q=W0161');
  await leader.getByRole('link', { name: 'W0161', exact: true }).click();
  await expect(leader).toHaveURL(/\/households\/\d+$/);
  await expect(leader.getByRole('heading', { name: '互助保障给付' })).toBeVisible();
  const total = leader.getByTestId('household-mutual-total');
  return (await total.count()) === 0 ? 0 : yuanIn(await total.innerText());
}

async function upload(page: Page, kind: string, name: string, buffer: Buffer, mimeType: string) {
  await page.getByLabel('材料类别').selectOption({ label: kind });
  await page.getByLabel('文件').setInputFiles({ name, mimeType, buffer });
  await page.getByRole('button', { name: '上传' }).click();
  await expect(page.getByText(name)).toBeVisible();
}

test('a worker enrolled by his union waits out the waiting period, claims with papers, is returned once and paid; fund, cap and figures follow', async ({
  pageAs,
}) => {
  test.setTimeout(300_000);
  const leader = await pageAs('leader');
  const paidBefore = await paidThisYear(leader);
  const ledgerBefore = await householdLedgerPaid(leader);

  // The sub-branch lists W0161 from the roster; the branch confirms; his contribution is payroll-deducted.
  const sub = await pageAs('subBranch');
  await sub.goto('/mutual-aid');
  await sub
    .locator('tr', { hasText: SCHEME })
    .getByRole('link', { name: `${year} 年`, exact: true })
    .click();
  await sub.getByLabel('姓名或工号').fill('W0161');
  await sub.getByRole('button', { name: '搜索' }).click();
  await sub.getByLabel(/^W0161 /).check();
  await sub.getByRole('button', { name: '列入名单（1 人）' }).click();
  await expect(sub.getByText('已列入 1 人')).toBeVisible();
  const listUrl = sub.url();

  const branch = await pageAs('branch');
  await branch.goto(listUrl);
  await branch.getByLabel(/^W0161 /).check();
  await branch.getByRole('button', { name: '确认所选参保' }).click();
  await expect(branch.getByText('已保存。')).toBeVisible();
  await sub.goto(listUrl);
  await sub.getByLabel(/^W0161 /).check();
  await sub.getByRole('button', { name: '标记为工资代扣' }).click();
  await expect(sub.getByText('已保存。')).toBeVisible();

  // His cover page: confirmed, cover after the waiting period; a claim now is refused with the reason.
  const worker = await pageAs('householder');
  await worker.goto('/mutual-aid');
  const mine = worker.locator('tr', { hasText: SCHEME }).filter({ hasText: String(year) });
  await expect(mine).toContainText('已确认');
  await mine.getByRole('link', { name: '申请互助金' }).click();
  const fill = async (selfPaid: string) => {
    await worker.getByLabel('发病或事故日期').fill(today);
    await worker.getByLabel('入院日期').fill(today);
    await worker.getByLabel('出院日期').fill(today);
    await worker.getByLabel('医院', { exact: true }).fill('矿区职工医院');
    await worker.getByLabel('总费用（元）').fill('40000');
    await worker.getByLabel('基本医保支付（元）').fill('20000');
    await worker.getByLabel('其他保险支付（元）').fill('0');
    await worker.getByLabel('个人自付（元）').fill(selfPaid);
    await worker.getByLabel('诊断', { exact: true }).fill('急性胰腺炎');
    await worker.getByRole('button', { name: '保存并计算' }).click();
  };
  await fill('20000');
  await expect(worker.getByText('事故或就医日期在等待期内，尚未开始保障。')).toBeVisible();

  await waitOutWaitingPeriod('W0161', 'medical');
  // Costs that do not add up: the message sits next to the field, nothing is saved.
  await fill('19000');
  await expect(worker.getByText('基本医保 + 其他保险 + 个人自付必须等于总费用。')).toBeVisible();
  await fill('20000');
  await expect(worker).toHaveURL(/\/mutual-aid\/claims\/\d+$/);
  const claimUrl = worker.url();
  const caseId = Number(claimUrl.split('/').pop());
  // ¥20,000 self-paid: ¥1,000 deductible, ¥9,000 × 50 % + ¥10,000 × 60 % = ¥10,500.
  await expect(worker.getByTestId('payout')).toHaveText('¥10,500.00');
  await expect(worker.getByText('年度封顶 ¥30,200.00，已用 ¥0.00，剩余 ¥30,200.00')).toBeVisible();

  // A photo renamed .pdf is refused; then the three papers the scheme asks for.
  await worker.getByLabel('材料类别').selectOption({ label: '住院结算单（医保盖章）' });
  await worker.getByLabel('文件').setInputFiles({ name: '结算单.pdf', mimeType: 'application/pdf', buffer: PNG });
  await worker.getByRole('button', { name: '上传' }).click();
  await expect(worker.getByText('文件内容与文件名不符')).toBeVisible();
  await upload(worker, '住院结算单（医保盖章）', '结算单.pdf', PDF, 'application/pdf');
  await upload(worker, '发票', '发票.png', PNG, 'image/png');
  await worker.getByRole('button', { name: '提交申请' }).click();
  await expect(worker.getByText('还缺少该险种要求的材料，请上传后再提交。')).toBeVisible();
  await upload(worker, '出院记录', '出院记录.pdf', PDF, 'application/pdf');
  await worker.getByRole('button', { name: '提交申请' }).click();
  await expect(worker.getByText('待支会核实')).toBeVisible();

  // Verified; the branch returns it for the itemised costs; he adds them and sends it back.
  await decide(sub, caseId, '同意', '待分会审核');
  await decide(branch, caseId, '退回补充材料', '退回补充（审核）', { comment: '请补充费用明细' });
  await worker.goto(claimUrl);
  await upload(worker, '费用明细', '费用明细.pdf', PDF, 'application/pdf');
  await worker.getByRole('button', { name: '补充后重新提交' }).click();
  await expect(worker.getByText('待分会审核')).toBeVisible();
  await decide(branch, caseId, '同意', '待矿领导审批');
  // Medical claims are not published (公示): approval leads straight to payment.
  await decide(leader, caseId, '同意', '待发放');

  const balanceBefore = await fundBalance(leader);
  const payer = await pageAs('leader2');
  await payer.goto(`/cases/${caseId}`);
  const pay = casePage(payer).payment;
  await expect(pay.getByTestId('budget-left')).toContainText('互助基金支付');
  await pay.getByLabel('发放方式').selectOption({ label: '银行转账' });
  await pay.getByLabel('凭证号').fill(`HZ-E2E-${caseId}`);
  await pay.getByRole('button', { name: '登记发放' }).click();
  await expect(casePage(payer).status).toContainText('已发放');

  // Everything moves by exactly the payout.
  expect(await fundBalance(leader)).toBe(balanceBefore - 10_500);
  expect(await paidThisYear(leader)).toBe(paidBefore + 10_500);
  expect(await householdLedgerPaid(leader)).toBe(ledgerBefore + 10_500);
  await worker.goto('/mutual-aid');
  const cover = worker.locator('tr', { hasText: SCHEME }).filter({ hasText: String(year) });
  expect(yuanIn(await cover.locator('td').nth(8).innerText())).toBe(19_700);
  expect(yuanIn(await cover.locator('td').nth(7).innerText())).toBe(10_500);
  // The diagnosis is on the case page for the deciders, never on the publicity board.
  await leader.goto(`/cases/${caseId}`);
  await expect(leader.getByTestId('claim-facts')).toContainText('急性胰腺炎');
  await leader.goto('/publicity');
  await expect(leader.getByText('急性胰腺炎')).toHaveCount(0);
});

test('in English: a second sub-branch lists its worker, who sees it and cannot ask twice', async ({ pageAs }) => {
  test.setTimeout(180_000);
  const english = { name: 'NEXT_LOCALE', value: 'en', url: `http://localhost:${PORT}` };
  const sub = await pageAs('subBranch2');
  await sub.context().addCookies([english]);
  await sub.goto('/mutual-aid');
  await expect(sub.getByRole('heading', { level: 1 })).toHaveText('Mutual aid');
  await sub
    .locator('tr', { hasText: 'Hospital mutual aid' })
    .getByRole('link', { name: String(year), exact: true })
    .click();
  await sub.getByLabel('Name or employee no.').fill('W0002');
  await sub.getByRole('button', { name: 'Search' }).click();
  await sub.getByLabel(/W0002/).check();
  await sub.getByRole('button', { name: 'Add to the list (1)' }).click();
  await expect(sub.getByText('Listed 1; 0 were already on the list.')).toBeVisible();
  await expect(sub.locator('tr', { hasText: 'W0002' })).toContainText('Listed');

  // Listed but not yet confirmed: no claim yet, and asking to join again is refused with the reason.
  const worker = await pageAs('worker2');
  await worker.context().addCookies([english]);
  await worker.goto('/mutual-aid');
  const row = worker.locator('tr', { hasText: 'Hospital mutual aid' }).filter({ hasText: String(year) });
  await expect(row).toContainText('Listed');
  await expect(row.getByRole('link', { name: 'File a claim' })).toHaveCount(0);
  await worker.getByLabel('Scheme').selectOption({ label: 'Hospital mutual aid' });
  await worker.getByLabel('Year').selectOption(String(year));
  await worker.getByRole('button', { name: 'Ask to join' }).click();
  await expect(worker.getByText('You are already on the list for this term.')).toBeVisible();
});
