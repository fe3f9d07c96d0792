// The name index's leaves fit the encrypted store's pages (db/migrations/search-index.ts,
// SEARCH_INDEX_LEAF_BYTES): FTS5's default 4,050-byte leaves spilled into an overflow page each,
// since SQLCipher keeps 80 bytes of every page. Migration 2026-11-23_2230 rewrites an index made so.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawDatabase } from '../../db/connection';
import { migrationProvider } from '../../db/migrations/index';
import { rewriteSearchIndex, SEARCH_INDEX_LEAF_BYTES, setSearchIndexLeafSize } from '../../db/migrations/search-index';
import { initStore } from '../../db/store';
import { defaultSecuritySettings, systemClock } from '../../electron/core/context';
import { searchPatients } from '../../electron/core/patients';
import { insertPatientsBulk } from '../../electron/core/synthetic/seed';
import { rng, syntheticPatient } from '../../electron/core/synthetic/generate';
import { createUser } from '../../electron/core/users';
import { PASSPHRASE, tempDir, TEST_PASSWORD } from '../helpers/temp-store';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dirname(dir), { recursive: true, force: true });
});

/** The index's pages by kind (dbstat): its leaves' rows, and the overflow pages they spill into. */
function indexPages(raw: RawDatabase): { leaf: number; overflow: number } {
  const rows = raw.prepare(`SELECT pagetype, count(*) AS n FROM dbstat WHERE name = 'patient_search_data' GROUP BY pagetype`).all() as { pagetype: string; n: number }[];
  const of = (kind: string) => rows.find((r) => r.pagetype === kind)?.n ?? 0;
  return { leaf: of('leaf'), overflow: of('overflow') };
}

const leafSize = (raw: RawDatabase) => raw.prepare(`SELECT v FROM patient_search_config WHERE k = 'pgsz'`).pluck().get();

async function storeWithPeople(count: number, migrateTo?: string) {
  const dataDir = join(tempDir(), 'data');
  dirs.push(dataDir);
  const { store } = await initStore(dataDir, PASSPHRASE);
  const migrator = new Migrator({ db: store.db, provider: migrationProvider });
  if (migrateTo) {
    // Back to just before the leaf size was set, and the index as FTS5's default leaves make it.
    expect((await migrator.migrateTo(migrateTo)).error).toBeUndefined();
    await setSearchIndexLeafSize(store.db, 4050);
  }
  const ctx = { db: store.db, raw: store.raw, clock: systemClock, security: defaultSecuritySettings };
  const { user } = await createUser(ctx, null, { username: 'recepcion', displayName: 'Recepción', role: 'reception', password: TEST_PASSWORD }, 'test');
  const random = rng(23);
  const people = Array.from({ length: count }, () => syntheticPatient(random));
  insertPatientsBulk(store.raw, people, user.id, new Date().toISOString());
  await sql`INSERT INTO patient_search(patient_search) VALUES('optimize')`.execute(store.db);
  if (migrateTo) await rewriteSearchIndex(store.db);
  return { store, migrator, people, ctx };
}

describe('the name index in leaves that fit an encrypted page', { timeout: 60_000 }, () => {
  it('a new store writes no overflow page for the index', async () => {
    const { store } = await storeWithPeople(4000);
    try {
      expect(leafSize(store.raw)).toBe(SEARCH_INDEX_LEAF_BYTES);
      const pages = indexPages(store.raw);
      expect(pages.leaf).toBeGreaterThan(20);
      expect(pages.overflow).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('migration 2026-11-23_2230 rewrites an index of spilled leaves, and everyone is found by the same words', async () => {
    const { store, migrator, people, ctx } = await storeWithPeople(4000, '2026-11-23_1700_search_merges');
    try {
      const before = indexPages(store.raw);
      // Every full leaf spilled: nearly one overflow page per leaf.
      expect(before.overflow).toBeGreaterThan(before.leaf * 0.5);
      const queries = people.slice(0, 60).map((p) => `${p.givenNames.split(' ')[0]} ${p.familyNames}`);
      const found = async () => Promise.all(queries.map(async (query) => (await searchPatients(ctx, { query, page: 1, pageSize: 20 })).results.map((r) => r.id)));
      const answers = await found();

      expect((await migrator.migrateToLatest()).error).toBeUndefined();

      expect(leafSize(store.raw)).toBe(SEARCH_INDEX_LEAF_BYTES);
      const after = indexPages(store.raw);
      expect(after.overflow).toBe(0);
      // Fewer pages in all: a leaf is one page now, not two.
      expect(after.leaf).toBeLessThan(before.leaf + before.overflow);
      expect(await found()).toEqual(answers);
    } finally {
      await store.close();
    }
  });
});
