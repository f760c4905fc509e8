import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { unitChainName } from '@/db/queries/dashboard';
import { getPerson } from '@/db/queries/people';
import { ButtonLink } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { orNotFound, routeId } from '@/lib/load';
import { scopeOf } from '@/lib/scope';
import { can } from '@/lib/permissions';
import { ContactForm } from './contact-form';
import { Identifiers } from './identifiers';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('workers') };
}

export default async function WorkerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('workers.view');
  const db = await getDb();
  const person = await orNotFound(getPerson(db, scopeOf(actor), routeId((await params).id)));
  const t = await getTranslations();
  const chain = await unitChainName(db, person.unitPath);
  return (
    <>
      <PageHeader
        title={`${person.name} · ${person.employeeNo}`}
        subtitle={chain}
        actions={<ButtonLink href="/workers">{t('common.back')}</ButtonLink>}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t('people.details')}>
          <dl className="grid gap-3 text-sm" data-testid="person-details">
            <div>
              <dt className="text-stone-500">{t('people.role')}</dt>
              <dd>{t(`roles.${person.role}`)}</dd>
            </div>
            <Identifiers
              userId={person.id}
              idNumberMasked={person.idNumberMasked}
              phoneMasked={person.phoneMasked}
              canReveal={can(actor.role, 'workers.editContact')}
            />
          </dl>
        </Card>
        <Card title={t('workers.updateContact')}>
          <ContactForm userId={person.id} />
        </Card>
      </div>
    </>
  );
}
