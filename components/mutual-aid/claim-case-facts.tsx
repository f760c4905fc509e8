import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ClaimFacts } from '@/db/queries/mutual-aid';
import { formatFen } from '@/lib/money';
import { mutualPaths } from '@/lib/mutual-aid/paths';

/**
 * A mutual-aid claim's facts on the case page. The page has read the case through its scope, so the
 * viewer is the member, an official in scope or a leader: the diagnosis may show.
 */
export async function ClaimCaseFacts({ caseId, claim }: { caseId: number; claim: ClaimFacts }) {
  const t = await getTranslations('mutual');
  const en = (await getLocale()) === 'en';
  return (
    <div className="mt-4 space-y-3 border-t border-stone-100 pt-3 text-sm" data-testid="claim-facts">
      <p>
        {t('scheme')}: {en ? claim.schemeNameEn : claim.schemeNameZh} ·{' '}
        <Link className="text-brand-700 underline" href={mutualPaths.claim(caseId)}>
          {t('claimTitle')}
        </Link>
      </p>
      <p>
        {t('hospital')}: {claim.hospital || '—'} · {t('stay')}: {claim.admittedOn ?? '—'} – {claim.dischargedOn ?? '—'}
      </p>
      <p>
        {t('totalCost')} {formatFen(claim.totalFen)} = {t('basicInsurance')} {formatFen(claim.basicFen)} +{' '}
        {t('otherInsurance')} {formatFen(claim.otherFen)} + {t('selfPaid')} {formatFen(claim.selfPaidFen)}
      </p>
      <p>
        {t('diagnosis')}: {claim.diagnosis}
      </p>
    </div>
  );
}
