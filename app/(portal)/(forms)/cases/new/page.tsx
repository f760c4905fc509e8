import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ApplyForm } from '@/components/cases/apply-form';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { composeFamilySituation, getApplyContext } from '@/db/queries/apply';
import { requirePermission } from '@/lib/auth/session';
import { casePaths } from '@/lib/cases/paths';
import { todayInChina } from '@/lib/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('apply'))('newTitle') };
}

/** 申请帮扶: a new application; the form's first save gives it its own address (/cases/<id>/edit). */
export default async function NewCasePage() {
  const actor = await requirePermission('cases.apply');
  const today = todayInChina();
  const [{ household, ...context }, t] = await Promise.all([
    getApplyContext(await getDb(), actor, today),
    getTranslations(),
  ]);
  return (
    <>
      <PageHeader
        title={t('apply.newTitle')}
        subtitle={t('apply.newSubtitle')}
        actions={<ButtonLink href={casePaths.list}>{t('common.back')}</ButtonLink>}
      />
      <ApplyForm
        mode="new"
        caseId={null}
        token={null}
        initial={{
          aidKind: '',
          eventOn: '',
          eventKey: '',
          whatHappened: '',
          helpAsked: '',
          familySituation: household ? composeFamilySituation(household, t, today) : '',
        }}
        context={context}
        submitted={null}
        documents={[]}
        today={today}
        initialStep={0}
      />
    </>
  );
}
