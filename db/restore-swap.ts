// Puts an already verified database file in place of the live one, keeping the old one.
//
// The live database is in WAL mode. Its -wal file holds pages of the OLD database: left beside
// the new file, SQLite would replay them into it (a WAL is not tied to one database file) and
// corrupt it. So, holding an exclusive lock, the old database is checkpointed and switched to
// rollback-journal mode, which merges and deletes its WAL; only then is the new file renamed in.
import { existsSync, linkSync, copyFileSync, renameSync, unlinkSync } from 'node:fs';
import { openEncrypted, type RawDatabase } from './connection';
import { StoreError } from './errors';
import { fsyncDir } from './backup';
import { storePaths } from './store';

const LOCK_WAIT_MS = 250;

export const inUseMessage =
  'La base de datos está en uso por otro proceso (el servidor de Acogida o la aplicación de escritorio). Ciérrelo y repita la restauración. No se modificó nada.';

/**
 * Opens the live database and takes an exclusive lock that it keeps until closed. Every other
 * connection (in this process or another) holds a shared lock while open, so this fails while
 * the host or the app has the database open, however idle.
 */
export function lockLiveDatabase(file: string, dataKey: Buffer): RawDatabase {
  let db: RawDatabase;
  try {
    db = openEncrypted(file, dataKey);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'database_unreadable') {
      throw new StoreError(
        'database_unreadable',
        `La base de datos actual (${file}) no se puede abrir: está en uso por otro proceso, dañada o no corresponde a esta clave. Si está dañada, detenga Acogida, muévala a otra carpeta y repita la restauración. No se modificó nada.`,
      );
    }
    throw error;
  }
  try {
    db.pragma(`busy_timeout=${LOCK_WAIT_MS}`);
    db.pragma('locking_mode=EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const mode = db.pragma('journal_mode=DELETE', { simple: true });
    if (mode !== 'delete') throw new Error(`journal_mode stayed ${String(mode)}`);
    return db;
  } catch {
    db.close();
    throw new StoreError('database_in_use', inUseMessage);
  }
}

function removeIfPresent(file: string): void {
  if (existsSync(file)) unlinkSync(file);
}

/** Where the replaced database is kept: acogida.db.before-<what>-<stamp>[-N], a name not yet taken. */
export function keptDatabasePath(dataDir: string, what: 'restore' | 'compact', stamp: string): string {
  const stem = `${storePaths(dataDir).database}.before-${what}-${stamp}`;
  if (!existsSync(stem)) return stem;
  for (let n = 2; ; n += 1) if (!existsSync(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** Where a restore keeps the replaced database: acogida.db.before-restore-<stamp>[-N]. */
export const beforeRestorePath = (dataDir: string, stamp: string): string => keptDatabasePath(dataDir, 'restore', stamp);

/**
 * Replaces DATA_DIR/acogida.db by `candidate` (a verified, closed file in the same directory).
 * The old database is kept at `previous`; answers that path, or null when there was no live database.
 */
export function swapInDatabase(dataDir: string, candidate: string, dataKey: Buffer, previous: string): string | null {
  const live = storePaths(dataDir).database;
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(`${candidate}${suffix}`)) throw new Error(`The candidate ${candidate} still has a ${suffix} file`);
  }
  if (!existsSync(live)) {
    for (const suffix of ['-wal', '-shm', '-journal']) removeIfPresent(`${live}${suffix}`);
    renameSync(candidate, live);
    fsyncDir(dataDir);
    return null;
  }
  if (existsSync(previous)) throw new Error(`${previous} already exists`);
  return swapUnderLock(dataDir, candidate, lockLiveDatabase(live, dataKey), previous);
}

/**
 * The swap itself, with the live database already held by `lock` (lockLiveDatabase), which it
 * closes: for a caller that must keep every writer out from before it made the candidate (a
 * compaction, whose copy would otherwise miss what was written meanwhile).
 */
export function swapUnderLock(dataDir: string, candidate: string, lock: RawDatabase, previous: string): string {
  const live = storePaths(dataDir).database;
  let closed = false;
  try {
    if (existsSync(previous)) throw new Error(`${previous} already exists`);
    for (const suffix of ['-wal', '-shm', '-journal']) {
      if (existsSync(`${candidate}${suffix}`)) throw new Error(`The candidate ${candidate} still has a ${suffix} file`);
    }
    if (existsSync(`${live}-wal`)) throw new Error('The old WAL survived the switch to rollback mode');
    removeIfPresent(`${live}-shm`);
    if (process.platform === 'win32') {
      // Windows cannot rename an open file: release the lock first (a tiny window for another opener).
      lock.close();
      closed = true;
      renameSync(live, previous);
    } else {
      // POSIX: the lock follows the old inode; the new file takes the name in one atomic rename.
      try {
        linkSync(live, previous);
      } catch {
        copyFileSync(live, previous);
      }
    }
    renameSync(candidate, live);
    fsyncDir(dataDir);
  } finally {
    if (!closed) lock.close();
  }
  // The old database's (empty) rollback journal must not sit beside the new file.
  removeIfPresent(`${live}-journal`);
  return previous;
}
