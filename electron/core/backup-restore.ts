// Restore: the candidate is copied into the data dir and verified there (key, integrity, schema,
// audit chain), brought up to the current schema and its restore audited; only then, holding an
// exclusive lock on the live database, is it renamed into place. The live database is never
// touched before the new one is verified, and is kept as acogida.db.before-restore-<stamp>.
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync } from 'node:fs';
import { basename, join } from 'node:path';
import { removeDatabaseFiles, timestampName } from '../../db/backup';
import { inspectBackupFile, openBackupReadonly } from '../../db/backup-check';
import { createKysely, openEncrypted } from '../../db/connection';
import { StoreError } from '../../db/errors';
import { migrateToLatest } from '../../db/migrate';
import { beforeRestorePath, swapInDatabase } from '../../db/restore-swap';
import { storePaths } from '../../db/store';
import { appendAudit } from './audit';
import { verifyOpenBackup, type BackupReport } from './backup-verify';
import { systemClock, type Clock } from './context';

export interface RestoreResult {
  restoredFrom: string;
  /** Where the replaced database was kept; null when the data dir had none. */
  previous: string | null;
  /** The verification of the backup, before it was migrated. */
  report: BackupReport;
}

function copyDurably(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function restoreBackup(
  dataDir: string,
  file: string,
  dataKey: Buffer,
  options: { clock?: Clock; origin?: string } = {},
): Promise<RestoreResult> {
  const clock = options.clock ?? systemClock;
  if (!existsSync(file)) throw new StoreError('backup_missing', `No existe el archivo ${file}. No se modificó nada.`);
  const live = storePaths(dataDir).database;
  const stamp = timestampName(new Date(clock.now()));
  const previousPath = beforeRestorePath(dataDir, stamp);
  const previousName = existsSync(live) ? basename(previousPath) : null;
  const candidate = join(dataDir, `${basename(live)}.restore-${stamp}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    // Checked on our own copy, so the file cannot change between the check and the swap.
    copyDurably(file, candidate);
    inspectBackupFile(candidate, dataKey, file);
    const raw = openBackupReadonly(candidate, dataKey, file);
    let report: BackupReport;
    try {
      report = await verifyOpenBackup(raw, file, dataKey);
    } finally {
      raw.close();
    }
    const problem = report.problems[0];
    if (problem) throw new StoreError(problem.code, `${problem.message} No se modificó nada.`);

    const db = createKysely(openEncrypted(candidate, dataKey));
    try {
      await migrateToLatest(db);
      await db.transaction().execute((trx) =>
        appendAudit({ clock }, trx, {
          action: 'backup.restore',
          actorUsername: options.origin ?? 'cli',
          origin: options.origin ?? 'cli',
          details: { from: basename(file), previous: previousName, auditRowsVerified: report.audit?.checked ?? null },
        }),
      );
    } finally {
      await db.destroy();
    }
    const previous = swapInDatabase(dataDir, candidate, dataKey, previousPath);
    return { restoredFrom: file, previous, report };
  } finally {
    removeDatabaseFiles(candidate);
  }
}
