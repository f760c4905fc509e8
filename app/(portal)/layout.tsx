import { AppHeader } from '@/components/layout/app-header';
import { requireActor } from '@/lib/auth/session';
import { sweepPublicitySoon } from '@/lib/cases/publicity-sweep';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  sweepPublicitySoon();
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
