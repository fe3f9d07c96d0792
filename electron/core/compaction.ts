// Compaction: the store rewritten in order, its pages full. Indexes that grew by inserts in random
// order (a bulk seeding or import, years of registrations) keep their pages about 88% full; written
// again in key order they fill 99–100%, and a search reads fewer pages (a name prefix at a million
// patients: 34.9 → 31.2 pages from the file). Made as a backup is (VACUUM INTO, encrypted with the
// same key), checked, audited in the copy, and swapped in while every other connection is kept out
// from the first page copied to the rename: nothing written meanwhile can be lost.
import { randomBytes } from 'node:crypto';
import { existsSync, statfsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { removeDatabaseFiles, removeQuietly, timestampName } from '../../db/backup';
import { createKysely, openEncrypted, type RawDatabase } from '../../db/connection';
import { StoreError } from '../../db/errors';
import { keptDatabasePath, lockLiveDatabase, swapUnderLock } from '../../db/restore-swap';
import { storePaths } from '../../db/store';
import { appendAudit } from './audit';
import { tableCounts } from './backup-verify';
import { systemClock, type Clock } from './context';

export interface CompactionResult {
  bytesBefore: number;
  bytesAfter: number;
  /** Pages the old file held unused (its freelist), now gone. */
  freePagesBefore: number;
  seconds: number;
  /** Where the old file was kept; null when `keepPrevious` was false and it was deleted. */
  previous: string | null;
}

export interface CompactionOptions {
  clock?: Clock;
  origin?: string;
  /** Keep the old file beside the new one as acogida.db.before-compact-<stamp> (the default). */
  keepPrevious?: boolean;
}

/** The first table whose row count differs between the two (a table missing counts 0 rows), or null. */
function firstDifference(before: Record<string, number>, after: Record<string, number>): { table: string; before: number; after: number } | null {
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[table] !== after[table]) return { table, before: before[table] ?? 0, after: after[table] ?? 0 };
  }
  return null;
}

export async function compactStore(dataDir: string, dataKey: Buffer, options: CompactionOptions = {}): Promise<CompactionResult> {
  const started = performance.now();
  const clock = options.clock ?? systemClock;
  const live = storePaths(dataDir).database;
  if (!existsSync(live)) throw new StoreError('database_missing', `No se encontró la base de datos en ${live}.`);
  const bytesBefore = statSync(live).size;
  // The copy is written beside the live file (the rename must not cross file systems).
  const free = statfsSync(dataDir);
  if (free.bavail * free.bsize < bytesBefore * 1.05) {
    throw new StoreError(
      'disk_space',
      `Compactar necesita espacio libre para una copia completa (${Math.ceil(bytesBefore / 2 ** 20)} MB) en ${dataDir}; hay ${Math.floor((free.bavail * free.bsize) / 2 ** 20)} MB. No se modificó nada.`,
    );
  }
  let lock: RawDatabase;
  try {
    lock = lockLiveDatabase(live, dataKey);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'database_in_use') {
      throw new StoreError('database_in_use', `La base de datos está en uso por otro proceso (el servidor de Acogida o la aplicación de escritorio). Ciérrelo y repita la compactación. No se modificó nada.`);
    }
    throw error;
  }
  const stamp = timestampName(new Date(clock.now()));
  const candidate = join(dataDir, `${basename(live)}.compact-${stamp}-${randomBytes(4).toString('hex')}.tmp`);
  let swapped = false;
  try {
    const freePagesBefore = lock.pragma('freelist_count', { simple: true }) as number;
    const before = tableCounts(lock);
    lock.prepare('VACUUM INTO ?').run(candidate);
    const copy = openEncrypted(candidate, dataKey);
    try {
      const check = (copy.pragma('quick_check') as Record<string, string>[]).map((row) => String(Object.values(row)[0]));
      if (check.length !== 1 || check[0] !== 'ok') throw new StoreError('compaction_failed', `La copia compactada no pasó la verificación de integridad (${check[0]}). No se modificó nada.`);
      const difference = firstDifference(before, tableCounts(copy));
      if (difference) {
        const { table, before: rowsBefore, after: rowsAfter } = difference;
        throw new StoreError('compaction_failed', `La copia compactada no tiene las mismas filas: ${table} tiene ${rowsBefore} y la copia ${rowsAfter}. No se modificó nada.`);
      }
    } finally {
      copy.close();
    }
    const bytesAfter = statSync(candidate).size;
    const db = createKysely(openEncrypted(candidate, dataKey));
    try {
      await db.transaction().execute((trx) =>
        appendAudit({ clock }, trx, {
          action: 'store.compact',
          actorUsername: options.origin ?? 'cli',
          origin: options.origin ?? 'cli',
          details: { bytesBefore, bytesAfter, freePagesBefore },
        }),
      );
    } finally {
      await db.destroy();
    }
    const previous = swapUnderLock(dataDir, candidate, lock, keptDatabasePath(dataDir, 'compact', stamp));
    swapped = true;
    if (options.keepPrevious === false) removeQuietly(previous);
    return { bytesBefore, bytesAfter, freePagesBefore, seconds: (performance.now() - started) / 1000, previous: options.keepPrevious === false ? null : previous };
  } finally {
    if (!swapped) {
      if (lock.open) lock.close();
      removeDatabaseFiles(candidate);
    }
  }
}
