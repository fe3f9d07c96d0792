// Set-up of this computer, before any database is open. Desktop (Electron IPC) only:
// the LAN host is set up with the command line instead.
import { z } from 'zod';
import { procedure } from './procedure';
import { displayNameSchema, emptyInput, newPasswordSchema, okOutput, usernameSchema } from './fields';

export const fingerprintSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'La huella es SHA-256: 32 pares hexadecimales separados por dos puntos');

export const hostUrlSchema = z
  .string()
  .trim()
  .url('Escriba la dirección completa, por ejemplo https://192.168.1.20:4317')
  .refine((u) => /^https:\/\//i.test(u), 'La dirección debe empezar por https:// (el servidor de la unidad usa TLS)');

export const passphraseSchema = z
  .string()
  .refine((s) => [...s].length >= 12, 'La frase de acceso debe tener al menos 12 caracteres')
  .refine((s) => [...s].length <= 1024, 'La frase de acceso es demasiado larga');

export const deviceStatusSchema = z.object({
  mode: z.enum(['unconfigured', 'local', 'remote']),
  locked: z.boolean(),
  hostUrl: z.string().nullable(),
  osKeystore: z.enum(['available', 'unavailable', 'insecure']),
});
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

export const createLocalInput = z.strictObject({
  passphrase: passphraseSchema,
  adminUsername: usernameSchema,
  adminDisplayName: displayNameSchema,
  adminPassword: newPasswordSchema,
});
export type CreateLocalInput = z.infer<typeof createLocalInput>;

export const connectHostInput = z.strictObject({
  url: hostUrlSchema,
  fingerprint: fingerprintSchema,
});
export type ConnectHostInput = z.infer<typeof connectHostInput>;

export const unlockInput = z.union([
  z.strictObject({ passphrase: z.string().min(1, 'Escriba la frase de acceso').max(1024) }),
  z.strictObject({ recoveryKey: z.string().min(1, 'Escriba la clave de recuperación').max(200) }),
]);
export type UnlockInput = z.infer<typeof unlockInput>;

export const deviceProcedures = {
  'device.status': procedure({
    summary: 'Whether this computer keeps the database, connects to a host, or is not set up yet.',
    access: 'public',
    transport: 'desktop',
    input: emptyInput,
    output: deviceStatusSchema,
  }),
  'device.createLocal': procedure({
    summary: 'Create the encrypted database on this computer; answers the recovery key, shown once.',
    access: 'public',
    transport: 'desktop',
    input: createLocalInput,
    output: z.object({ recoveryKey: z.string() }),
  }),
  'device.probeHost': procedure({
    summary: 'Read the certificate fingerprint of a host, to compare with the one the host printed.',
    access: 'public',
    transport: 'desktop',
    input: z.strictObject({ url: hostUrlSchema }),
    output: z.object({ fingerprint: z.string().nullable() }),
  }),
  'device.connectHost': procedure({
    summary: 'Use the unit’s host at this URL, pinning its certificate fingerprint.',
    access: 'public',
    transport: 'desktop',
    input: connectHostInput,
    output: okOutput,
  }),
  'device.unlock': procedure({
    summary: 'Open the local database with the passphrase or the recovery key.',
    access: 'public',
    transport: 'desktop',
    input: unlockInput,
    output: okOutput,
  }),
};
