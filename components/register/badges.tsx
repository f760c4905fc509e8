import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/card';
import type { Category, TaskStatus } from '@/db/schema';
import { isOverdue } from '@/lib/register/rules';

/** The six categories (三级六类) by their label; the two hardest stand out. */
export function CategoryBadge({ category }: { category: Category | null }) {
  const t = useTranslations('register.categories');
  if (!category) return null;
  return <Badge tone={category === 'extreme' || category === 'serious_illness' ? 'bad' : 'info'}>{t(category)}</Badge>;
}

export function HouseholdStatusBadge({ status }: { status: 'active' | 'exited' }) {
  const t = useTranslations('register.statuses');
  return <Badge tone={status === 'active' ? 'neutral' : 'good'}>{t(status)}</Badge>;
}

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const t = useTranslations('register.taskStatuses');
  return <Badge tone={status === 'done' ? 'good' : status === 'in_progress' ? 'info' : 'neutral'}>{t(status)}</Badge>;
}

/**
 * A due date, marked in red with a word (not colour alone) once it has passed; `done` things
 * are never overdue.
 */
export function DueDate({ date, today, done = false }: { date: string; today: string; done?: boolean }) {
  const t = useTranslations('households');
  if (done || !isOverdue(date, today)) return <span className="tabular-nums">{date}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className="tabular-nums font-medium text-red-700">{date}</span>
      <Badge tone="bad">{t('overdue')}</Badge>
    </span>
  );
}
