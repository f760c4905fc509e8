import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectUniqueIds } from './axe';
import {
  ApplyFormPage,
  casePage,
  decide,
  decisionNotices,
  inQueue,
  PDF,
  PNG,
  unreadCount,
  yuanIn,
  yuanText,
} from './pages/cases';
import { endPublicityWindow } from './time-travel';

/*
 * The aid chain in the browser, each test on a case of its own, told apart from the demo seed's
 * by its number. Every test uses another aid kind, so that the yearly repeat rule of one never
 * meets another's case. W0001 (张小明) applies throughout; register.spec.ts may file his
 * household while these run, so amounts are read from the page, never assumed. The tests stay in
 * one file, which Playwright runs in one worker: W0001 opening a case page marks its notices
 * read, so two of these side by side could pull the bell's count down under another's check.
 */

const FULL_NAME = '张小明';
const MASKED = '张*明';

/** The worker's unread count, read on the notifications page (which itself marks nothing read). */
async function workerUnread(worker: Page) {
  await worker.goto('/notifications');
  return unreadCount(worker);
}

/** Verified by S0001, reviewed by B0001, approved by L0001: the case is then in publicity. */
async function throughApproval(pageAs: (role: 'subBranch' | 'branch' | 'leader') => Promise<Page>, caseId: number) {
  await decide(await pageAs('subBranch'), caseId, '同意', '待分会审核', { comment: '已入户核实，情况属实。' });
  await decide(await pageAs('branch'), caseId, '同意', '待矿领导审批');
  const leader = await pageAs('leader');
  await decide(leader, caseId, '同意', '公示中');
  return leader;
}

test('the full chain: a worker applies with a document, three people approve, the case is published masked, and a second leader pays it', async ({
  pageAs,
}) => {
  const kind = '因贫致困';
  const worker = await pageAs('worker');
  const proof = { name: 'income-proof.png', mimeType: 'image/png', buffer: PNG };
  const caseId = await new ApplyFormPage(worker).apply({
    kind,
    whatHappened: '家庭收入低，两个孩子上学开支大。',
    familySituation: '家庭四口人，配偶务农。',
    helpAsked: '申请生活困难补助',
    documents: [proof],
  });
  await expect(casePage(worker).facts).toContainText('家庭收入低，两个孩子上学开支大。');
  const unreadBefore = await workerUnread(worker);

  // Verification: in S0001's queue, the document downloads for the official, and not for a stranger.
  const subBranch = await pageAs('subBranch');
  expect(await inQueue(subBranch, 'verification', caseId)).toBe(true);
  await subBranch.goto(`/cases/${caseId}`);
  const docLink = subBranch.getByTestId('documents').getByRole('link', { name: proof.name });
  const href = (await docLink.getAttribute('href'))!;
  const download = await subBranch.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('image/png');
  expect(Buffer.from(await download.body()).equals(PNG)).toBe(true);
  const stranger = await pageAs('worker2');
  expect((await stranger.request.get(href)).status()).toBe(404);
  await decide(subBranch, caseId, '同意', '待分会审核', { comment: '已入户核实，情况属实。' });
  expect(await inQueue(subBranch, 'verification', caseId)).toBe(false);

  // The worker is told: the bell counts up and the notifications name the decision.
  expect(await workerUnread(worker)).toBeGreaterThan(unreadBefore);
  await expect(decisionNotices(worker, caseId, kind, '同意')).toHaveCount(1);

  // Review by B0001.
  const branch = await pageAs('branch');
  expect(await inQueue(branch, 'review', caseId)).toBe(true);
  await decide(branch, caseId, '同意', '待矿领导审批');
  expect(await inQueue(branch, 'review', caseId)).toBe(false);

  // Approval by L0001, another amount inside the range with a reason.
  const leader = await pageAs('leader');
  expect(await inQueue(leader, 'approval', caseId)).toBe(true);
  await leader.goto(`/cases/${caseId}`);
  const hint = await casePage(leader)
    .decision.getByText(/^标准范围/)
    .innerText();
  const [min, max, suggested] = yuanIn(hint);
  expect(min).toBeLessThan(suggested);
  expect(suggested).toBeLessThanOrEqual(max);
  const chosen = Math.round((min + suggested) / 2);
  await decide(leader, caseId, '同意', '公示中', { amount: chosen, amountReason: '家中两个孩子上学，酌情确定。' });
  await expect(casePage(leader).amount).toContainText(yuanText(chosen));
  await expect(leader.getByTestId('amount-chosen')).toContainText('家中两个孩子上学，酌情确定。');
  expect(await inQueue(leader, 'approval', caseId)).toBe(false);
  await workerUnread(worker);
  await expect(decisionNotices(worker, caseId, kind, '同意')).toHaveCount(3);

  // Publicity: everyone signed in reads the notice, with the name masked.
  await stranger.goto('/publicity?kind=poverty');
  const notice = stranger.getByTestId(`published-case-${caseId}`);
  await expect(notice).toContainText(MASKED);
  await expect(notice).toContainText(yuanText(chosen));
  await expect(stranger.locator('body')).not.toContainText(FULL_NAME);

  // The window closes; the approver may not pay, a second leader does.
  await endPublicityWindow(caseId);
  await leader.goto(`/cases/${caseId}`);
  await expect(casePage(leader).status).toContainText('待发放');
  await expect(casePage(leader).payment).toHaveCount(0);
  expect(await inQueue(leader, 'payment', caseId)).toBe(false);
  const payer = await pageAs('leader2');
  expect(await inQueue(payer, 'payment', caseId)).toBe(true);
  await payer.goto(`/cases/${caseId}`);
  const pay = casePage(payer).payment;
  await expect(pay.getByTestId('budget-left')).toContainText(yuanText(chosen));
  await pay.getByLabel('发放方式').selectOption({ label: '银行转账' });
  await pay.getByLabel('凭证号').fill(`E2E-${caseId}`);
  // Only a retried run meets a payment of this kind already made this year.
  const repeat = pay.getByLabel('重复发放理由');
  if (await repeat.count()) await repeat.fill('测试重跑：同一职工的第二份申请。');
  await pay.getByRole('button', { name: '登记发放' }).click();
  await expect(casePage(payer).status).toContainText('已发放');
  const record = payer.getByTestId('payment-record');
  await expect(record).toContainText(yuanText(chosen));
  await expect(record).toContainText(`E2E-${caseId}`);
  expect(await inQueue(payer, 'payment', caseId)).toBe(false);

  // The worker's notifications hold every decision; the history and the printed form every step.
  await workerUnread(worker);
  await expect(decisionNotices(worker, caseId, kind, '公示期满')).toHaveCount(1);
  await expect(decisionNotices(worker, caseId, kind, '发放')).toHaveCount(1);
  await worker.goto(`/cases/${caseId}`);
  await expect(casePage(worker).status).toContainText('已发放');
  await expect(casePage(worker).history.getByRole('listitem')).toHaveCount(6);
  await worker.goto(`/cases/${caseId}/print`);
  await expect(worker.getByRole('heading', { name: '困难职工帮扶救助审批表' })).toBeVisible();
  await expect(worker.locator('main')).toContainText('已入户核实，情况属实。');
});

test('a case returned for more information is completed and resubmitted to the same step', async ({ pageAs }) => {
  const kind = '因病致困';
  const worker = await pageAs('worker');
  const form = new ApplyFormPage(worker);
  const caseId = await form.apply({ kind, whatHappened: '本人因病住院手术。', helpAsked: '申请因病困难补助' });

  const subBranch = await pageAs('subBranch');
  expect(await inQueue(subBranch, 'verification', caseId)).toBe(true);
  const request = '请补充医院诊断证明和费用清单。';
  await decide(subBranch, caseId, '退回补充材料', '退回补充（核实）', { comment: request });
  expect(await inQueue(subBranch, 'verification', caseId)).toBe(false);

  // The worker reads what is asked on the case page and again on the edit page.
  await worker.goto(`/cases/${caseId}`);
  await expect(worker.getByTestId('returned-notice')).toContainText(request);
  await worker.getByRole('link', { name: '补充并重新提交' }).click();
  await expect(worker).toHaveURL(new RegExp(`/cases/${caseId}/edit$`));
  await expect(worker.getByTestId('return-note')).toContainText(request);

  // The kind stays; the story and the documents are completed.
  await expect(form.heading).toContainText('帮扶类别');
  await expect(worker.getByText('退回补充时不能更改帮扶类别和金额')).toBeVisible();
  await form.next('发生了什么');
  await worker
    .getByRole('textbox', { name: '事情经过' })
    .fill('本人因病住院手术，自付医疗费用较高（已补充诊断证明和费用清单）。');
  await form.next('家庭情况');
  await worker.getByRole('button', { name: '保存并继续' }).click();
  await expect(form.heading).toContainText('证明材料');
  await form.upload([
    { name: '诊断证明.pdf', mimeType: 'application/pdf', buffer: PDF },
    { name: '费用清单.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  // Each document's delete button has its own confirmation dialog: no id is used twice.
  await expectUniqueIds(worker);
  await form.next('确认提交');
  await worker.getByRole('button', { name: '补充后重新提交' }).click();
  await expect(worker).toHaveURL(new RegExp(`/cases/${caseId}$`));
  const page = casePage(worker);
  await expect(page.status).toContainText('待支会核实');
  await expect(page.facts).toContainText('已补充诊断证明和费用清单');
  await expect(page.history).toContainText(request);
  await expect(page.history).toContainText('补充后重新提交');
  await expect(worker.getByTestId('documents')).toContainText('诊断证明.pdf');

  // Back at the step that returned it.
  expect(await inQueue(subBranch, 'verification', caseId)).toBe(true);
});

test('a rejected case shows the worker its state and the reason in the history', async ({ pageAs }) => {
  const kind = '特殊原因致困';
  const worker = await pageAs('worker');
  const caseId = await new ApplyFormPage(worker).apply({
    kind,
    whatHappened: '家中房屋因暴雨受损，需要维修。',
    helpAsked: '申请特殊困难补助',
  });

  await decide(await pageAs('subBranch'), caseId, '同意', '待分会审核');
  const branch = await pageAs('branch');
  const reason = '经核实，房屋已由保险理赔，不符合特殊困难条件。';
  await decide(branch, caseId, '不同意', '未通过', { comment: reason });
  expect(await inQueue(branch, 'review', caseId)).toBe(false);

  await workerUnread(worker);
  await expect(decisionNotices(worker, caseId, kind, '不同意')).toHaveCount(1);
  await worker.goto(`/cases/${caseId}`);
  const page = casePage(worker);
  await expect(page.status).toContainText('未通过');
  const rejection = page.history.getByRole('listitem').filter({ hasText: '不同意' });
  await expect(rejection).toContainText('分会审核');
  await expect(rejection).toContainText(reason);
  // Nothing is left for the worker to do with it.
  await expect(worker.getByRole('link', { name: '补充并重新提交' })).toHaveCount(0);
  await expect(worker.getByRole('button', { name: '撤回申请' })).toHaveCount(0);
});

test('an upheld objection takes a published case off the board and back to the leaders’ approval step', async ({
  pageAs,
}) => {
  const kind = '慢性病补助';
  const worker = await pageAs('worker');
  const caseId = await new ApplyFormPage(worker).apply({
    kind,
    whatHappened: '本人患高血压、糖尿病，需长期服药。',
    helpAsked: '申请慢性病补助',
  });
  await throughApproval(pageAs, caseId);

  // Another worker objects on the board.
  const objector = await pageAs('worker2');
  await objector.goto('/publicity?kind=chronic_illness');
  const notice = objector.getByTestId(`published-case-${caseId}`);
  await expect(notice).toContainText(MASKED);
  await expect(objector.locator('body')).not.toContainText(FULL_NAME);
  await notice.locator('summary', { hasText: '提出异议' }).click();
  const objection = '听说申请人已享受单位医疗补贴，请核实。';
  await notice.getByLabel('异议理由').fill(objection);
  await notice.getByRole('button', { name: '提交异议' }).click();
  await expect(notice).toContainText('您已于');
  await expect(notice).toContainText('待处理');

  // The reviewer may not judge an objection to their own decision.
  const branch = await pageAs('branch');
  await branch.goto('/publicity');
  await expect(branch.getByTestId(`pending-objection-${caseId}`)).toContainText('您审核或审批过此申请');

  // A leader who did not approve it upholds it, after confirming.
  const leader2 = await pageAs('leader2');
  expect(await inQueue(leader2, 'publicity', caseId)).toBe(true);
  await leader2.goto('/publicity');
  const pending = leader2.getByTestId(`pending-objection-${caseId}`);
  await expect(pending).toContainText(objection);
  await pending.getByLabel('处理意见').fill('经核实，异议属实，退回重新审批。');
  await pending.getByRole('button', { name: '异议成立' }).click();
  const confirm = leader2.getByRole('alertdialog');
  await expect(confirm).toContainText('退回矿领导审批环节');
  await confirm.getByRole('button', { name: '异议成立' }).click();
  await expect(pending).toHaveCount(0);

  // Back at approval: off the board, in the approver's queue, not in the objection decider's.
  await objector.goto('/publicity?kind=chronic_illness');
  await expect(objector.getByTestId(`published-case-${caseId}`)).toHaveCount(0);
  const leader = await pageAs('leader');
  expect(await inQueue(leader, 'approval', caseId)).toBe(true);
  expect(await inQueue(leader2, 'approval', caseId)).toBe(false);
  await leader.goto(`/cases/${caseId}`);
  await expect(casePage(leader).status).toContainText('待矿领导审批');
  await expect(casePage(leader).history).toContainText('异议成立');
  await expect(leader.getByTestId('objections')).toContainText('成立');
  await expect(casePage(leader).decision).toBeVisible();
  await workerUnread(worker);
  await expect(decisionNotices(worker, caseId, kind, '异议成立')).toHaveCount(1);
});
