import createNextIntlPlugin from 'next-intl/plugin';

// `precompile` compiles every ICU message of messages/ at build time (next-intl's catalog loader),
// so no request parses a message and the browser bundle carries no ICU parser. Stock next-intl
// otherwise parses each message with arguments again on every request. Precompiled messages
// cannot be read with `t.raw` (https://next-intl.dev/docs/usage/plugin#precompile); nothing here does.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: {
    messages: { path: './messages', format: 'json', locales: 'infer', precompile: true },
  },
});
const dev = process.env.NODE_ENV !== 'production';

// Next's hydration scripts are inline, so script-src needs 'unsafe-inline' unless every page is
// rendered per request with a nonce; the static-page ceiling in the benchmark rules that out.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['@node-rs/argon2'],
  // `next dev` would otherwise write (and keep restoring) an AGENTS.md in the project.
  agentRules: false,
  experimental: {
    agentUpgrade: false,
    authInterrupts: true,
    // A supporting document may be 10 MB (lib/cases/documents.ts); the limits leave room for the
    // multipart framing around it. The proxy's limit matters too: past it Next hands the action a
    // silently truncated body.
    serverActions: { bodySizeLimit: '11mb' },
    proxyClientMaxBodySize: '11mb',
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: csp },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
