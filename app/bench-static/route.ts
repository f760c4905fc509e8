/**
 * The benchmark's ceiling (`npm run bench`): a tiny page rendered once at build time, so a
 * request costs only the server and the proxy, never React or the database. Public on purpose
 * (see PUBLIC in proxy.ts); it reveals nothing.
 */
export const dynamic = 'force-static';

const PAGE = '<!doctype html><html lang="en"><title>ok</title><p>static</p></html>';

export function GET() {
  return new Response(PAGE, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
