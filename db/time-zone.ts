import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { TIME_ZONE } from '../lib/dates';

/**
 * The mine's time zone in SQL (lib/dates.ts#TIME_ZONE), inline rather than as a parameter: an
 * expression index (cases_year_updated_id_idx) serves only a query that spells the same text, and
 * a prepared statement keeps its plan.
 */
export const ZONE = sql.raw(`'${TIME_ZONE}'`);

/** The day in China a timestamp falls on (a `date`). */
export const chinaDate = (at: SQL | AnyPgColumn): SQL => sql`((${at}) AT TIME ZONE ${ZONE})::date`;

/** The moment a day in China (YYYY-MM-DD) starts, as a timestamptz to compare timestamps with. */
export const chinaDayStart = (day: string | SQL): SQL => sql`(${day}::date)::timestamp AT TIME ZONE ${ZONE}`;
