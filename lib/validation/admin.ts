import { z } from 'zod';
import { ROLES } from '@/lib/roles';
import { employeeNo, id, newPassword, optionalIdNumber, optionalPhone, personName, required } from './common';

export const createUnitSchema = z.object({
  parentId: id,
  name: required(40),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,20}$/, 'unitCodeFormat'),
});

export const renameUnitSchema = z.object({ unitId: id, name: required(40) });

export const moveUnitSchema = z.object({ unitId: id, newParentId: id });

const userFields = {
  name: personName,
  role: z.enum(ROLES, { message: 'required' }),
  unitId: id,
  idNumber: optionalIdNumber,
  phone: optionalPhone,
};

export const createUserSchema = z.object({ employeeNo, ...userFields, password: newPassword });
// Editing an account leaves its ID number and phone as they are unless the form sends them: the
// form has them only after an audited "show" (components/admin/user-form.tsx).
export const updateUserSchema = z.object({
  userId: id,
  ...userFields,
  idNumber: optionalIdNumber.optional(),
  phone: optionalPhone.optional(),
});
export const setUserDisabledSchema = z.object({ userId: id, disabled: z.boolean() });
export const resetPasswordSchema = z.object({ userId: id, password: newPassword });
