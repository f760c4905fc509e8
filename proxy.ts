import { NextResponse, type NextRequest } from 'next/server';
import { databaseRecentlyDown } from '@/lib/availability';
import { cameOverHttps, HSTS_VALUE } from '@/lib/hsts';
import { unavailableResponse } from '@/lib/unavailable-page';

// Only a convenience: anonymous visitors go to the sign-in page instead of a 404. Every page,
// route handler and action checks the session itself (lib/auth/session.ts); this file is never
// the check.
const PUBLIC = ['/login', '/api/health'];
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  const response = route(request);
  // Every answer passes here, so HTTPS requests get HSTS here (next.config's headers() cannot
  // depend on how the request arrived).
  if (cameOverHttps(request.url, request.headers)) response.headers.set('Strict-Transport-Security', HSTS_VALUE);
  return response;
}

function route(request: NextRequest): Response {
  const { pathname, search } = request.nextUrl;
  // The database failed a moment ago: answer 503 at once rather than let each page fail with a
  // 500. The health check still asks the database, and server actions answer for themselves
  // (lib/auth/action.ts: "nothing was saved").
  if (databaseRecentlyDown() && pathname !== '/api/health' && !request.headers.has('next-action'))
    return unavailableResponse({
      api: pathname.startsWith('/api/'),
      locale: request.cookies.get('NEXT_LOCALE')?.value,
    });
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`));
  if (hasSession) return NextResponse.next();
  const url = new URL('/login', request.url);
  if (pathname !== '/') url.searchParams.set('next', pathname + search);
  return NextResponse.redirect(url);
}

// Import uploads bypass the proxy: Next buffers (and past proxyClientMaxBodySize silently cuts) the
// body of every request the proxy sees, and an upload of up to 20 MB is read as it streams by its
// route, which checks the session itself (lib/auth/route.ts).
export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|api/imports/upload/).*)'],
};
