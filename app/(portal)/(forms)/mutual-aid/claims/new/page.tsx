import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClaimForm } from '@/components/mutual-aid/claim-form';
import { RuleSummary } from '@/components/mutual-aid/rule-summary';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getEnrolment, listSchemes, schemeVersionOn } from '@/db/queries/mutual-aid';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { orNotFound } from '@/lib/load';
import { optionalIdParam } from '@/lib/validation/common';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mutual'))('newClaim') };
}

/** A claim (申请互助金 / 理赔) against one enrolment, by the member or an official for them. */
export default async function NewClaimPage({ searchParams }: { searchParams: Promise<{ enrolment?: string }> }) {
  const actor = await requirePermission('mutual.claim');
  const id = optionalIdParam.parse((await searchParams).enrolment);
  if (!id) notFound();
  const db = await getDb();
  const e = await orNotFound(getEnrolment(db, actor, id));
  const today = todayInChina();
  const [v, schemes] = await Promise.all([schemeVersionOn(db, e.schemeId, today), listSchemes(db)]);
  const scheme = schemes.find((s) => s.id === e.schemeId)!;
  const t = await getTranslations('mutual');
  const en = (await getLocale()) === 'en';
  const items =
    v && v.rule.type !== 'medical' ? v.rule.items.map((i) => ({ code: i.code, name: en ? i.en : i.zh })) : [];
  return (
    <>
      <PageHeader
        title={t('newClaimFor', { name: en ? scheme.nameEn : scheme.nameZh })}
        subtitle={t('newClaimIntro', { term: `${e.termStart} – ${e.termEnd}`, cover: e.coverFrom })}
      />
      {v && (
        <Card title={t('payoutRule')} className="mb-4">
          <RuleSummary rule={v.rule} />
        </Card>
      )}
      <Card>
        <ClaimForm enrolmentId={e.id} today={today} items={items} medical={scheme.kind === 'medical'} />
      </Card>
    </>
  );
}
