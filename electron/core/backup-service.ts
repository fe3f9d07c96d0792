// "Back up now" and the automatic backup: one at a time, with progress, each audited.
import { basename } from 'node:path';
import { backupDir, DEFAULT_KEEP, listBackups, writeRotatingBackup } from '../../db/backup';
import { StoreError } from '../../db/errors';
import type { BackupCreateOutput, BackupStatusOutput } from '../api/backups';
import { recordAudit } from './audit';
import type { Actor, ServiceContext } from './context';
import { AppError, conflict } from './errors';

export type BackupTrigger = { kind: 'manual'; actor: Actor; origin: string | null } | { kind: 'automatic' } | { kind: 'cli' };

export interface BackupService {
  readonly dataDir: string;
  readonly keep: number;
  create(ctx: ServiceContext, trigger: BackupTrigger): Promise<BackupCreateOutput>;
  list(): { directory: string; backups: { file: string; bytes: number; at: string }[] };
  status(ctx: ServiceContext): Promise<BackupStatusOutput>;
  /** Age of the newest backup at `now`, or null when there is none. */
  newestAgeMs(now: number): number | null;
}

export function createBackupService(options: { dataDir: string; dataKey: Buffer; keep?: number }): BackupService {
  const keep = options.keep ?? DEFAULT_KEEP;
  let running: { startedAt: string; progress: number } | null = null;
  let lastAutomaticAt: string | null = null;

  const actorFields = (trigger: BackupTrigger) =>
    trigger.kind === 'manual'
      ? { actor: trigger.actor, origin: trigger.origin }
      : { actorUsername: trigger.kind === 'automatic' ? 'automatic' : 'cli', origin: trigger.kind };

  return {
    dataDir: options.dataDir,
    keep,

    async create(ctx, trigger) {
      if (running) {
        throw conflict(`Ya hay una copia de seguridad en curso (${Math.round(running.progress * 100)} %). Espere a que termine.`);
      }
      const startedAt = new Date(ctx.clock.now());
      const job = { startedAt: startedAt.toISOString(), progress: 0 };
      running = job;
      try {
        const result = await writeRotatingBackup(options.dataDir, options.dataKey, {
          now: startedAt,
          keep,
          onProgress: (fraction) => {
            job.progress = Math.max(job.progress, Math.min(1, fraction));
          },
        });
        const file = basename(result.file);
        await recordAudit(ctx, { action: 'backup.create', ...actorFields(trigger), details: { trigger: trigger.kind, file, bytes: result.bytes } });
        if (trigger.kind === 'automatic') lastAutomaticAt = startedAt.toISOString();
        return { file, bytes: result.bytes, at: startedAt.toISOString(), integrity: 'ok' as const };
      } catch (error) {
        const message = error instanceof StoreError ? error.message : `No se pudo hacer la copia de seguridad: ${(error as Error).message}`;
        await recordAudit(ctx, { action: 'backup.create', outcome: 'failure', ...actorFields(trigger), details: { trigger: trigger.kind, error: message } });
        throw new AppError('internal', message);
      } finally {
        running = null;
      }
    },

    list() {
      return { directory: backupDir(options.dataDir), backups: listBackups(options.dataDir).map(({ file, bytes, at }) => ({ file, bytes, at })) };
    },

    async status(ctx) {
      if (!lastAutomaticAt) {
        const row = await ctx.db
          .selectFrom('audit_log')
          .select('at')
          .where('action', '=', 'backup.create')
          .where('outcome', '=', 'success')
          .where('actor_username', '=', 'automatic')
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst();
        lastAutomaticAt = row?.at ?? null;
      }
      return {
        running: running !== null,
        progress: running ? running.progress : null,
        startedAt: running ? running.startedAt : null,
        lastBackupAt: listBackups(options.dataDir)[0]?.at ?? null,
        lastAutomaticAt,
        keep,
      };
    },

    newestAgeMs(now) {
      const newest = listBackups(options.dataDir)[0];
      return newest ? now - Date.parse(newest.at) : null;
    },
  };
}

/** The capability, or a clear refusal where this process cannot reach the data dir. */
export function backupsOf(ctx: ServiceContext): BackupService {
  if (!ctx.backups) {
    throw new AppError('internal', 'Las copias de seguridad no están disponibles en este equipo: solo el equipo que guarda la base de datos puede hacerlas.');
  }
  return ctx.backups;
}
