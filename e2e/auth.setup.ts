import { test as setup } from '@playwright/test';
import { DEMO, signIn, storageFor, type DemoRole } from './fixtures';

// Sign each demo role in once; the specs reuse the stored cookies.
for (const role of Object.keys(DEMO) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, DEMO[role]);
    await page.context().storageState({ path: storageFor(role) });
  });
}
