import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/chromium';

export interface Role {
  label: string;
  employeeNo: string;
}

export const ROLES: Role[] = [
  { label: 'admin', employeeNo: 'A0001' },
  { label: 'leader', employeeNo: 'L0001' },
  { label: 'branch official', employeeNo: 'B0001' },
  { label: 'sub-branch official', employeeNo: 'S0001' },
  { label: 'worker', employeeNo: 'W0001' },
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

/**
 * One plain request with the cookie before the load: it must be the dashboard itself (200), not
 * a redirect to the sign-in page, or the load test would measure the wrong thing.
 */
export async function checkDashboard(baseUrl: string, cookie: string, who: string): Promise<void> {
  const res = await fetch(`${baseUrl}/dashboard`, {
    headers: { cookie },
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  const body = await res.text();
  if (res.status !== 200) {
    throw new Error(`GET /dashboard as ${who} answered ${res.status} ${res.headers.get('location') ?? ''}`.trim());
  }
  // A redirect thrown after streaming began arrives as 200 with a meta refresh; rule that out.
  if (/http-equiv="refresh"/i.test(body) || body.includes('autocomplete="current-password"')) {
    throw new Error(`GET /dashboard as ${who} answered 200 but with the sign-in page`);
  }
}
