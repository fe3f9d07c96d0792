// WAL checkpoints in a worker thread (db/checkpointer.ts): the store's own commits no longer copy the
// WAL into the database file, the worker does; nothing is lost, and closing leaves no WAL behind.
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKSTOP_PAGES } from '../../db/checkpointer';
import { initStore, storePaths, unlockStore } from '../../db/store';
import { PASSPHRASE, tempDir } from '../helpers/temp-store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dirname(dir), { recursive: true, force: true });
});

async function storeWithWorker() {
  const dataDir = join(tempDir(), 'data');
  dirs.push(dataDir);
  const { store } = await initStore(dataDir, PASSPHRASE);
  await store.close();
  return { dataDir, store: await unlockStore(dataDir, { passphrase: PASSPHRASE }, { backgroundCheckpoints: true }) };
}

const until = async (done: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return done();
};

describe('the checkpoint worker', () => {
  it('copies the WAL into the database file itself, while the store only keeps a backstop', async () => {
    const { dataDir, store } = await storeWithWorker();
    expect(store.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
    store.raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    const insert = store.raw.prepare('INSERT INTO notes (text) VALUES (?)');
    // Measured before the writes: the worker may checkpoint while they run (on a loaded machine it
    // did, and the file had already grown when measured after them).
    const sizeBefore = statSync(storePaths(dataDir).database).size;
    for (let i = 0; i < 300; i++) insert.run(`nota ${i} `.repeat(40));
    const size = () => statSync(storePaths(dataDir).database).size;
    expect(await until(() => (store.checkpoints?.().pages ?? 0) > 0 && size() > sizeBefore)).toBe(true);
    expect(store.checkpoints?.().failures).toBe(0);
    // The pages reached the database file without a commit of the store's checkpointing them.
    expect(statSync(storePaths(dataDir).database).size).toBeGreaterThan(sizeBefore);
    await store.close();
    expect(existsSync(`${storePaths(dataDir).database}-wal`)).toBe(false);
    const again = await unlockStore(dataDir, { passphrase: PASSPHRASE });
    expect(again.raw.prepare('SELECT COUNT(*) FROM notes').pluck().get()).toBe(300);
    expect(again.checkpoints).toBeNull();
    await again.close();
  });

  it('keeps every commit when writes run while it checkpoints', async () => {
    const { dataDir, store } = await storeWithWorker();
    store.raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    const insert = store.raw.prepare('INSERT INTO notes (text) VALUES (?)');
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 50; i++) insert.run(`ronda ${round} `.repeat(60));
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(await until(() => (store.checkpoints?.().runs ?? 0) >= 3)).toBe(true);
    expect(store.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    await store.close();
    const again = await unlockStore(dataDir, { passphrase: PASSPHRASE });
    expect(again.raw.prepare('SELECT COUNT(*) FROM notes').pluck().get()).toBe(1000);
    expect(again.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    await again.close();
  });
});
