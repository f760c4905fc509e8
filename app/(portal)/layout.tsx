import { AppHeader } from '@/components/layout/app-header';
import { getDb } from '@/db/client';
import { unreadCount } from '@/db/queries/notifications';
import { requireActor } from '@/lib/auth/session';
import { sweepPublicitySoon } from '@/lib/cases/publicity-sweep';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  // Every page of the portal checks the pending password itself; the layout must let the password page render.
  const actor = await requireActor({ pendingPassword: true });
  sweepPublicitySoon();
  const unread = await unreadCount(await getDb(), actor);
  return (
    <>
      <AppHeader actor={actor} unread={unread} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
