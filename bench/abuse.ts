import { chromium, type Request } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/chromium';
import { DEMO_PASSWORD, isSignInPage } from './signin';

/** A server-action POST as the browser sent it, to replay without a browser. */
export interface CapturedPost {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface SessionCheck {
  /** Dashboard on the other instance with the fresh cookie: served (not the sign-in page). */
  servedBefore: boolean;
  /** The same cookie on the other instance right after signing out on the first: refused. */
  refusedAfter: boolean;
  signIn: CapturedPost;
  signOut: CapturedPost;
}

async function capture(req: Request): Promise<CapturedPost> {
  const headers = await req.allHeaders();
  // The replay is anonymous: no cookie, and HTTP/1.1 framing is autocannon's own.
  for (const name of Object.keys(headers)) {
    if (name.startsWith(':') || ['cookie', 'content-length', 'host', 'connection'].includes(name)) delete headers[name];
  }
  return { path: new URL(req.url()).pathname, headers, body: req.postData() ?? '' };
}

async function dashboardServed(baseUrl: string, cookie: string): Promise<boolean> {
  const res = await fetch(`${baseUrl}/dashboard`, { headers: { cookie }, redirect: 'manual' });
  const body = await res.text();
  return res.status === 200 && !isSignInPage(body);
}

/**
 * Signs `employeeNo` in through the first instance's login page and out again with the header's
 * button, in a real browser, and records both server-action requests. Between the two, the session
 * cookie is tried on the second instance: served while signed in, refused at once after signing out
 * on the first — one write (the session version) seen by both instances through the shared database.
 */
export async function signInAndOut(
  firstUrl: string,
  secondUrl: string,
  employeeNo: string,
  timeoutMs: number,
): Promise<SessionCheck> {
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, timeout: timeoutMs });
  try {
    const context = await browser.newContext({ baseURL: firstUrl });
    context.setDefaultTimeout(timeoutMs);
    const page = await context.newPage();
    const posts: Request[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.headers()['next-action']) posts.push(r);
    });
    await page.goto('/login');
    await page.getByLabel('工号').fill(employeeNo);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL('**/dashboard');
    const signIn = await capture(posts[0]);
    const jar = await context.cookies(firstUrl);
    const cookie = jar.map((c) => `${c.name}=${c.value}`).join('; ');
    const servedBefore = await dashboardServed(secondUrl, cookie);

    posts.length = 0;
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL('**/login**');
    const signOut = await capture(posts[0]);
    const refusedAfter = !(await dashboardServed(secondUrl, cookie));
    // Replayed, the sign-in must fail: a wrong password in place of the right one.
    signIn.body = signIn.body.replace(DEMO_PASSWORD, 'not-the-password');
    return { servedBefore, refusedAfter, signIn, signOut };
  } finally {
    await browser.close();
  }
}
