// An UNENCRYPTED copy of the benchmark database, to measure what encryption costs: the encrypted
// file is copied and decrypted in place with `PRAGMA rekey = ''` (SQLite3MultipleCiphers has no
// sqlcipher_export). Benchmark data only: synthetic people, in a temporary folder.
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { createKysely, openEncrypted, type RawDatabase } from '../../db/connection';

export function makePlainCopy(encryptedFile: string, dataKey: Buffer, plainFile: string): void {
  if (existsSync(plainFile) && statSync(plainFile).mtimeMs > statSync(encryptedFile).mtimeMs) return;
  const source = openEncrypted(encryptedFile, dataKey);
  source.pragma('wal_checkpoint(TRUNCATE)');
  source.close();
  rmSync(plainFile, { force: true });
  copyFileSync(encryptedFile, plainFile);
  const copy = openEncrypted(plainFile, dataKey);
  copy.pragma('journal_mode=DELETE');
  copy.pragma(`rekey=''`);
  copy.close();
}

/** Opens the plain copy with the same pragmas as the encrypted store (but no key). */
export function openPlain(file: string): { raw: RawDatabase; db: ReturnType<typeof createKysely> } {
  const raw = new Database(file, { fileMustExist: true });
  raw.pragma('temp_store=MEMORY');
  // The same page cache as the encrypted store's connection (db/connection.ts), so that the ratio
  // is encryption's alone.
  raw.pragma('cache_size=-98304');
  raw.pragma('foreign_keys=ON');
  raw.pragma('journal_mode=WAL');
  return { raw, db: createKysely(raw) };
}
