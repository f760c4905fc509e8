import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** This year in China, the dashboards' default. */
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

/** A headline figure of the register, e.g. "31" of "在册困难户 31". */
async function figure(page: Page, label: string): Promise<number> {
  const text = await page.getByTestId('register-figures').getByRole('link', { name: label }).innerText();
  return Number(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)[1]
      .split(' / ')[0],
  );
}

async function selectOptionContaining(select: Locator, text: string) {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}

/** The payments-per-month figures (the chart's table, drawn when opened), as text. */
async function monthFigures(page: Page) {
  const chart = page.getByTestId('chart-months');
  if (!(await chart.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)))
    await chart.getByText('查看数据').click();
  await expect(chart.locator('tbody')).toBeVisible();
  return chart.locator('tbody').textContent();
}

test.describe('dashboards with filters', () => {
  test('the leader opens a branch, changes the year, follows a figure to its list and comes back', async ({
    pageAs,
  }) => {
    const page = await pageAs('leader');
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('全矿概况');
    const whole = await figure(page, '在册困难户');
    // The exit rate says what it is a share of (issue 18.16); the demo data has exits every year.
    await expect(page.getByTestId('register-figures').getByRole('link', { name: /^脱困率/ })).toContainText(
      new RegExp(`\\d+(\\.\\d)?%${YEAR}年1月1日在册的\\d+户中已脱困\\d+户`),
    );
    // The charts are drawn in the browser, after the page arrives.
    await expect(page.getByTestId('chart-months').locator('svg.recharts-surface')).toBeVisible();

    // A branch's row opens the same dashboard for that branch alone, kept in the URL; the figure
    // links are plain anchors that the section routes in the page (the mark survives: no reload).
    await page.evaluate(() => ((window as unknown as { stayed?: boolean }).stayed = true));
    const branchLink = page.getByTestId('unit-counts').getByRole('link', { name: '采矿场分会', exact: true });
    await expect(branchLink).toHaveAccessibleDescription('单独查看该单位的概况');
    await branchLink.click();
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?year=${YEAR}&unit=\\d+$`));
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    const unit = new URL(page.url()).searchParams.get('unit');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('采矿场分会概况');
    const branch = await figure(page, '在册困难户');
    expect(branch).toBeGreaterThan(0);
    expect(branch).toBeLessThan(whole);

    // Another year, by the form: the URL keeps both filters and the year's payments change.
    const thisYears = await monthFigures(page);
    await page.getByRole('combobox', { name: '年度', exact: true }).selectOption(String(YEAR - 1));
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?year=${YEAR - 1}&unit=${unit}$`));
    await expect(page.getByRole('heading', { name: `${YEAR - 1}年每月救助发放` })).toBeVisible();
    expect(await monthFigures(page)).not.toBe(thisYears);
    await expect(page.getByRole('combobox', { name: '单位', exact: true })).toHaveValue(unit!);

    // A figure leads to the list behind it, with the branch (in the page, as above); back returns
    // to the same view.
    await page.evaluate(() => ((window as unknown as { stayed?: boolean }).stayed = true));
    await page.getByTestId('register-figures').getByRole('link', { name: '在册困难户' }).click();
    await expect(page).toHaveURL(new RegExp(`/households\\?unitId=${unit}&status=active$`));
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(branch);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`year=${YEAR - 1}&unit=${unit}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('采矿场分会概况');

    // …and a way back to the whole mine, keeping the year.
    await page.getByRole('link', { name: '返回全矿' }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?year=${YEAR - 1}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('全矿概况');
  });

  test('a branch official narrows to a sub-branch; another branch is not found', async ({ pageAs }) => {
    const leader = await pageAs('leader');
    await leader.goto('/dashboard');
    const otherBranch = new URL(
      (await leader
        .getByTestId('unit-counts')
        .getByRole('link', { name: '选矿厂分会', exact: true })
        .getAttribute('href'))!,
      'http://x',
    ).searchParams.get('unit');

    const page = await pageAs('branch');
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('采矿场分会概况');
    const whole = await figure(page, '在册困难户');
    await selectOptionContaining(page.getByRole('combobox', { name: '单位', exact: true }), '一采区支会');
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?year=${YEAR}&unit=\\d+$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('一采区支会概况');
    expect(await figure(page, '在册困难户')).toBeLessThanOrEqual(whole);
    await page.getByRole('link', { name: '返回本单位及下属全部' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('采矿场分会概况');

    const outside = await page.goto(`/dashboard?unit=${otherBranch}`);
    expect(outside?.status()).toBe(404);
    await expect(page.getByText('页面或记录不存在')).toBeVisible();
    await expect(page.getByTestId('register-figures')).toHaveCount(0);
  });

  test('a sub-branch official changes the year and follows a waiting step to its list and back', async ({ pageAs }) => {
    const page = await pageAs('subBranch');
    await page.goto('/dashboard');
    await page.getByRole('combobox', { name: '年度', exact: true }).selectOption(String(YEAR - 1));
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?year=${YEAR - 1}$`));
    await expect(page.getByTestId('case-figures')).toContainText(`${YEAR - 1} 年`);
    await page.getByTestId('case-waits').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/cases/);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`year=${YEAR - 1}$`));
  });

  test('the administrator opens a branch’s head counts and comes back', async ({ pageAs }) => {
    const page = await pageAs('admin');
    await page.goto('/dashboard');
    const stat = page.getByText('在册职工').locator('..');
    const whole = Number((await stat.innerText()).replace(/\D/g, ''));
    await page.getByTestId('unit-counts').getByRole('link', { name: '采矿场分会', exact: true }).click();
    await expect(page).toHaveURL(/unit=\d+/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('采矿场分会概况');
    expect(Number((await stat.innerText()).replace(/\D/g, ''))).toBeLessThan(whole);
    await page.getByRole('link', { name: '返回全矿' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('全矿概况');
  });

  test('the worker’s dashboard chooses the year only, and ignores a unit in the URL', async ({ pageAs }) => {
    const page = await pageAs('worker');
    await page.goto('/dashboard?unit=2');
    await expect(page.getByTestId('worker-profile')).toBeVisible();
    await expect(page.getByRole('combobox', { name: '单位', exact: true })).toHaveCount(0);
    await expect(page.getByText(`本户 ${YEAR} 年已获帮扶`)).toBeVisible();
    await page.getByRole('combobox', { name: '年度', exact: true }).selectOption(String(YEAR - 1));
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?year=${YEAR - 1}$`));
    await expect(page.getByText(`本户 ${YEAR - 1} 年已获帮扶`)).toBeVisible();
    await page.getByRole('link', { name: '申请帮扶' }).click();
    await expect(page).toHaveURL(/\/cases\/new$/);
    await page.goBack();
    await expect(page.getByTestId('worker-profile')).toBeVisible();
  });
});
