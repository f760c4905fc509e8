import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { authSecret } from '@/lib/config';
import { loginSchema } from '@/lib/validation/auth';
import { authenticate, clientIp } from './authenticate';

declare module 'next-auth' {
  interface Session {
    uid?: number;
    ver?: number;
  }
  interface User {
    ver?: number;
  }
}
declare module '@auth/core/jwt' {
  interface JWT {
    uid?: number;
    ver?: number;
  }
}

export class InvalidLogin extends CredentialsSignin {
  code = 'invalid';
}
export class LockedLogin extends CredentialsSignin {
  code = 'locked';
}

export const SESSION_MAX_AGE = 60 * 60 * 12; // one working day

// The config is built per request so AUTH_SECRET is read at run time, not at build time.
export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(() => ({
  trustHost: true,
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
  // A wrong password is an expected event, not a server error: keep it out of the error log.
  logger: {
    error(error: Error) {
      if ((error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    Credentials({
      credentials: { employeeNo: {}, password: {} },
      async authorize(raw, request) {
        const parsed = loginSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidLogin();
        const ip = clientIp(request.headers);
        const result = await authenticate(await getDb(), parsed.data.employeeNo, parsed.data.password, ip);
        if (result.status === 'locked') throw new LockedLogin();
        if (result.status !== 'ok') throw new InvalidLogin();
        return { id: String(result.user.id), ver: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user, trigger, session }) {
      if (user) {
        token.uid = Number(user.id);
        token.ver = user.ver;
      }
      // Only our own server code can trigger an update: the Auth.js route handler that would let
      // a browser post one is deliberately not mounted (see app/api/README.md).
      if (trigger === 'update' && typeof session?.ver === 'number') token.ver = session.ver;
      return token;
    },
    session({ session, token }) {
      session.uid = token.uid;
      session.ver = token.ver;
      return session;
    },
  },
}));
