/**
 * Strict-Transport-Security: two years, subdomains included (the hstspreload.org minimum is one
 * year). Sent only on answers to requests that came over HTTPS, as RFC 6797 §7.2 asks; a browser
 * ignores the header on plain HTTP anyway.
 */
export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';

/**
 * Whether the browser reached us over HTTPS. The deployment terminates TLS at the reverse proxy
 * (README, deployment), which sets X-Forwarded-Proto to the scheme the browser used; with several
 * proxies the first entry is the edge's, i.e. the browser's. Trusting the header is safe here
 * even without a proxy: a client that claims https over plain HTTP only gets a header its own
 * browser must ignore on HTTP.
 */
export function cameOverHttps(url: URL | string, headers: Headers): boolean {
  if (new URL(url).protocol === 'https:') return true;
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}
