import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { requireActor } from '@/lib/auth/session';
import { ChangePasswordForm } from './change-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('password') };
}

export default async function PasswordPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const actor = await requireActor({ pendingPassword: true });
  const changed = (await searchParams).changed === '1';
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t('nav.password')} />
      {actor.mustChangePassword && (
        <p role="status" className="mb-4 max-w-md rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t('imports.firstPassword')}
        </p>
      )}
      <Card className="max-w-md">
        <ChangePasswordForm changed={changed} />
      </Card>
    </>
  );
}
