import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { endPublicityWindow } from './time-travel';

/** GB 11643: ISO 7064 MOD 11-2 over the first 17 digits; computed here, not borrowed from the app. */
function residentIdNumber(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The fund's school year (named by its first year) begins on 1 July, China time. */
function schoolYearNow(): number {
  const china = new Date(Date.now() + 8 * 3_600_000);
  return china.getUTCMonth() + 1 >= 7 ? china.getUTCFullYear() : china.getUTCFullYear() - 1;
}

const caseIdOf = (url: string) => Number(/\/cases\/(\d+)/.exec(url)?.[1]);

/** A one-page PDF: enough for the upload's content sniffing ("%PDF-"). */
const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  ),
});

/** An official's ordinary "同意" at their step of the chain, from the case page. */
async function approveAtStep(page: Page, caseId: number, nextState: string) {
  await page.goto(`/cases/${caseId}`);
  const form = page.getByTestId('decision-form');
  await expect(form.getByRole('radio', { name: '同意', exact: true })).toBeChecked();
  await form.getByLabel('意见说明').fill('材料齐全，情况属实。');
  await form.getByRole('button', { name: '同意', exact: true }).click();
  await expect(page.getByTestId('case-status')).toContainText(nextState);
}

/** The leader who did not approve records the payment; returns the amount paid as shown. */
async function pay(page: Page, caseId: number, reference: string): Promise<string> {
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByTestId('case-status')).toContainText('待发放');
  const amount = (await page.getByTestId('amount').locator('p').first().innerText()).trim();
  const form = page.getByTestId('payment-form');
  await expect(form.getByTestId('budget-left')).toContainText(amount);
  await form.getByLabel('发放方式').selectOption({ label: '银行转账' });
  await form.getByLabel('凭证号').fill(reference);
  await form.getByRole('button', { name: '登记发放' }).click();
  await expect(page.getByTestId('case-status')).toContainText('已发放');
  const record = page.getByTestId('payment-record');
  await expect(record).toContainText(amount);
  await expect(record).toContainText(reference);
  return amount;
}

/**
 * The case on the notice board under the student's masked name, never the whole one; found by its
 * link, so the viewer is one who may open the case (the paying leader).
 */
async function expectOnBoard(page: Page, caseId: number, kind: string, name: string) {
  const masked = `${name[0]}*${name[name.length - 1]}`;
  await page.goto('/publicity');
  await page.getByLabel('帮扶类别').selectOption({ label: kind });
  await page.getByRole('button', { name: '筛选' }).click();
  const notice = page.getByRole('listitem').filter({ has: page.locator(`a[href="/cases/${caseId}"]`) });
  await expect(notice.getByRole('heading', { level: 3 })).toContainText(masked);
  await expect(notice).toContainText(kind);
  await expect(notice).not.toContainText(name);
}

test('a worker’s child: registered, aided on the chain with an admission letter, paid; nominated, awarded a tier, paid; the parent sees the award', async ({
  pageAs,
}) => {
  test.setTimeout(240_000);

  const schoolYear = schoolYearNow();
  const tag = String(Date.now() % 1000).padStart(3, '0');
  // Rare characters: the name must find exactly this student in the nominees' search.
  const name = `岑${'曦璟珂玥瑾'[Number(tag) % 5]}${'澜汐溪沅漪'[Math.floor(Number(tag) / 5) % 5]}`;
  // Eighteen at admission: a new university entrant of this school year.
  const idNumber = residentIdNumber('370203', `${schoolYear - 18}0315`, tag);
  const worker = await pageAs('worker');

  const studentId = await test.step('W0001 registers the child', async () => {
    await worker.goto('/students');
    await worker.getByRole('link', { name: '登记子女' }).first().click();
    await worker.getByLabel('学生姓名').fill(name);
    await worker.getByLabel('身份证号码').fill(idNumber);
    await worker.getByLabel('学校', { exact: true }).fill('山东大学');
    await worker.getByLabel('学段', { exact: true }).selectOption({ label: '本科' });
    await worker.getByLabel('年级', { exact: true }).selectOption({ label: '1年级' });
    await worker.getByLabel('入学年份').fill(String(schoolYear));
    await worker.getByRole('button', { name: '登记', exact: true }).click();
    await expect(worker).toHaveURL(/\/students$/);
    const card = worker.getByRole('listitem').filter({ has: worker.getByRole('heading', { name }) });
    // Masked outside the edit form: the first four and last four only.
    await expect(card).toContainText(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    await expect(card).not.toContainText(idNumber);
    await expect(card).toContainText('本科1年级');
    const href = await card.getByRole('link', { name: '申请助学金' }).getAttribute('href');
    return Number(/student=(\d+)/.exec(href!)?.[1]);
  });

  const aidId = await test.step('W0001 applies for student aid with the admission letter', async () => {
    await worker.goto('/students/apply');
    await worker.getByLabel('学生').selectOption(String(studentId));
    await worker.getByRole('button', { name: '核对并继续' }).click();
    const form = worker.locator('form').filter({ has: worker.getByRole('button', { name: '提交申请' }) });
    await expect(form.getByLabel('学段', { exact: true })).toHaveValue('undergraduate');
    await expect(form.getByLabel('年级', { exact: true })).toHaveValue('1');
    // A new entrant proves admission, not enrolment.
    await expect(form.getByLabel('在读证明')).toHaveCount(0);
    await form.getByLabel('本学年学费（元）').fill('5200');
    await form.getByLabel('本学年生活费（元）').fill('3600');
    await form.getByLabel('家庭情况').fill('父亲井下作业，母亲无业，家中另有一名在读小学生。');
    await form.getByLabel('录取通知书').setInputFiles(pdf('录取通知书.pdf'));
    await form.getByRole('button', { name: '提交申请' }).click();
    await expect(worker).toHaveURL(/\/cases\/\d+$/);
    await expect(worker.getByTestId('case-status')).toContainText('待支会核实');
    await expect(worker.getByTestId('documents')).toContainText('录取通知书.pdf');
    await expect(worker.getByText('已上传录取通知书')).toBeVisible();
    return caseIdOf(worker.url());
  });

  await test.step('a second application this school year is refused on choosing the student', async () => {
    await worker.goto('/students/apply');
    await worker.getByLabel('学生').selectOption(String(studentId));
    await worker.getByRole('button', { name: '核对并继续' }).click();
    const refusal = worker
      .getByRole('status')
      .filter({ hasText: '这名学生本学年已经有助学申请，每学年只能申请一次。' });
    await expect(refusal).toContainText(`${name}在${schoolYear}–${schoolYear + 1}学年已有一份申请（待支会核实）`);
    await expect(refusal.getByRole('link', { name: '查看这份申请' })).toHaveAttribute('href', `/cases/${aidId}`);
    await expect(worker.getByRole('button', { name: '提交申请' })).toHaveCount(0);
  });

  const leader = await pageAs('leader');
  const payer = await pageAs('leader2');

  const aidAmount =
    await test.step('S0001 verifies, B0001 reviews, L0001 approves; the board names the student masked; L0002 pays', async () => {
      await approveAtStep(await pageAs('subBranch'), aidId, '待分会审核');
      await approveAtStep(await pageAs('branch'), aidId, '待矿领导审批');
      await approveAtStep(leader, aidId, '公示中');
      await expectOnBoard(payer, aidId, '圆梦助学', name);
      await endPublicityWindow(aidId);
      // The approver cannot also pay.
      await leader.reload();
      await expect(leader.getByTestId('case-status')).toContainText('待发放');
      await expect(leader.getByTestId('payment-form')).toHaveCount(0);
      return pay(payer, aidId, `YM-E2E-A${tag}`);
    });

  const awardId = await test.step('B0001 nominates the aided student with results and a document', async () => {
    const branch = await pageAs('branch');
    await branch.goto('/students/awards');
    const search = branch.getByRole('search');
    await search.getByLabel('搜索').fill(name);
    await search.getByRole('button', { name: '搜索' }).click();
    await branch.getByRole('link', { name: `推荐${name}` }).click();
    await expect(branch.getByText(`推荐${name}为本学年优秀受助生。`)).toBeVisible();
    await branch.getByLabel('学习成绩').fill('平均分93分，绩点3.9');
    await branch.getByLabel('年级或专业排名').fill('2/118');
    await branch.getByLabel('获奖与荣誉').fill('校级一等奖学金');
    await branch.getByLabel('推荐意见').fill('品学兼优，积极参加志愿服务。');
    await branch.getByLabel('成绩与获奖证明').setInputFiles(pdf('成绩单.pdf'));
    await branch.getByRole('button', { name: '推荐', exact: true }).click();
    await expect(branch).toHaveURL(/\/students\/awards$/);
    const nomination = branch
      .getByRole('listitem')
      .filter({ hasText: name })
      .filter({ has: branch.getByRole('link', { name: '查看这份申请' }) });
    await expect(nomination).toContainText('平均分93分，绩点3.9');
    await expect(nomination).toContainText('成绩单.pdf');
    return caseIdOf((await nomination.getByRole('link', { name: '查看这份申请' }).getAttribute('href'))!);
  });

  const awardAmount =
    await test.step('L0001 awards the second tier; the award goes through publicity; L0002 pays it', async () => {
      await leader.goto('/students/awards');
      const nomination = leader
        .getByRole('listitem')
        .filter({ hasText: name })
        .filter({ has: leader.getByRole('button', { name: '评定并公示' }) });
      await expect(nomination).toContainText('2/118');
      await nomination.getByRole('radio', { name: /二等奖/ }).check();
      await nomination.getByLabel('意见', { exact: true }).fill('评为二等奖。');
      await nomination.getByRole('button', { name: '评定并公示' }).click();
      const decided = leader.getByRole('table', { name: '已评定' }).getByRole('row').filter({ hasText: name });
      await expect(decided).toContainText('二等奖');
      await expect(decided).toContainText('公示中');
      await expect(decided.getByRole('link', { name })).toHaveAttribute('href', `/cases/${awardId}`);
      await expectOnBoard(payer, awardId, '优秀受助生奖励', name);
      await endPublicityWindow(awardId);
      return pay(payer, awardId, `YM-E2E-B${tag}`);
    });

  await test.step('W0001 sees the child’s aid and award, both paid', async () => {
    await worker.goto('/students');
    const cases = worker
      .getByRole('listitem')
      .filter({ has: worker.getByRole('heading', { name }) })
      .getByRole('listitem');
    const year = `${schoolYear}–${schoolYear + 1}学年`;
    const aid = cases.filter({ hasText: `${year} 助学金` });
    await expect(aid).toContainText('已发放');
    await expect(aid).toContainText(aidAmount);
    const award = cases.filter({ hasText: `${year} 优秀受助生奖励` });
    await expect(award).toContainText('二等奖');
    await expect(award).toContainText('已发放');
    await expect(award).toContainText(awardAmount);
  });
});
