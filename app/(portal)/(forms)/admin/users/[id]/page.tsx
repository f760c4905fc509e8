import type { Metadata } from 'next';
import { can } from '@/lib/permissions';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { unitChainName } from '@/db/queries/dashboard';
import { getPerson } from '@/db/queries/people';
import { listUnits, withChainNames } from '@/db/queries/units';
import { ResetPasswordForm } from '@/components/admin/reset-password-form';
import { EditUserForm } from '@/components/admin/user-form';
import { OwnDataRequestForm } from '@/components/account/own-data-request-form';
import { ButtonLink } from '@/components/ui/button';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { requirePermission } from '@/lib/auth/session';
import { orNotFound, routeId } from '@/lib/load';
import { scopeOf } from '@/lib/scope';
import { setUserDisabled } from '@/lib/admin/user-actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('users') };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('admin.read');
  const db = await getDb();
  const scope = scopeOf(actor);
  const person = await orNotFound(getPerson(db, scope, routeId((await params).id)));
  const t = await getTranslations();
  const isAdmin = can(actor.role, 'admin.users');
  const chain = await unitChainName(db, person.unitPath);
  const header = (
    <PageHeader
      title={`${person.name} · ${person.employeeNo}`}
      subtitle={chain}
      actions={
        <>
          {person.disabled ? (
            <Badge tone="bad">{t('people.disabled')}</Badge>
          ) : (
            <Badge tone="good">{t('people.active')}</Badge>
          )}
          <ButtonLink href="/admin/users">{t('common.back')}</ButtonLink>
        </>
      }
    />
  );

  if (!isAdmin) {
    // Leaders may read accounts, with ID numbers and phones masked, but change nothing.
    return (
      <>
        {header}
        <Card title={t('people.details')}>
          <dl className="grid gap-3 text-sm sm:grid-cols-2" data-testid="person-details">
            <div>
              <dt className="text-stone-500">{t('people.role')}</dt>
              <dd>{t(`roles.${person.role}`)}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('people.unit')}</dt>
              <dd>{chain}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('people.idNumber')}</dt>
              <dd className="font-mono">{person.idNumberMasked || '—'}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('people.phone')}</dt>
              <dd className="font-mono">{person.phoneMasked || '—'}</dd>
            </div>
          </dl>
        </Card>
      </>
    );
  }

  const units = withChainNames(await listUnits(db, scope)).map(({ id, chain }) => ({ id, chain }));
  const self = person.id === actor.userId;
  return (
    <>
      {header}
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card title={t('admin.editUser')}>
          <EditUserForm
            units={units}
            user={{
              userId: person.id,
              employeeNo: person.employeeNo,
              name: person.name,
              role: person.role,
              unitId: person.unitId,
              idNumberMasked: person.idNumberMasked,
              phoneMasked: person.phoneMasked,
            }}
          />
        </Card>
        <div className="space-y-4">
          <Card title={t('admin.resetPassword')}>
            <ResetPasswordForm userId={person.id} />
          </Card>
          {can(actor.role, 'ownData.forRequest') && (
            <Card title={t('ownData.adminTitle')}>
              <OwnDataRequestForm userId={person.id} />
            </Card>
          )}
          {!self && (
            <Card title={t('admin.accountStatus')}>
              <p className="mb-3 text-sm text-stone-600">
                {person.disabled ? t('admin.disabledExplain') : t('admin.activeExplain')}
              </p>
              <ConfirmAction
                label={person.disabled ? t('admin.enable') : t('admin.disable')}
                title={
                  person.disabled
                    ? t('admin.enableTitle', { name: person.name })
                    : t('admin.disableTitle', { name: person.name })
                }
                body={person.disabled ? t('admin.enableBody') : t('admin.disableBody')}
                confirmLabel={person.disabled ? t('admin.enable') : t('admin.disable')}
                variant={person.disabled ? 'primary' : 'danger'}
                input={{ userId: person.id, disabled: !person.disabled }}
                run={setUserDisabled}
              />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
