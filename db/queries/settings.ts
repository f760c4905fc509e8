import 'server-only';
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { settings } from '@/db/schema';
import { DEFAULT_PUBLICITY_DAYS } from '@/lib/workflow/case-workflow';

export const PUBLICITY_DAYS_KEY = 'publicity_days';

/** The publicity window's length in days, as leaders set it (5 until they do). */
export async function publicityDays(db: Queryable): Promise<number> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, PUBLICITY_DAYS_KEY));
  const days = Number(row?.value);
  return Number.isInteger(days) && days >= 1 ? days : DEFAULT_PUBLICITY_DAYS;
}
