import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/**
 * The aid case screens as people use them: the worker's step-by-step application, an official's
 * decision panel, the to-do queues, the notifications. Everything is found by its label or role
 * as the browser (zh-CN) shows it; a case by its number link, since the queues and lists also
 * hold the demo seed's cases.
 */

/** A calendar day in China, `n` days from today: the portal's dates are the mine's dates. */
export const chinaDay = (n = 0) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

/** A 1×1 PNG and the smallest PDF header: the server sniffs the content, not the name. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export type Upload = { name: string; mimeType: string; buffer: Buffer };

/** The case number as lists and queues print it (five digits at least). */
export const caseNo = (id: number) => String(id).padStart(5, '0');

/** "¥1,500.00" for 1500 yuan, as formatFen writes it. */
export const yuanText = (yuan: number) => `¥${yuan.toLocaleString('en-US')}.00`;

/** Every "¥1,234.00" in a text, as whole yuan. */
export const yuanIn = (text: string) =>
  [...text.matchAll(/¥([\d,]+)\.(\d\d)/g)].map((m) => Number(m[1].replace(/,/g, '')) + Number(m[2]) / 100);

export interface Application {
  /** The kind's name as the form shows it, e.g. 因贫致困. */
  kind: string;
  whatHappened: string;
  helpAsked: string;
  familySituation?: string;
  eventOn?: string;
  documents?: Upload[];
}

export class ApplyFormPage {
  constructor(private readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 2, name: /^第 \d 步/ });
  }

  async next(step: string) {
    await this.page.getByRole('button', { name: '下一步' }).click();
    await expect(this.heading).toContainText(step);
  }

  /** Picks the files and waits until each is listed as uploaded. */
  async upload(files: Upload[]) {
    await this.page.getByLabel('选择文件').setInputFiles(files);
    const list = this.page.getByRole('list', { name: '已上传的材料' });
    for (const f of files) await expect(list.getByRole('link', { name: f.name })).toBeVisible();
  }

  /**
   * A new application from the first step to the submit; returns the case's id, read from the
   * address the first save moves to (/cases/<id>/edit).
   */
  async apply(a: Application): Promise<number> {
    await this.page.goto('/cases/new');
    await expect(this.heading).toContainText('帮扶类别');
    await this.page.getByRole('radio', { name: new RegExp(`^${a.kind}`) }).check();
    await this.next('发生了什么');
    await this.page.getByLabel('发生日期').fill(a.eventOn ?? chinaDay(-7));
    await this.page.getByRole('textbox', { name: '事情经过' }).fill(a.whatHappened);
    await this.next('家庭情况');
    if (a.familySituation !== undefined)
      await this.page.getByRole('textbox', { name: '家庭情况' }).fill(a.familySituation);
    await this.page.getByRole('textbox', { name: '希望得到的帮助' }).fill(a.helpAsked);
    await this.page.getByRole('button', { name: '保存并继续' }).click();
    await expect(this.page).toHaveURL(/\/cases\/\d+\/edit\?step=3$/);
    const id = Number(/\/cases\/(\d+)\/edit/.exec(this.page.url())![1]);
    await expect(this.heading).toContainText('证明材料');
    if (a.documents?.length) await this.upload(a.documents);
    await this.next('确认提交');
    const review = this.page.getByRole('region', { name: /确认提交/ });
    await expect(review).toContainText(a.kind);
    for (const d of a.documents ?? []) await expect(review).toContainText(d.name);
    await this.page.getByRole('button', { name: '提交申请' }).click();
    await expect(this.page).toHaveURL(new RegExp(`/cases/${id}$`));
    await expect(casePage(this.page).status).toContainText('待支会核实');
    return id;
  }
}

/** The case page's parts the tests read. */
export function casePage(page: Page) {
  return {
    status: page.getByTestId('case-status'),
    history: page.getByTestId('history'),
    facts: page.getByTestId('case-facts'),
    amount: page.getByTestId('amount'),
    decision: page.getByTestId('decision-form'),
    payment: page.getByTestId('payment-form'),
  };
}

export type Decision = '同意' | '退回补充材料' | '不同意';

/**
 * An official's or leader's decision on the case page; waits until the page shows the state the
 * case moved to. At the approval step of a range rule, `amount` (yuan) with its reason.
 */
export async function decide(
  page: Page,
  caseId: number,
  decision: Decision,
  expectState: string,
  opts: { comment?: string; amount?: number; amountReason?: string } = {},
) {
  await page.goto(`/cases/${caseId}`);
  const form = casePage(page).decision;
  await form.getByRole('radio', { name: decision, exact: true }).check();
  if (opts.amount !== undefined) {
    await form.getByLabel('审批金额（元）').fill(String(opts.amount));
    await form.getByLabel('金额理由').fill(opts.amountReason ?? '');
  }
  if (opts.comment) await form.getByLabel('意见说明').fill(opts.comment);
  await form.getByRole('button', { name: decision, exact: true }).click();
  await expect(casePage(page).status).toContainText(expectState);
  await expect(form).toHaveCount(0);
}

/**
 * Whether a step's to-do queue (every page of it) lists the case. Oldest first, so a new case
 * sits on the last page: the pages are followed by the queue's own "next" links (keyset: a page
 * knows its neighbours, not its number).
 */
export async function inQueue(page: Page, step: string, caseId: number): Promise<boolean> {
  await page.goto('/cases/queue');
  const section = page.locator(`#queue-${step}`);
  await expect(page.locator(`#queue-${step}-title`)).toBeVisible();
  for (;;) {
    if ((await section.getByRole('link', { name: caseNo(caseId), exact: true }).count()) > 0) return true;
    const next = section.locator('a[rel="next"]');
    if ((await next.count()) === 0) return false;
    await page.goto((await next.getAttribute('href'))!);
  }
}

/** The bell's unread count in the header (no badge: none unread). */
export async function unreadCount(page: Page): Promise<number> {
  await expect(page.getByTestId('notification-bell')).toBeVisible();
  const badge = page.getByTestId('unread-count');
  return (await badge.count()) ? Number(await badge.innerText()) : 0;
}

/** The worker's notifications about one decision on one case, e.g. "您的申请 #12（因贫致困）：同意". */
export function decisionNotices(page: Page, caseId: number, kind: string, action: string) {
  return page
    .getByTestId('notifications')
    .getByRole('link', { name: `您的申请 #${caseId}（${kind}）：${action}`, exact: true });
}
