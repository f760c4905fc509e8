import Link from 'next/link';
import { Th } from '@/components/ui/table';

/**
 * A column header that sorts the list on the server: a link that keeps the filters, sets the
 * column, and flips the direction when it is already the sorted one (back to page 1).
 */
export function SortableTh<S extends string>({
  column,
  label,
  sort,
  dir,
  basePath,
  params,
}: {
  column: S;
  label: string;
  sort: S;
  dir: 'asc' | 'desc';
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const active = sort === column;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v && k !== 'sort' && k !== 'dir' && k !== 'page') q.set(k, v);
  q.set('sort', column);
  q.set('dir', active && dir === 'asc' ? 'desc' : 'asc');
  return (
    <Th aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link
        href={`${basePath}?${q.toString()}`}
        className="inline-flex items-center gap-1 underline-offset-2 hover:underline"
      >
        {label}
        <span aria-hidden="true" className={active ? 'text-brand-700' : 'text-stone-300'}>
          {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </Link>
    </Th>
  );
}
