'use server';

import { eq, sql } from 'drizzle-orm';
import { households, users } from '@/db/schema';
import { getPerson, personAuditView } from '@/db/queries/people';
import { getUnit } from '@/db/queries/units';
import type { Tx } from '@/db/client';
import { action } from '@/lib/auth/action';
import { hashPassword } from '@/lib/auth/password';
import { accountKey, clearFailures } from '@/lib/auth/throttle';
import { AppError, invalidField, isUniqueViolation } from '@/lib/errors';
import { ROLE_UNIT_LEVEL, type Role } from '@/lib/roles';
import { scopeOf, type Actor } from '@/lib/scope';
import { createUserSchema, resetPasswordSchema, setUserDisabledSchema, updateUserSchema } from '@/lib/validation/admin';

async function checkUnitFitsRole(tx: Tx, actor: Actor, unitId: number, role: Role) {
  const unit = await getUnit(tx, scopeOf(actor), unitId);
  if (!ROLE_UNIT_LEVEL[role].includes(unit.level)) throw invalidField('unitId', 'unitWrongForRole');
}

function uniqueToField(err: unknown): never {
  if (isUniqueViolation(err, 'users_employee_no_key')) throw invalidField('employeeNo', 'employeeNoTaken');
  if (isUniqueViolation(err, 'users_id_number_key')) throw invalidField('idNumber', 'idNumberTaken');
  throw err;
}

export const createUser = action(
  { name: 'user.create', can: 'admin.users', schema: createUserSchema },
  async ({ password, ...fields }, { actor, tx }) => {
    await checkUnitFitsRole(tx, actor, fields.unitId, fields.role);
    const passwordHash = await hashPassword(password);
    const [row] = await tx
      .insert(users)
      .values({ ...fields, passwordHash })
      .returning({ id: users.id })
      .catch(uniqueToField);
    return {
      data: { id: row.id },
      audit: {
        action: 'user.create',
        entity: 'user',
        entityId: row.id,
        after: personAuditView({ ...fields, disabled: false }),
      },
    };
  },
);

export const updateUser = action(
  { name: 'user.update', can: 'admin.users', schema: updateUserSchema },
  async ({ userId, ...given }, { actor, tx }) => {
    const before = await getPerson(tx, scopeOf(actor), userId, { forUpdate: true });
    // An identifier the form did not send (not shown, so not edited) stays as it is.
    const fields = {
      ...given,
      idNumber: given.idNumber === undefined ? before.idNumber : given.idNumber,
      phone: given.phone === undefined ? before.phone : given.phone,
    };
    if (userId === actor.userId && (fields.role !== before.role || fields.unitId !== before.unitId)) {
      throw new AppError('invalid', 'cannotChangeOwnRole');
    }
    await checkUnitFitsRole(tx, actor, fields.unitId, fields.role);
    // A new role or unit changes what the account may see: end its live sessions.
    const access = fields.role !== before.role || fields.unitId !== before.unitId;
    await tx
      .update(users)
      .set({
        ...fields,
        updatedAt: new Date(),
        ...(access ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(eq(users.id, userId))
      .catch(uniqueToField);
    // The hardship file follows its worker, so the scope of who keeps it follows too.
    if (fields.unitId !== before.unitId)
      await tx.update(households).set({ unitId: fields.unitId }).where(eq(households.workerId, userId));
    return {
      data: null,
      audit: {
        action: 'user.update',
        entity: 'user',
        entityId: userId,
        before: personAuditView(before),
        after: personAuditView({ ...before, ...fields }),
      },
    };
  },
);

export const setUserDisabled = action(
  { name: 'user.setDisabled', can: 'admin.users', schema: setUserDisabledSchema },
  async ({ userId, disabled }, { actor, tx }) => {
    if (userId === actor.userId) throw new AppError('invalid', 'cannotDisableSelf');
    const before = await getPerson(tx, scopeOf(actor), userId, { forUpdate: true });
    await tx
      .update(users)
      .set({ disabled, updatedAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    return {
      data: null,
      audit: {
        action: disabled ? 'user.disable' : 'user.enable',
        entity: 'user',
        entityId: userId,
        before: { disabled: before.disabled },
        after: { disabled },
      },
    };
  },
);

export const resetPassword = action(
  { name: 'user.resetPassword', can: 'admin.users', schema: resetPasswordSchema },
  async ({ userId, password }, { actor, tx }) => {
    const person = await getPerson(tx, scopeOf(actor), userId, { forUpdate: true });
    await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(password),
        updatedAt: new Date(),
        sessionVersion: sql`${users.sessionVersion} + 1`,
      })
      .where(eq(users.id, userId));
    await clearFailures(tx, accountKey(person.employeeNo));
    return { data: null, audit: { action: 'user.resetPassword', entity: 'user', entityId: userId } };
  },
);
