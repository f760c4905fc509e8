import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClaimDocumentUpload, SubmitClaimButton } from '@/components/mutual-aid/claim-panels';
import { PayoutLines } from '@/components/mutual-aid/payout-lines';
import { ButtonLink } from '@/components/ui/button';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { APPLICANT_EDITABLE } from '@/db/queries/apply';
import { getClaimPage } from '@/db/queries/mutual-aid';
import { requirePermission } from '@/lib/auth/session';
import { caseNumber } from '@/lib/cases/format';
import { casePaths } from '@/lib/cases/paths';
import { orNotFound, routeId } from '@/lib/load';
import { formatFen } from '@/lib/money';
import { CLAIM_DOCUMENTS } from '@/lib/mutual-aid/rules';
import { mutualPaths } from '@/lib/mutual-aid/paths';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mutual'))('claimTitle') };
}

/**
 * A claim: its facts (the diagnosis only here, for the member, the filer, officials in scope and
 * leaders), the payout line by line, its papers, and submitting. The decisions are the case
 * chain's, on the case page.
 */
export default async function ClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('mutual.view');
  const id = routeId((await params).id);
  const c = await orNotFound(getClaimPage(await getDb(), actor, id));
  const t = await getTranslations();
  const en = (await getLocale()) === 'en';
  const editable =
    APPLICANT_EDITABLE.includes(c.state) && (c.applicantId === actor.userId || c.filedBy === actor.userId);
  const f = c.claim;
  const have = new Set(c.documents.map((d) => d.purpose));
  const missing = c.required.filter((d) => !have.has(d));
  const purposes = [...c.required, ...CLAIM_DOCUMENTS.filter((d) => !c.required.includes(d))];
  const facts: [string, string][] = [
    [t('mutual.member'), `${c.memberName} · ${c.memberNo}`],
    [t('mutual.eventOn'), c.eventOn],
    [t('mutual.hospital'), f.hospital || '—'],
    [t('mutual.stay'), f.admittedOn ? `${f.admittedOn} – ${f.dischargedOn ?? ''}` : '—'],
    [t('mutual.totalCost'), formatFen(f.totalFen)],
    [t('mutual.basicInsurance'), formatFen(f.basicFen)],
    [t('mutual.otherInsurance'), formatFen(f.otherFen)],
    [t('mutual.selfPaid'), formatFen(f.selfPaidFen)],
    [t('mutual.diagnosis'), f.diagnosis],
  ];
  return (
    <>
      <PageHeader
        title={t('mutual.claimPageTitle', { scheme: en ? f.schemeNameEn : f.schemeNameZh, no: caseNumber(c.id) })}
        subtitle={t('mutual.claimPageIntro')}
        actions={
          <>
            {c.state !== 'draft' && <ButtonLink href={casePaths.view(c.id)}>{t('mutual.openCase')}</ButtonLink>}
            <ButtonLink href={mutualPaths.home}>{t('common.back')}</ButtonLink>
          </>
        }
      />
      <div className="mb-4">
        <Badge tone={c.state === 'paid' ? 'good' : c.state === 'rejected' ? 'bad' : 'info'}>
          {t(`aid.states.${c.state}`)}
        </Badge>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t('mutual.claimFacts')}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-stone-600">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card>
          <PayoutLines lines={f.lines} payoutFen={f.payoutFen} />
        </Card>
      </div>
      <Card title={t('mutual.papers')} className="mt-4">
        <ul className="mb-3 space-y-1 text-sm">
          {c.documents.map((d) => (
            <li key={d.id}>
              <Link className="text-brand-700 underline" href={casePaths.document(c.id, d.id)}>
                {d.fileName}
              </Link>{' '}
              <span className="text-stone-500">· {t(`mutual.documents.${d.purpose}` as never)}</span>
            </li>
          ))}
        </ul>
        {missing.length > 0 && (
          <p className="mb-3 text-sm text-amber-800">
            {t('mutual.missingPapers', { list: missing.map((m) => t(`mutual.documents.${m}`)).join('、') })}
          </p>
        )}
        {editable && <ClaimDocumentUpload caseId={c.id} purposes={purposes} />}
      </Card>
      {editable && (
        <Card className="mt-4">
          <SubmitClaimButton caseId={c.id} version={c.version} resubmit={c.state !== 'draft'} />
        </Card>
      )}
    </>
  );
}
