import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/chromium';

export interface Role {
  label: string;
  employeeNo: string;
}

/**
 * The accounts the bench signs in as. The demo mine and seed:scale both have these four; the
 * worker is looked up in the data: the first with a submitted case (W0000001 at a million workers).
 */
export const STAFF_ROLES: Role[] = [
  { label: 'admin', employeeNo: 'A0001' },
  { label: 'leader', employeeNo: 'L0001' },
  { label: 'branch official', employeeNo: 'B0001' },
  { label: 'sub-branch official', employeeNo: 'S0001' },
];

export const DEMO_PASSWORD = 'demo1234';

/**
 * Signs each role in through the real login page and returns its Cookie header. Signing in is a
 * server action (an RSC POST with an action id that changes with every build), so a browser is
 * the simplest client that stays correct. One fresh context per role: no cookie leaks between
 * them.
 */
export async function signInAll(baseUrl: string, roles: Role[], timeoutMs: number): Promise<Map<string, string>> {
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, timeout: timeoutMs });
  const cookies = new Map<string, string>();
  try {
    for (const role of roles) {
      const context = await browser.newContext({ baseURL: baseUrl });
      context.setDefaultTimeout(timeoutMs);
      try {
        const page = await context.newPage();
        await page.goto('/login');
        await page.getByLabel('工号').fill(role.employeeNo);
        await page.getByLabel('密码').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: '登录', exact: true }).click();
        await page.waitForURL('**/dashboard');
        const jar = await context.cookies(baseUrl);
        if (!jar.some((c) => c.name.includes('authjs.session-token'))) {
          throw new Error('no session cookie after signing in');
        }
        cookies.set(role.employeeNo, jar.map((c) => `${c.name}=${c.value}`).join('; '));
      } catch (err) {
        throw new Error(`Signing in as ${role.employeeNo} (${role.label}) failed: ${(err as Error).message}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return cookies;
}

/** A page answered 200 but is the sign-in page (a redirect thrown after streaming began arrives as 200 with a meta refresh). */
export function isSignInPage(body: string): boolean {
  return /http-equiv="refresh"/i.test(body) || body.includes('autocomplete="current-password"');
}
