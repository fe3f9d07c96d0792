import { z } from 'zod';
import { procedure } from './procedure';
import { displayNameSchema, idSchema, newPasswordSchema, okOutput, roleSchema, usernameSchema } from './fields';

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const createUserInput = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  password: newPasswordSchema,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.strictObject({
  userId: idSchema,
  displayName: displayNameSchema.optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const resetPasswordInput = z.strictObject({
  userId: idSchema,
  newPassword: newPasswordSchema,
});
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

export const usersProcedures = {
  'users.list': procedure({
    summary: 'Staff accounts, active first.',
    access: ['admin'],
    input: z.strictObject({ includeInactive: z.boolean().optional() }),
    output: z.object({ users: z.array(userSchema) }),
  }),
  'users.create': procedure({
    summary: 'Create a staff account with a role and a first password.',
    access: ['admin'],
    input: createUserInput,
    output: z.object({ user: userSchema }),
  }),
  'users.update': procedure({
    summary: 'Change display name, role or active flag; the last active admin cannot lose the role or be deactivated.',
    access: ['admin'],
    input: updateUserInput,
    output: z.object({ user: userSchema }),
  }),
  'users.resetPassword': procedure({
    summary: 'Set a temporary password; the user must change it at the next login and all their sessions end.',
    access: ['admin'],
    input: resetPasswordInput,
    output: okOutput,
  }),
};
