import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { PersonRow } from '@/db/queries/people';

/** People with masked ID numbers and phones; `showAccount` adds role and status columns. */
export async function PeopleTable({
  rows,
  hrefBase,
  showAccount = false,
}: {
  rows: PersonRow[];
  hrefBase: string;
  showAccount?: boolean;
}) {
  const t = await getTranslations();
  if (rows.length === 0) return <EmptyState>{t('common.noResults')}</EmptyState>;
  return (
    <Table caption={t('people.caption')}>
      <thead>
        <tr>
          <Th>{t('people.employeeNo')}</Th>
          <Th>{t('people.name')}</Th>
          {showAccount && <Th>{t('people.role')}</Th>}
          <Th>{t('people.unit')}</Th>
          <Th>{t('people.idNumber')}</Th>
          <Th>{t('people.phone')}</Th>
          {showAccount && <Th>{t('people.status')}</Th>}
        </tr>
      </thead>
      <tbody className="divide-y divide-stone-100">
        {rows.map((p) => (
          <tr key={p.id} className="hover:bg-stone-50">
            <Td>
              <Link
                href={`${hrefBase}/${p.id}`}
                className="font-medium text-brand-700 underline-offset-2 hover:underline"
              >
                {p.employeeNo}
              </Link>
            </Td>
            <Td>{p.name}</Td>
            {showAccount && <Td>{t(`roles.${p.role}`)}</Td>}
            <Td>{p.unitName}</Td>
            <Td className="font-mono text-xs">{p.idNumberMasked || '—'}</Td>
            <Td className="font-mono text-xs">{p.phoneMasked || '—'}</Td>
            {showAccount && (
              <Td>
                {p.disabled ? (
                  <Badge tone="bad">{t('people.disabled')}</Badge>
                ) : (
                  <Badge tone="good">{t('people.active')}</Badge>
                )}
              </Td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
