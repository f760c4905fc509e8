import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listUnits, withChainNames } from '@/db/queries/units';
import { CreateUserForm } from '@/components/admin/user-form';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { scopeOf } from '@/lib/scope';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('newUser') };
}

export default async function NewUserPage() {
  const actor = await requirePermission('admin.users');
  const t = await getTranslations('admin');
  const units = withChainNames(await listUnits(await getDb(), scopeOf(actor))).map(({ id, chain }) => ({ id, chain }));
  return (
    <>
      <PageHeader title={t('newUser')} />
      <Card>
        <CreateUserForm units={units} />
      </Card>
    </>
  );
}
