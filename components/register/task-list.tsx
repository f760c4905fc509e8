import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { EmptyState } from '@/components/ui/card';
import type { TaskStatus } from '@/db/schema';
import { DueDate, TaskStatusBadge } from './badges';
import { TaskStatusControl } from './task-status-control';

export interface TaskView {
  id: number;
  appeal: string;
  status: TaskStatus;
  dueOn: string;
  outcome: string | null;
  ownerName: string;
  /** Where it came from, for the task list: the household (linked) or a symposium opinion. */
  householdId?: number | null;
  workerName?: string | null;
  unitName?: string;
  /** Whether the viewer may move it (its owner, an official in scope, a leader). */
  canMove: boolean;
}

/** Tasks (办实事) as a list of cards: readable on a phone, with the status controls inline. */
export function TaskList({
  tasks,
  today,
  showSource = false,
  empty,
}: {
  tasks: TaskView[];
  today: string;
  showSource?: boolean;
  empty: string;
}) {
  const t = useTranslations();
  if (tasks.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="divide-y divide-stone-100" data-testid="task-list">
      {tasks.map((task) => (
        <li key={task.id} className="space-y-2 py-3" data-testid="task">
          <div className="flex flex-wrap items-center gap-2">
            <TaskStatusBadge status={task.status} />
            <span className="font-medium">{task.appeal}</span>
          </div>
          <dl className="flex flex-col gap-x-6 gap-y-1 text-sm text-stone-700 sm:flex-row sm:flex-wrap">
            {showSource && (
              <div className="flex gap-1.5">
                <dt className="text-stone-500">{t('tasks.source')}</dt>
                <dd>
                  {task.householdId ? (
                    <Link
                      href={`/households/${task.householdId}`}
                      className="text-brand-700 underline-offset-2 hover:underline"
                    >
                      {task.workerName}
                    </Link>
                  ) : (
                    t('tasks.fromSymposium')
                  )}
                  {task.unitName && <span className="text-stone-500"> · {task.unitName}</span>}
                </dd>
              </div>
            )}
            <div className="flex gap-1.5">
              <dt className="text-stone-500">{t('tasks.owner')}</dt>
              <dd>{task.ownerName}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-stone-500">{t('tasks.dueOn')}</dt>
              <dd>
                <DueDate date={task.dueOn} today={today} done={task.status === 'done'} />
              </dd>
            </div>
          </dl>
          {task.outcome && (
            <p className="flex gap-1.5 text-sm">
              <span className="shrink-0 text-stone-500">{t('tasks.outcome')}</span>{' '}
              <span className="whitespace-pre-line">{task.outcome}</span>
            </p>
          )}
          {task.canMove && <TaskStatusControl taskId={task.id} status={task.status} />}
        </li>
      ))}
    </ul>
  );
}
