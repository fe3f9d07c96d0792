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

/** A signed-in session that has not ended, expired or gone idle. */
export const activeSessionSchema = z.object({
  id: idSchema,
  userId: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** When the idle lock ends it unless used again. */
  idleExpiresAt: z.string(),
  /** The absolute expiry, however active. */
  expiresAt: z.string(),
  /** Where it was opened: "ipc", "http 192.168.1.23". */
  origin: z.string().nullable(),
  /** The session of the admin asking. */
  current: z.boolean(),
});
export type ActiveSession = z.infer<typeof activeSessionSchema>;

export const listSessionsInput = z.strictObject({ userId: idSchema.optional() });
export type ListSessionsInput = z.infer<typeof listSessionsInput>;

export const endSessionsInput = z
  .strictObject({ userId: idSchema.optional(), sessionId: idSchema.optional() })
  .refine((v) => (v.userId === undefined) !== (v.sessionId === undefined), { message: 'Indique un usuario (userId) o una sesión (sessionId), no ambos.', path: ['userId'] });
export type EndSessionsInput = z.infer<typeof endSessionsInput>;

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
  'users.sessions': procedure({
    summary: 'Active sessions (not ended, expired or idle), of one user or of everyone, newest first, with created, last seen, expiry and origin.',
    access: ['admin'],
    input: listSessionsInput,
    output: z.object({ sessions: z.array(activeSessionSchema) }),
  }),
  'users.endSessions': procedure({
    summary: "End one session (sessionId) or every active session of a user (userId); audited. The admin's own current session is kept: use auth.logout.",
    access: ['admin'],
    input: endSessionsInput,
    output: z.object({ ended: z.number().int().nonnegative() }),
  }),
};
