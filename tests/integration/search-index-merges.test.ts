// The name index's segments are merged a step after each write (electron/core/search-index-merges.ts),
// FTS5's own automerge off (migration 2026-11-23_1700): registrations one per turn of the event loop,
// as requests come, leave only a few segments, and everyone stays findable.
import { afterEach, describe, expect, it } from 'vitest';
import { compactSearchIndex, compactSearchIndexWhenQuiet, searchIndexMergesSettled, searchIndexSegments, searchIndexShape } from '../../electron/core/search-index-merges';
import { rng, syntheticPatient } from '../../electron/core/synthetic/generate';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

let unit: TestUnit | null = null;
afterEach(async () => {
  await unit?.cleanup();
  unit = null;
});

async function registerMany(u: TestUnit, token: string, count: number, between: () => Promise<void>): Promise<{ id: number; given: string; family: string }[]> {
  const random = rng(11);
  const out: { id: number; given: string; family: string }[] = [];
  for (let i = 0; i < count; i++) {
    const patient = { ...syntheticPatient(random), documentType: 'CC', documentNumber: String(1_090_000_000 + i) };
    const r = await u.call('patients.register', { patient }, token);
    if (!r.ok) throw new Error(r.error.message);
    out.push({ id: (r.value as { patient: { id: number } }).patient.id, given: patient.givenNames, family: patient.familyNames });
    await between();
  }
  return out;
}

describe('merging the name index after each write', () => {
  it('FTS5 merges nothing inside a write of its own accord (automerge 0)', async () => {
    unit = await createTestUnit();
    expect(unit.store.raw.prepare(`SELECT v FROM patient_search_config WHERE k = 'automerge'`).pluck().get()).toBe(0);
  });

  it('registrations a turn of the event loop apart leave few segments, and everyone is found', async () => {
    unit = await createTestUnit();
    await unit.addUser('recepcion', 'reception');
    const token = await unit.login('recepcion');
    const people = await registerMany(unit, token, 45, nextTurn);
    // Without the steps, each registration's segment stays until sixteen share a level (FTS5's crisis
    // merge): 45 would leave 13 one-page segments beside 2 of the merged sixteens. With them no level
    // keeps four.
    const segments = await searchIndexSegments(unit.ctx.db);
    expect(segments).toBeLessThanOrEqual(6);
    for (const p of people.filter((_, i) => i % 6 === 0)) {
      const r = await unit.call('patients.search', { query: `${p.given} ${p.family}`, pageSize: 20 }, token);
      expect(r.ok && (r.value as { results: { id: number }[] }).results.map((x) => x.id)).toContain(p.id);
    }
  });

  it('with no turn of the event loop between writes the segments pile up: the steps are what merge them', async () => {
    unit = await createTestUnit();
    await unit.addUser('recepcion', 'reception');
    const token = await unit.login('recepcion');
    await registerMany(unit, token, 12, async () => {});
    expect(await searchIndexSegments(unit.ctx.db)).toBeGreaterThanOrEqual(12);
    await nextTurn();
    await nextTurn();
    expect(await searchIndexSegments(unit.ctx.db)).toBeLessThanOrEqual(4);
  });

  it('compaction merges every segment into one, and everyone is found as before', async () => {
    unit = await createTestUnit();
    await unit.addUser('recepcion', 'reception');
    const token = await unit.login('recepcion');
    const people = await registerMany(unit, token, 40, async () => {});
    await searchIndexMergesSettled(unit.ctx.db);
    expect(await searchIndexSegments(unit.ctx.db)).toBeGreaterThanOrEqual(2);
    expect(await compactSearchIndex(unit.ctx.db, { pauseMs: 0 })).toBeGreaterThan(0);
    expect(await searchIndexShape(unit.ctx.db)).toEqual({ segments: 1, merging: false });
    for (const p of people) {
      const r = await unit.call('patients.search', { query: `${p.given} ${p.family}`, pageSize: 20 }, token);
      expect(r.ok && (r.value as { results: { id: number }[] }).results.map((x) => x.id)).toContain(p.id);
    }
    // Nothing left to do: no step.
    expect(await compactSearchIndex(unit.ctx.db, { pauseMs: 0 })).toBe(0);
  });

  it('a long-lived process compacts the index once no one has registered for a while', async () => {
    unit = await createTestUnit();
    await unit.addUser('recepcion', 'reception');
    const token = await unit.login('recepcion');
    const compaction = compactSearchIndexWhenQuiet(unit.ctx.db, { quietMs: 200, checkMs: 20, pauseMs: 0 });
    try {
      await registerMany(unit, token, 24, nextTurn);
      expect(await searchIndexSegments(unit.ctx.db)).toBeGreaterThanOrEqual(3);
      const deadline = Date.now() + 10_000;
      while ((await searchIndexSegments(unit.ctx.db)) > 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(await searchIndexShape(unit.ctx.db)).toEqual({ segments: 1, merging: false });
    } finally {
      await compaction.stop();
    }
  });
});
