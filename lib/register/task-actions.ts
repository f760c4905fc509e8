'use server';

import { and, eq, sql } from 'drizzle-orm';
import { tasks } from '@/db/schema';
import { getTaskForChange } from '@/db/queries/tasks';
import { action } from '@/lib/auth/action';
import { todayInChina } from '@/lib/dates';
import { conflict, invalidField } from '@/lib/errors';
import { canMoveTask } from '@/lib/register/rules';
import { taskStatusSchema } from '@/lib/validation/register';

/** open → in progress → done (with its outcome); the owner, officials in scope or a leader. */
export const updateTaskStatus = action(
  { name: 'task.updateStatus', can: 'register.care', schema: taskStatusSchema },
  async ({ taskId, status, outcome }, { actor, tx }) => {
    const task = await getTaskForChange(tx, actor, taskId);
    if (!canMoveTask(task.status, status)) throw invalidField('status', 'taskMoveNotAllowed');
    const done = status === 'done';
    const [row] = await tx
      .update(tasks)
      .set({
        status,
        outcome: done ? outcome : null,
        doneOn: done ? todayInChina() : null,
        version: sql`${tasks.version} + 1`,
      })
      .where(and(eq(tasks.id, taskId), eq(tasks.status, task.status), eq(tasks.version, task.version)))
      .returning({ id: tasks.id });
    if (!row) throw conflict();
    return {
      data: null,
      audit: {
        action: 'task.updateStatus',
        entity: 'task',
        entityId: taskId,
        before: { status: task.status },
        after: { status, outcome: done ? outcome : null },
      },
    };
  },
);
