import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { clsx } from 'clsx';
import { getDb } from '@/db/client';
import { listTasks } from '@/db/queries/tasks';
import { TaskList } from '@/components/register/task-list';
import { Card, PageHeader } from '@/components/ui/card';
import { KeysetPagination } from '@/components/ui/pagination';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/dates';
import { TASK_VIEWS, taskParams } from '@/lib/register/search-params';
import { first, type SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('tasks') };
}

/** 办实事: the deeds that came of appeals and opinions, followed to done. */
export default async function TasksPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('register.view');
  const f = taskParams.parse(first(await searchParams));
  const t = await getTranslations();
  const { rows, prev, next, total } = await listTasks(await getDb(), actor, f);
  return (
    <>
      <PageHeader title={t('nav.tasks')} subtitle={t('tasks.subtitle')} />
      <nav aria-label={t('tasks.views')} className="mb-4 overflow-x-auto">
        <ul className="flex gap-1 whitespace-nowrap rounded-lg border border-stone-200 bg-white p-1">
          {TASK_VIEWS.map((v) => (
            <li key={v}>
              <Link
                href={`/tasks?view=${v}`}
                aria-current={f.view === v ? 'page' : undefined}
                className={clsx(
                  'inline-flex min-h-10 items-center rounded-md px-3 text-sm',
                  f.view === v ? 'bg-brand-700 font-medium text-white' : 'text-stone-700 hover:bg-stone-100',
                )}
              >
                {t(`tasks.view.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Card>
        <TaskList
          today={todayInChina()}
          showSource
          empty={t(`tasks.empty.${f.view}`)}
          // listTasks returns only tasks the actor may move (taskAccess, the rule updateTaskStatus checks).
          tasks={rows.map((r) => ({ ...r, canMove: true }))}
        />
      </Card>
      <KeysetPagination prev={prev} next={next} total={total} basePath="/tasks" params={{ view: f.view }} />
    </>
  );
}
