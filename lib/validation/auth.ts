import { z } from 'zod';
import { newPassword } from './common';
import { tooLong } from './messages';

export const loginSchema = z.object({
  employeeNo: z.string().trim().toUpperCase().min(1, 'required').max(20, tooLong(20)),
  password: z.string().min(1, 'required').max(128, tooLong(128)),
});
export type LoginInput = z.input<typeof loginSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'required'),
    newPassword,
    confirmPassword: z.string().min(1, 'required'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'passwordMismatch' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'passwordUnchanged' });
