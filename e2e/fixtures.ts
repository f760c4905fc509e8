import { test as base, expect, type Page } from '@playwright/test';

export const DEMO = {
  admin: 'A0001',
  leader: 'L0001',
  branch: 'B0001',
  subBranch: 'S0001',
  worker: 'W0001',
} as const;
/**
 * Second people for the flows that need one: a payer who did not approve, an objector, a second
 * sub-branch; and a worker of the first sub-branch whose household is on the register (its ledger,
 * 一户一账, is read by the mutual-aid test; the demo seed gives him no mutual aid).
 */
export const OTHERS = {
  leader2: 'L0002',
  worker2: 'W0002',
  subBranch2: 'S0002',
  householder: 'W0161',
} as const;
export const ACCOUNTS = { ...DEMO, ...OTHERS } as const;
export type DemoRole = keyof typeof ACCOUNTS;
export const PASSWORD = 'demo1234';

export const storageFor = (role: DemoRole) => `e2e/.auth/${role}.json`;

/** The sign-in page as a person uses it: by its labels. */
export class LoginPage {
  constructor(private readonly page: Page) {}
  async goto() {
    await this.page.goto('/login');
  }
  async signIn(employeeNo: string, password: string) {
    await this.page.getByLabel('工号').fill(employeeNo);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
  }
  get error() {
    return this.page.getByTestId('form-error');
  }
}

export async function signIn(page: Page, employeeNo: string, password = PASSWORD) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(employeeNo, password);
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** `test` with a `signedInAs(role)` helper that gives a page already signed in (stored state). */
export const test = base.extend<{ pageAs: (role: DemoRole) => Promise<Page> }>({
  pageAs: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (role) => {
      const context = await browser.newContext({ storageState: storageFor(role) });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

export { expect };
