import { z } from 'zod';
import { procedure } from './procedure';
import { emptyInput, newPasswordSchema, okOutput } from './fields';
import { userSchema } from './users';

export const loginInput = z.strictObject({
  username: z.string().trim().toLowerCase().min(1, 'Escriba el usuario').max(64, 'Usuario demasiado largo'),
  password: z.string().min(1, 'Escriba la contraseña').max(256, 'Contraseña demasiado larga'),
});
export type LoginInput = z.infer<typeof loginInput>;

export const sessionInfoSchema = z.object({
  idleTimeoutSeconds: z.number().int().positive(),
  expiresAt: z.string(),
});

export const loginOutput = z.object({
  token: z.string(),
  user: userSchema,
  session: sessionInfoSchema,
});
export type LoginOutput = z.infer<typeof loginOutput>;

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, 'Escriba la contraseña actual').max(256, 'Contraseña demasiado larga'),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const authProcedures = {
  'auth.login': procedure({
    summary: 'Sign in with username and password; answers a bearer token with idle and absolute expiry.',
    access: 'public',
    input: loginInput,
    output: loginOutput,
  }),
  'auth.logout': procedure({
    summary: 'End the current session.',
    access: 'authenticated',
    input: emptyInput,
    output: okOutput,
  }),
  'auth.me': procedure({
    summary: 'The signed-in user and the session limits.',
    access: 'authenticated',
    input: emptyInput,
    output: z.object({ user: userSchema, session: sessionInfoSchema }),
  }),
  'auth.changePassword': procedure({
    summary: 'Change one’s own password; other sessions of the user end.',
    access: 'authenticated',
    input: changePasswordInput,
    output: okOutput,
  }),
};
