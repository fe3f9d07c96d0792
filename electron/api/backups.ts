import { z } from 'zod';
import { procedure } from './procedure';
import { emptyInput } from './fields';

export const backupFileSchema = z.object({
  /** The file name in the host's backup folder (acogida-YYYYMMDD-HHMMSS.db). */
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  /** When it was taken, as its name states (ISO 8601). */
  at: z.string(),
});
export type BackupFileInfo = z.infer<typeof backupFileSchema>;

export const backupCreateOutput = backupFileSchema.extend({ integrity: z.literal('ok') });
export type BackupCreateOutput = z.infer<typeof backupCreateOutput>;

export const backupStatusOutput = z.object({
  running: z.boolean(),
  /** 0..1 while a backup runs, else null. */
  progress: z.number().min(0).max(1).nullable(),
  startedAt: z.string().nullable(),
  lastBackupAt: z.string().nullable(),
  lastAutomaticAt: z.string().nullable(),
  /** How many backups the host keeps. */
  keep: z.number().int().positive(),
});
export type BackupStatusOutput = z.infer<typeof backupStatusOutput>;

export const backupsProcedures = {
  'backups.create': procedure({
    summary: 'Back up now: an encrypted copy (same key), integrity-checked, into the host\'s backup folder; keeps the last N. 409 while another backup runs.',
    access: ['admin'],
    input: emptyInput,
    output: backupCreateOutput,
  }),
  'backups.list': procedure({
    summary: 'The backups in the host\'s backup folder, newest first, with size and date.',
    access: ['admin'],
    input: emptyInput,
    output: z.object({ directory: z.string(), backups: z.array(backupFileSchema) }),
  }),
  'backups.status': procedure({
    summary: 'Whether a backup is running and its progress (0..1); the last backup and the last automatic one.',
    access: ['admin'],
    input: emptyInput,
    output: backupStatusOutput,
  }),
};
