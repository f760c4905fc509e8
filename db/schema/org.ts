import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export const UNIT_LEVELS = ['mine', 'branch', 'sub_branch'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/**
 * The union's org tree (矿工会 → 分会 → 支会). `path` is the materialised chain of ids with a
 * trailing dot ("1.4.17."), so "this unit and everything below it" is one indexed prefix match
 * and a path never matches a sibling whose id merely starts with the same digits.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: UNIT_LEVELS }).notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => orgUnits.id),
    path: text('path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('org_units_code_key').on(t.code),
    uniqueIndex('org_units_path_key').on(t.path),
    index('org_units_path_prefix_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('org_units_parent_idx').on(t.parentId),
    // The register sorted by unit name: the units in name order, then each one's households.
    index('org_units_name_idx').on(t.name),
    check('org_units_level_check', sql`${t.level} IN ('mine','branch','sub_branch')`),
    check('org_units_level_parent', sql`(${t.level} = 'mine') = (${t.parentId} IS NULL)`),
  ],
);
