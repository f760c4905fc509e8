import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { requireActor } from '@/lib/auth/session';
import { ChangePasswordForm } from './change-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('password') };
}

export default async function PasswordPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  await requireActor();
  const changed = (await searchParams).changed === '1';
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t('nav.password')} />
      <Card className="max-w-md">
        <ChangePasswordForm changed={changed} />
      </Card>
    </>
  );
}
