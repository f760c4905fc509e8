import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { RuleSummary } from '@/components/mutual-aid/rule-summary';
import { getDb } from '@/db/client';
import { listSchemes } from '@/db/queries/mutual-aid';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { formatFen } from '@/lib/money';
import { mutualPaths } from '@/lib/mutual-aid/paths';
import { versionOn } from '@/lib/mutual-aid/rules';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mutual'))('schemesTitle') };
}

/** The schemes (险种) and every version of their rules, the one in force today marked. */
export default async function SchemesPage() {
  await requirePermission('mutual.schemes');
  const t = await getTranslations('mutual');
  const locale = await getLocale();
  const schemes = await listSchemes(await getDb());
  const today = todayInChina();
  return (
    <>
      <PageHeader
        title={t('schemesTitle')}
        subtitle={t('schemesIntro')}
        actions={
          <ButtonLink href={mutualPaths.newScheme} variant="primary">
            {t('newScheme')}
          </ButtonLink>
        }
      />
      {schemes.length === 0 && <EmptyState>{t('noSchemes')}</EmptyState>}
      <div className="grid gap-4">
        {schemes.map((s) => {
          const current = versionOn(s.versions, today);
          return (
            <Card key={s.id}>
              <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  {locale === 'en' ? s.nameEn : s.nameZh} <span className="text-sm text-stone-500">({s.code})</span>
                </h2>
                <div className="flex items-center gap-2">
                  <Badge>{t(`kinds.${s.kind}`)}</Badge>
                  <ButtonLink href={mutualPaths.newVersion(s.id)}>{t('newVersion')}</ButtonLink>
                </div>
              </div>
              <Table caption={t('versionsOf', { name: locale === 'en' ? s.nameEn : s.nameZh })}>
                <thead>
                  <tr>
                    <Th>{t('effectiveOn')}</Th>
                    <Th className="text-right">{t('contribution')}</Th>
                    <Th>{t('split')}</Th>
                    <Th>{t('waitingDays')}</Th>
                    <Th>{t('filingDeadline')}</Th>
                    <Th>{t('publishShort')}</Th>
                    <Th>{t('payoutRule')}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {s.versions.map((v) => (
                    <tr key={v.id}>
                      <Td>
                        {v.effectiveOn} {current?.id === v.id && <Badge tone="good">{t('inForce')}</Badge>}
                      </Td>
                      <Td className="text-right tabular-nums">{formatFen(v.contributionFen)}</Td>
                      <Td className="whitespace-nowrap text-xs">
                        {t('splitLine', {
                          union: formatFen(v.unionFen),
                          unit: formatFen(v.unitFen),
                          member: formatFen(v.memberFen),
                        })}
                      </Td>
                      <Td>{t('daysN', { n: v.waitingDays })}</Td>
                      <Td>{v.filingDeadline}</Td>
                      <Td>{v.publish ? t('yes') : t('no')}</Td>
                      <Td>
                        <RuleSummary rule={v.rule} />
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </Card>
          );
        })}
      </div>
    </>
  );
}
