'use server';

import { eq, sql } from 'drizzle-orm';
import { orgUnits } from '@/db/schema';
import { getUnit } from '@/db/queries/units';
import { action } from '@/lib/auth/action';
import { AppError, invalidField, isUniqueViolation } from '@/lib/errors';
import { childPath, scopeOf } from '@/lib/scope';
import { createUnitSchema, moveUnitSchema, renameUnitSchema } from '@/lib/validation/admin';

const CHILD_LEVEL = { mine: 'branch', branch: 'sub_branch', sub_branch: null } as const;

export const createUnit = action(
  { name: 'unit.create', can: 'admin.units', schema: createUnitSchema },
  async ({ parentId, name, code }, { actor, tx }) => {
    const parent = await getUnit(tx, scopeOf(actor), parentId, { forUpdate: true });
    const level = CHILD_LEVEL[parent.level];
    if (!level) throw invalidField('parentId', 'unitNoChildren');
    const [{ id }] = (
      await tx.execute<{ id: number }>(sql`SELECT nextval(pg_get_serial_sequence('org_units', 'id'))::int AS id`)
    ).rows;
    try {
      await tx.insert(orgUnits).values({ id, code, name, level, parentId, path: childPath(parent.path, id) });
    } catch (err) {
      if (isUniqueViolation(err, 'org_units_code_key')) throw invalidField('code', 'unitCodeTaken');
      throw err;
    }
    const after = { code, name, level, parentId };
    return { data: { id }, audit: { action: 'unit.create', entity: 'org_unit', entityId: id, after } };
  },
);

export const renameUnit = action(
  { name: 'unit.rename', can: 'admin.units', schema: renameUnitSchema },
  async ({ unitId, name }, { actor, tx }) => {
    const unit = await getUnit(tx, scopeOf(actor), unitId, { forUpdate: true });
    await tx.update(orgUnits).set({ name }).where(eq(orgUnits.id, unitId));
    return {
      data: null,
      audit: {
        action: 'unit.rename',
        entity: 'org_unit',
        entityId: unitId,
        before: { name: unit.name },
        after: { name },
      },
    };
  },
);

/**
 * Moves a unit (and everything below it) under another parent of the level just above it.
 * Everyone's scope follows at once, because scope is read from the paths on every request.
 */
export const moveUnit = action(
  { name: 'unit.move', can: 'admin.units', schema: moveUnitSchema },
  async ({ unitId, newParentId }, { actor, tx }) => {
    const scope = scopeOf(actor);
    const unit = await getUnit(tx, scope, unitId, { forUpdate: true });
    const parent = await getUnit(tx, scope, newParentId, { forUpdate: true });
    if (unit.parentId === null) throw new AppError('invalid', 'unitCannotMove');
    if (parent.path.startsWith(unit.path)) throw invalidField('newParentId', 'unitMoveIntoSelf');
    if (CHILD_LEVEL[parent.level] !== unit.level) throw invalidField('newParentId', 'unitWrongParentLevel');
    if (parent.id === unit.parentId) throw invalidField('newParentId', 'unitSameParent');
    const newPath = childPath(parent.path, unit.id);
    await tx.update(orgUnits).set({ parentId: parent.id }).where(eq(orgUnits.id, unit.id));
    await tx.execute(sql`
      UPDATE ${orgUnits} SET path = ${newPath} || substr(path, ${unit.path.length + 1})
      WHERE path LIKE ${unit.path + '%'}`);
    return {
      data: null,
      audit: {
        action: 'unit.move',
        entity: 'org_unit',
        entityId: unit.id,
        before: { parentId: unit.parentId, path: unit.path },
        after: { parentId: parent.id, path: newPath },
      },
    };
  },
);
