// Backup files: a verified, encrypted snapshot moved into place atomically; DATA_DIR/backups/
// holds the last N, named acogida-YYYYMMDD-HHMMSS.db (local time), each with a sidecar JSON.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { snapshotDatabase } from './backup-snapshot';
import { StoreError } from './errors';
import { keyIdOf } from './keyring';
import { storePaths } from './store';

export const BACKUP_DIR = 'backups';
export const DEFAULT_KEEP = 14;
const NAME = /^acogida-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?\.db$/;
/** A crashed backup's temp file is removed only when it is this old (another may be writing it). */
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

/** What a backup says about itself, beside it as FILE.json. Never holds the key. */
export interface BackupSidecar {
  format: 'acogida-backup';
  version: 1;
  createdAt: string;
  /** keyIdOf(dataKey): tells a backup made with another key apart without revealing either. */
  keyId: string;
  bytes: number;
  sha256: string;
}

export interface BackupFile {
  file: string;
  path: string;
  bytes: number;
  at: string;
}

export function backupDir(dataDir: string): string {
  return join(dataDir, BACKUP_DIR);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** YYYYMMDD-HHMMSS in the machine's local time (the unit's clock). */
export function timestampName(date: Date): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** The time a backup's name states, or null for a file that is not one of ours. */
export function timeOfBackupName(file: string): Date | null {
  const m = NAME.exec(file);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return new Date(y!, mo! - 1, d!, h!, mi!, s!);
}

/** A fresh name in `dir` for a backup taken at `date`; a second one in the same second gets "-2". */
export function nextBackupName(dir: string, date: Date): string {
  const stem = `acogida-${timestampName(date)}`;
  if (!existsSync(join(dir, `${stem}.db`))) return `${stem}.db`;
  for (let n = 2; ; n += 1) if (!existsSync(join(dir, `${stem}-${n}.db`))) return `${stem}-${n}.db`;
}

export function sidecarPath(file: string): string {
  return `${file}.json`;
}

export function readSidecar(file: string): BackupSidecar | null {
  const path = sidecarPath(file);
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<BackupSidecar>;
    if (parsed.format !== 'acogida-backup' || typeof parsed.keyId !== 'string' || typeof parsed.sha256 !== 'string') return null;
    return parsed as BackupSidecar;
  } catch {
    return null;
  }
}

export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return; // Windows cannot open a directory to flush it.
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, text, { mode: 0o600 });
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}

/** A database file that is not to be kept, with its WAL, shared-memory and journal files. */
export function removeDatabaseFiles(file: string): void {
  for (const leftover of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) removeQuietly(leftover);
}

export interface WriteBackupResult {
  file: string;
  bytes: number;
  sha256: string;
  keyId: string;
  createdAt: string;
}

/**
 * Backs up the data dir's live database into `out`: snapshot to `out.tmp-…`, integrity_check
 * with the key, fsync, rename into place, then the sidecar. `out` must not exist yet.
 */
export async function writeBackup(dataDir: string, out: string, dataKey: Buffer, options: { now?: Date; onProgress?: (fraction: number) => void } = {}): Promise<WriteBackupResult> {
  const source = storePaths(dataDir).database;
  if (!existsSync(source)) throw new StoreError('database_missing', `No se encontró la base de datos en ${source}.`);
  const dir = dirname(out);
  if (!existsSync(dir)) throw new StoreError('backup_failed', `La carpeta de destino ${dir} no existe.`);
  if (existsSync(out)) throw new StoreError('backup_failed', `${out} ya existe; elija otro nombre (una copia nunca se sobrescribe).`);
  const tmp = `${out}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const snapshot = await snapshotDatabase(source, tmp, dataKey, options.onProgress);
    if (snapshot.integrity.length !== 1 || snapshot.integrity[0] !== 'ok') {
      throw new StoreError('backup_failed', `La copia no pasó la verificación de integridad (${snapshot.integrity[0]}); se descartó.`);
    }
    renameSync(tmp, out);
    fsyncDir(dir);
    const createdAt = (options.now ?? new Date()).toISOString();
    const sidecar: BackupSidecar = { format: 'acogida-backup', version: 1, createdAt, keyId: keyIdOf(dataKey), bytes: snapshot.bytes, sha256: snapshot.sha256 };
    writeFileAtomic(sidecarPath(out), JSON.stringify(sidecar, null, 2) + '\n');
    options.onProgress?.(1);
    return { file: out, bytes: snapshot.bytes, sha256: snapshot.sha256, keyId: sidecar.keyId, createdAt };
  } finally {
    removeDatabaseFiles(tmp);
  }
}

/** Backs up into DATA_DIR/backups/acogida-YYYYMMDD-HHMMSS.db and keeps the newest `keep`. */
export async function writeRotatingBackup(dataDir: string, dataKey: Buffer, options: { now?: Date; keep?: number; onProgress?: (fraction: number) => void } = {}): Promise<WriteBackupResult> {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const now = options.now ?? new Date();
  const result = await writeBackup(dataDir, join(dir, nextBackupName(dir, now)), dataKey, { now, onProgress: options.onProgress });
  pruneBackups(dataDir, options.keep ?? DEFAULT_KEEP);
  return result;
}

/** The backups in DATA_DIR/backups, newest first. */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const file of readdirSync(dir)) {
    const at = timeOfBackupName(file);
    if (!at) continue;
    const path = join(dir, file);
    out.push({ file, path, bytes: statSync(path).size, at: at.toISOString() });
  }
  return out.sort((a, b) => orderKey(b.file).localeCompare(orderKey(a.file)));
}

/** Sorts by the stated time, then by the "-N" of a second backup within the same second. */
function orderKey(file: string): string {
  const m = NAME.exec(file)!;
  return `${m.slice(1, 7).join('')}-${(m[7] ?? '1').padStart(4, '0')}`;
}

/** Deletes all but the newest `keep` backups (and their sidecars); answers the names removed. */
export function pruneBackups(dataDir: string, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new Error('keep must be a positive integer');
  const removed = listBackups(dataDir).slice(keep);
  for (const backup of removed) {
    unlinkSync(backup.path);
    removeQuietly(sidecarPath(backup.path));
  }
  const dir = backupDir(dataDir);
  const now = Date.now();
  for (const file of readdirSync(dir)) {
    if (!/\.db\.tmp-|\.db\.json\.tmp-/.test(file)) continue;
    const path = join(dir, file);
    if (now - statSync(path).mtimeMs > STALE_TEMP_MS) removeQuietly(path);
  }
  return removed.map((b) => basename(b.path));
}
