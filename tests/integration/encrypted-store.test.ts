import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../db/connection';
import { StoreError } from '../../db/errors';
import { migrateToLatest } from '../../db/migrate';
import { initStore, storePaths, unlockDataKey, unlockStore } from '../../db/store';
import { createUser } from '../../electron/core/users';
import { serviceContext } from '../../electron/host/service-context';
import { PASSPHRASE, snapshotFiles, tempDir, TEST_PASSWORD } from '../helpers/temp-store';

const NAME = 'Yorgelys Gutiérrez Contreras';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dirname(dir), { recursive: true, force: true });
});

async function freshStore() {
  const dataDir = join(tempDir(), 'data');
  dirs.push(dataDir);
  return { dataDir, ...(await initStore(dataDir, PASSPHRASE)) };
}

function filesOf(dataDir: string): Buffer[] {
  return readdirSync(dataDir).map((f) => readFileSync(join(dataDir, f)));
}

async function expectStoreError(promise: Promise<unknown>, code: string): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
  return error as StoreError;
}

describe('the encrypted database', () => {
  it('does not start with the SQLite header', async () => {
    const { store, dataDir } = await freshStore();
    await store.close();
    const head = readFileSync(storePaths(dataDir).database).subarray(0, 16);
    expect(head.toString('latin1')).not.toBe('SQLite format 3\0');
    expect(head.toString('latin1').startsWith('SQLite')).toBe(false);
  });

  it('keeps an inserted name out of the bytes of every file of the data dir, WAL included', async () => {
    const { store, dataDir } = await freshStore();
    await createUser(serviceContext(store), null, { username: 'yorgelys', displayName: NAME, role: 'clinician', password: TEST_PASSWORD }, 'test');
    const needles = [Buffer.from(NAME, 'utf8'), Buffer.from('Gutiérrez', 'utf8'), Buffer.from('Gutiérrez', 'utf16le'), Buffer.from('yorgelys')];
    // While open, the write sits in the WAL.
    expect(existsSync(`${storePaths(dataDir).database}-wal`)).toBe(true);
    for (const bytes of filesOf(dataDir)) for (const needle of needles) expect(bytes.includes(needle)).toBe(false);
    await store.close();
    for (const bytes of filesOf(dataDir)) for (const needle of needles) expect(bytes.includes(needle)).toBe(false);
    // And it is really there when opened with the key.
    const reopened = await unlockStore(dataDir, { passphrase: PASSPHRASE });
    const row = await reopened.db.selectFrom('users').select('display_name').where('username', '=', 'yorgelys').executeTakeFirst();
    expect(row?.display_name).toBe(NAME);
    await reopened.close();
  });

  it('applies the pragmas: WAL, synchronous FULL, foreign keys, temp store in memory, busy timeout', async () => {
    const { store } = await freshStore();
    expect(store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.raw.pragma('temp_store', { simple: true })).toBe(2);
    expect(store.raw.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    await store.close();
  });

  it('refuses a wrong passphrase with a clear error and leaves every file byte-identical', async () => {
    const { store, dataDir } = await freshStore();
    await store.close();
    const before = snapshotFiles(dataDir);
    const error = await expectStoreError(unlockStore(dataDir, { passphrase: 'no es la frase correcta' }), 'wrong_passphrase');
    expect(error.message).toMatch(/frase de acceso no es correcta/);
    expect(snapshotFiles(dataDir)).toEqual(before);
  });

  it('opens with the recovery key, typed loosely (lower case, spaces)', async () => {
    const { store, dataDir, recoveryKey } = await freshStore();
    await store.close();
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    const reopened = await unlockStore(dataDir, { recoveryKey: typed });
    expect(await reopened.db.selectFrom('users').select('id').execute()).toEqual([]);
    await reopened.close();
    const before = snapshotFiles(dataDir);
    await expectStoreError(unlockStore(dataDir, { recoveryKey: recoveryKey.replace(/^./, recoveryKey[0] === 'A' ? 'B' : 'A') }), 'wrong_recovery_key');
    expect(snapshotFiles(dataDir)).toEqual(before);
  });

  it('reports a damaged keyring and never makes a new database', async () => {
    const { store, dataDir } = await freshStore();
    await store.close();
    writeFileSync(storePaths(dataDir).keyring, '{"format":"acogida-keyring","version":1,"slots":[{"kind":');
    const before = snapshotFiles(dataDir);
    const error = await expectStoreError(unlockStore(dataDir, { passphrase: PASSPHRASE }), 'keyring_damaged');
    expect(error.message).toMatch(/dañado/);
    expect(snapshotFiles(dataDir)).toEqual(before);
  });

  it('reports a damaged database file and leaves it as it was', async () => {
    const { store, dataDir } = await freshStore();
    await store.close();
    const file = storePaths(dataDir).database;
    const bytes = readFileSync(file);
    bytes.fill(0x41, 0, 4096);
    writeFileSync(file, bytes);
    const before = snapshotFiles(dataDir);
    const error = await expectStoreError(unlockStore(dataDir, { passphrase: PASSPHRASE }), 'database_unreadable');
    expect(error.message).toMatch(/dañado/);
    expect(snapshotFiles(dataDir)).toEqual(before);
  });

  it('refuses to open a missing database file instead of creating an empty one', async () => {
    const { store, dataDir } = await freshStore();
    await store.close();
    const key = await unlockDataKey(dataDir, { passphrase: PASSPHRASE });
    const missing = join(dataDir, 'otra.db');
    expect(() => openEncrypted(missing, key)).toThrow(StoreError);
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses to initialise a directory that already has a database', async () => {
    const { store, dataDir } = await freshStore();
    await store.close();
    const before = snapshotFiles(dataDir);
    await expectStoreError(initStore(dataDir, PASSPHRASE), 'already_initialised');
    expect(snapshotFiles(dataDir)).toEqual(before);
  });

  it('runs the migrations twice without changing anything', async () => {
    const { store } = await freshStore();
    const schema = () => store.raw.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    const before = schema();
    expect(await migrateToLatest(store.db)).toEqual([]);
    expect(schema()).toEqual(before);
    await store.close();
  });
});
