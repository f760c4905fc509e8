import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** A headline figure of the register on the dashboard, e.g. "31" or "12 / 31". */
async function figure(page: Page, label: string): Promise<string> {
  const text = await page.getByTestId('register-figures').getByRole('link', { name: label }).innerText();
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)[1];
}

async function selectOptionContaining(select: Locator, text: string) {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}

const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

test('a household is filed, helped and visited; the leader’s figures follow; the worker sees helpers, not notes', async ({
  pageAs,
}) => {
  const leader = await pageAs('leader');
  await leader.goto('/dashboard');
  const activeBefore = Number(await figure(leader, '在册困难户'));
  const [visitedBefore] = (await figure(leader, '进百家门')).split(' / ').map(Number);
  const [doneBefore, raisedBefore] = (await figure(leader, '解百家忧 · 办百家事')).split(' / ').map(Number);

  // 建档 for W0001 by the sub-branch official.
  const official = await pageAs('subBranch');
  await official.goto('/households/new?q=W0001');
  await official.getByLabel('困难类别').selectOption({ label: '困难户' });
  await official.getByLabel('建档层级').selectOption({ label: '支会级' });
  await official.getByRole('checkbox', { name: '因贫' }).check();
  await official.getByLabel('家庭月收入').fill('2400');
  await official.getByLabel('家庭住址').fill('矿区生活区 7 栋 301');
  await official.getByLabel('联系电话').fill('13912345678');
  await official.getByLabel('内部备注').fill('内部备注：债务问题');
  await official.getByRole('button', { name: '建档', exact: true }).click();
  await expect(official).toHaveURL(/\/households\/\d+$/);
  await expect(official.getByTestId('timeline')).toContainText('建档');

  // Three helpers from the household's unit chain.
  for (const [kind, who] of [
    ['单位领导', 'B0001'],
    ['工会干部', 'S0001'],
    ['基层领导', 'W0017'],
  ] as const) {
    const section = official.locator('details', { hasText: `指定${kind}` });
    await section.locator('summary').click();
    await selectOptionContaining(section.getByLabel(kind), who);
    await section.getByRole('button', { name: '指定' }).click();
    await expect(official.getByTestId('helpers')).toContainText(who);
  }

  // A visit with all six knows and two appeals, each becoming a task.
  const visit = official.locator('details', { hasText: '记录一次家访' });
  await visit.locator('summary').click();
  await visit.getByLabel('家访日期').fill(inDays(0));
  await visit.getByLabel('走访人员').fill('S0001、W0017');
  for (const know of ['姓名', '住址', '电话', '配偶情况', '子女上学', '家庭重大事项'])
    await visit.getByRole('checkbox', { name: know, exact: true }).check();
  await visit.getByLabel('家访情况').fill('厨房漏水，孩子夜里咳嗽（内部记录）');
  for (const [i, appeal] of ['屋顶漏水需维修', '孩子就医需陪同'].entries()) {
    await visit.getByRole('button', { name: '添加诉求' }).click();
    const group = visit.getByRole('group', { name: `诉求 ${i + 1}` });
    await group.getByLabel('诉求内容').fill(appeal);
    await selectOptionContaining(group.getByLabel('负责人'), 'S0001');
    await group.getByLabel('办结期限').fill(inDays(14));
  }
  await visit.getByRole('button', { name: '保存家访记录' }).click();
  await expect(official.getByTestId('visits')).toContainText('厨房漏水');

  // One of the two tasks is done.
  const tasks = official
    .locator('section')
    .filter({ has: official.getByRole('heading', { name: '办实事', exact: true }) });
  await expect(tasks).toContainText('屋顶漏水需维修');
  const completion = tasks.locator('details', { hasText: '办结…' }).first();
  await completion.locator('summary').click();
  await completion.getByLabel('办理结果').fill('已请维修班修好屋顶');
  await completion.getByRole('button', { name: '确认办结' }).click();
  await expect(tasks).toContainText('已请维修班修好屋顶');

  // The leader's figures moved by exactly this household's work.
  await leader.reload();
  expect(Number(await figure(leader, '在册困难户'))).toBe(activeBefore + 1);
  expect(await figure(leader, '进百家门')).toBe(`${visitedBefore + 1} / ${activeBefore + 1}`);
  expect(await figure(leader, '解百家忧 · 办百家事')).toBe(`${doneBefore + 1} / ${raisedBefore + 2}`);

  // The worker sees the category, the three helpers and the tasks — not the notes.
  const worker = await pageAs('worker');
  await worker.goto('/dashboard');
  const mine = worker.getByTestId('my-household');
  await expect(mine).toContainText('困难户');
  await expect(worker.getByTestId('my-helpers').getByRole('listitem')).toHaveCount(3);
  await expect(mine).toContainText('已请维修班修好屋顶');
  await expect(worker.locator('body')).not.toContainText('厨房漏水');
  await expect(worker.locator('body')).not.toContainText('债务问题');
  // …and cannot open the file itself.
  const fileUrl = official.url().replace(/^https?:\/\/[^/]+/, '');
  const response = await worker.goto(fileUrl);
  expect(response?.status()).toBe(404);
});
