// The names searches re-rank are read into the page cache once the store opens
// (electron/core/name-candidates-warming.ts): afterwards reading them asks nothing of the file,
// newest patients first when the budget ends before the index does.
import { afterEach, describe, expect, it } from 'vitest';
import { warmNameCandidates, warmNameCandidatesInBackground } from '../../electron/core/name-candidates-warming';
import { rng, syntheticPatient } from '../../electron/core/synthetic/generate';
import { insertPatientsBulk } from '../../electron/core/synthetic/seed';
import { countReads } from '../../scripts/bench/page-reads';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

const PATIENTS = 6_000;

let unit: TestUnit | null = null;
afterEach(async () => {
  await unit?.cleanup();
  unit = null;
});

async function unitWithPatients(): Promise<{ u: TestUnit; ids: number[] }> {
  const u = await createTestUnit();
  const userId = await u.addUser('recepcion', 'reception');
  const random = rng(5);
  insertPatientsBulk(u.store.raw, Array.from({ length: PATIENTS }, () => syntheticPatient(random)), userId, '2026-11-20T10:00:00.000Z');
  const ids = u.store.raw.prepare('SELECT id FROM patients ORDER BY id').pluck().all() as number[];
  // The patients written went through the cache: empty it, as on a store just opened.
  u.store.raw.pragma('shrink_memory');
  return { u, ids };
}

/** Reads from the file while reading the names of `ids` as a search does (the narrow index). */
function readsForNames(u: TestUnit, ids: number[]): number {
  const reads = countReads();
  const rows = u.store.raw
    .prepare('SELECT id, given_names, family_names FROM patients INDEXED BY patients_name_candidates WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids));
  expect(rows).toHaveLength(ids.length);
  return reads() ?? Number.NaN;
}

/** Every `stride`-th of `ids`: scattered, as a search's candidates are. */
const scattered = (ids: number[], stride: number) => ids.filter((_, i) => i % stride === 0);

describe('warming the names searches re-rank', () => {
  it('on a store just opened, reading scattered names reads the file; once warmed, nothing', async () => {
    const { u, ids } = await unitWithPatients();
    unit = u;
    const sample = scattered(ids, 50);
    expect(readsForNames(u, sample)).toBeGreaterThan(20);
    u.store.raw.pragma('shrink_memory');

    expect(await warmNameCandidates(u.ctx.db, { pauseMs: 0 })).toBe(ids.length);
    expect(readsForNames(u, sample)).toBe(0);
  });

  it('a budget smaller than the index warms the newest patients first', async () => {
    const { u, ids } = await unitWithPatients();
    unit = u;
    const warmed = await warmNameCandidates(u.ctx.db, { budgetBytes: 60_000, stepPatients: 256, pauseMs: 0 });
    expect(warmed).toBeGreaterThan(0);
    expect(warmed).toBeLessThan(ids.length / 2);
    const newest = ids.slice(-warmed);
    const oldest = ids.slice(0, ids.length - warmed - 256);
    expect(readsForNames(u, scattered(newest, 10))).toBe(0);
    expect(readsForNames(u, scattered(oldest, 50))).toBeGreaterThan(10);
  });

  it('in the background it yields between steps and stops when asked', async () => {
    const { u, ids } = await unitWithPatients();
    unit = u;
    const warming = warmNameCandidatesInBackground(u.ctx.db, { stepPatients: 500 });
    // A request arriving meanwhile is answered between two steps.
    const count = await u.ctx.db.selectFrom('patients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(ids.length);
    await warming.stop();
    expect(await warming.done).toBeLessThan(ids.length);
  });
});
