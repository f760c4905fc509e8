import { test as setup } from '@playwright/test';
import { ACCOUNTS, signIn, storageFor, type DemoRole } from './fixtures';

// Sign each demo role in once; the specs reuse the stored cookies.
for (const role of Object.keys(ACCOUNTS) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, ACCOUNTS[role]);
    await page.context().storageState({ path: storageFor(role) });
  });
}
