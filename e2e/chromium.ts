/**
 * How Chromium is launched here, for the browser tests and the benchmark alike: Debian's build
 * (Playwright cannot download its own on this network), no sandbox (no user namespaces in the
 * container), no GPU, /tmp instead of a small /dev/shm, and none of the background traffic a
 * fresh profile starts (the closed network would refuse it).
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
