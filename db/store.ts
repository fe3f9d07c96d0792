// The data directory: acogida.db (encrypted) and keyring.json beside it.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { createKysely, openEncrypted, type RawDatabase } from './connection';
import { startCheckpointer, type CheckpointStats } from './checkpointer';
import { StoreError } from './errors';
import {
  newKeyring,
  passphraseSlot,
  readKeyring,
  recoverySlot,
  unlockWithOsKeystore,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  writeKeyring,
  type KeyringSlot,
} from './keyring';
import { migrateToLatest } from './migrate';
import { encodeRecoveryKey } from './recovery-key';
import type { Database } from './schema';

export const DATABASE_FILE = 'acogida.db';
export const KEYRING_FILE = 'keyring.json';

export function storePaths(dataDir: string) {
  return { dataDir, database: join(dataDir, DATABASE_FILE), keyring: join(dataDir, KEYRING_FILE) };
}

export function isInitialised(dataDir: string): boolean {
  const paths = storePaths(dataDir);
  return existsSync(paths.database) || existsSync(paths.keyring);
}

export interface Store {
  raw: RawDatabase;
  db: Kysely<Database>;
  dataDir: string;
  /** The encrypted file: read-only workers open their own connection to it. */
  databaseFile: string;
  /** The unwrapped data key: backups and read-only workers use it. Never written anywhere. */
  dataKey: Buffer;
  /** What the checkpoint worker has done, when the store runs one (StoreOptions.backgroundCheckpoints). */
  checkpoints: (() => CheckpointStats) | null;
  close(): Promise<void>;
}

export type Unlock = { passphrase: string } | { recoveryKey: string } | { osKeystore: (blob: Buffer) => Buffer };

/**
 * Creates a new encrypted database and its keyring. Refuses a directory that already
 * holds either, so an existing unit's data is never replaced by an empty database.
 */
export async function initStore(
  dataDir: string,
  passphrase: string,
  extraSlots: (dataKey: Buffer) => KeyringSlot[] = () => [],
): Promise<{ store: Store; recoveryKey: string }> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const paths = storePaths(dataDir);
  const leftovers = readdirSync(dataDir).filter((f) => f.startsWith(DATABASE_FILE) || f.startsWith(KEYRING_FILE));
  if (leftovers.length > 0) {
    throw new StoreError('already_initialised', `${dataDir} ya tiene una base de datos de Acogida (${leftovers.join(', ')}); no se tocó nada.`);
  }
  const dataKey = randomBytes(32);
  const recoveryBytes = randomBytes(32);
  const keyring = newKeyring(dataKey, [await passphraseSlot(dataKey, passphrase), recoverySlot(dataKey, recoveryBytes), ...extraSlots(dataKey)]);
  const raw = openEncrypted(paths.database, dataKey, { create: true });
  writeKeyring(paths.keyring, keyring);
  const store = await wrapStore(raw, dataDir, dataKey);
  return { store, recoveryKey: encodeRecoveryKey(recoveryBytes) };
}

/** Unwraps the data key; never writes a file. */
export async function unlockDataKey(dataDir: string, unlock: Unlock): Promise<Buffer> {
  const keyring = readKeyring(storePaths(dataDir).keyring);
  if ('passphrase' in unlock) return unlockWithPassphrase(keyring, unlock.passphrase);
  if ('recoveryKey' in unlock) return unlockWithRecoveryKey(keyring, unlock.recoveryKey);
  const key = unlockWithOsKeystore(keyring, unlock.osKeystore);
  if (!key) throw new StoreError('keystore_unavailable', 'El almacén de claves del sistema no pudo abrir la base de datos; use la frase de acceso.');
  return key;
}

export interface StoreOptions {
  /** Group commit of concurrent transactions: for the LAN host, which serves many requests at once. */
  groupCommit?: boolean;
  /** WAL checkpoints in a worker thread instead of inside a commit (db/checkpointer.ts): the host and the app. */
  backgroundCheckpoints?: boolean;
}

export async function openStore(dataDir: string, dataKey: Buffer, options: StoreOptions = {}): Promise<Store> {
  const raw = openEncrypted(storePaths(dataDir).database, dataKey);
  return wrapStore(raw, dataDir, dataKey, options);
}

export async function unlockStore(dataDir: string, unlock: Unlock, options: StoreOptions = {}): Promise<Store> {
  return openStore(dataDir, await unlockDataKey(dataDir, unlock), options);
}

async function wrapStore(raw: RawDatabase, dataDir: string, dataKey: Buffer, options: StoreOptions = {}): Promise<Store> {
  const db = createKysely(raw, options);
  try {
    await migrateToLatest(db);
  } catch (error) {
    raw.close();
    throw error;
  }
  const checkpointer = options.backgroundCheckpoints ? startCheckpointer(raw, storePaths(dataDir).database, dataKey) : null;
  return {
    raw,
    db,
    dataDir,
    databaseFile: storePaths(dataDir).database,
    dataKey,
    checkpoints: checkpointer ? () => checkpointer.stats() : null,
    async close() {
      // The worker's connection first: the store's, closing last, checkpoints and removes the WAL.
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}
