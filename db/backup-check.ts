// Tells what a candidate backup file is before anything trusts it: missing, not a database,
// an unencrypted database, made with another key, damaged — each with a message an admin can act on.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { RawDatabase } from './connection';
import { StoreError } from './errors';
import { keyIdOf } from './keyring';
import { readSidecar } from './backup';

/** SQLCipher 4 pages: an Acogida database is a whole number of these. */
const PAGE_SIZE = 4096;
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function readHead(file: string, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const n = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let position = 0; ; ) {
      const n = readSync(fd, chunk, 0, chunk.length, position);
      if (n === 0) break;
      hash.update(chunk.subarray(0, n));
      position += n;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Checks what can be checked without the database engine: the file exists, has the shape of an
 * encrypted database, and agrees with its sidecar (key id and checksum) when it has one.
 * `original` is the file messages name and whose sidecar applies (a temp copy is checked against it).
 */
export function inspectBackupFile(file: string, dataKey: Buffer, original = file): void {
  if (!existsSync(file) || !statSync(file).isFile()) throw new StoreError('backup_missing', `No existe el archivo ${original}.`);
  const size = statSync(file).size;
  const head = readHead(file, PLAIN_HEADER.length);
  if (head.equals(PLAIN_HEADER)) {
    throw new StoreError('backup_plaintext', `${original} es una base de datos SQLite SIN cifrar: no es una copia de seguridad de Acogida. No se modificó nada.`);
  }
  if (size < PAGE_SIZE || size % PAGE_SIZE !== 0) {
    throw new StoreError('backup_not_database', `${original} no es una base de datos de Acogida (tamaño ${size} bytes). No se modificó nada.`);
  }
  const sidecar = readSidecar(original);
  if (!sidecar) return;
  const ours = keyIdOf(dataKey);
  if (sidecar.keyId !== ours) {
    throw new StoreError(
      'backup_other_key',
      `La copia ${original} fue hecha con otra clave (id ${sidecar.keyId}; esta unidad usa ${ours}): no se puede restaurar aquí. No se modificó nada.`,
    );
  }
  if (sidecar.bytes !== size || sidecar.sha256 !== sha256File(file)) {
    throw new StoreError('backup_damaged', `La copia ${original} está dañada: su contenido cambió desde que se hizo (la suma de verificación no coincide). No se modificó nada.`);
  }
}

/** Opens a backup read-only with the key; a file that does not decrypt is named as such. */
export function openBackupReadonly(file: string, dataKey: Buffer, label = file): RawDatabase {
  const db = new Database(file, { fileMustExist: true, readonly: true });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${dataKey.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    db.close();
    throw new StoreError(
      'backup_other_key',
      `No se puede abrir ${label} con la clave de esta unidad: fue hecha con otra clave (otra instalación de Acogida), no es una copia de Acogida o su primera página está dañada. No se modificó nada.`,
    );
  }
  db.pragma('temp_store=MEMORY');
  return db;
}

/** integrity_check; a page that no longer decrypts makes SQLite throw instead of report. */
export function integrityProblems(db: RawDatabase): string[] {
  try {
    const rows = db.pragma('integrity_check') as Record<string, unknown>[];
    const messages = rows.flatMap((row) => String(Object.values(row)[0]).split('\n')).filter((line) => line && !line.startsWith('***'));
    return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
  } catch (error) {
    return [(error as Error).message];
  }
}
