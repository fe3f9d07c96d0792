// Migrations 2026-11-22_1710 (four-letter prefixes), 1900 (detail=column) and 2026-11-23_0110
// (newest first: rowid SEARCH_ROWID_BASE − id) make the contentless search index anew from its own
// terms: every live person must be found by the same words afterwards, a renamed person by the new
// name only, a removed (merged) record not at all.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../db/migrations/index';
import { initStore } from '../../db/store';
import { patientIdOfSearchRowid } from '../../db/search-rowid';
import { searchEntry } from '../../electron/core/patient-search';
import { rng, syntheticPatient } from '../../electron/core/synthetic/generate';
import { PASSPHRASE, tempDir } from '../helpers/temp-store';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dirname(dir), { recursive: true, force: true });
});

describe('the search index made anew with four-letter prefixes, detail=column and newest first (migrations 2026-11-22_1710, 1900, 2026-11-23_0110)', () => {
  it('finds every person by the same words as before, renamed and removed records included', async () => {
    const dataDir = join(tempDir(), 'data');
    dirs.push(dataDir);
    const { store } = await initStore(dataDir, PASSPHRASE);
    const migrator = new Migrator({ db: store.db, provider: migrationProvider });
    expect((await migrator.migrateTo('2026-11-22_1700_reach_cells')).error).toBeUndefined();
    const config = () => String(store.raw.prepare(`SELECT sql FROM sqlite_master WHERE name = 'patient_search'`).pluck().get());
    expect(config()).toContain("prefix='2 3'");
    expect(config()).not.toContain('detail=');

    const random = rng(17);
    const people = Array.from({ length: 400 }, (_, i) => ({ id: i + 1, ...syntheticPatient(random) }));
    // The index as those versions wrote it: each person under their own id.
    const insert = store.raw.prepare('INSERT INTO patient_search (rowid, names, phon) VALUES (?, ?, ?)');
    const remove = store.raw.prepare('DELETE FROM patient_search WHERE rowid = ?');
    for (const p of people) {
      const entry = searchEntry(p.givenNames, p.familyNames);
      insert.run(p.id, entry.names, entry.phon);
    }
    const renamed = searchEntry('Yorgelys Andreína', 'Gutiérrez Contreras');
    remove.run(7);
    insert.run(7, renamed.names, renamed.phon);
    remove.run(9);
    const expected = (id: number) => (id === 9 ? null : id === 7 ? searchEntry('Yorgelys Andreína', 'Gutiérrez Contreras') : searchEntry(people[id - 1]!.givenNames, people[id - 1]!.familyNames));
    // Patient ids, whichever way the index keeps them (after the last migration: SEARCH_ROWID_BASE − id).
    let idOf = (rowid: number) => rowid;
    const match = (expression: string) =>
      (store.raw.prepare('SELECT rowid FROM patient_search WHERE patient_search MATCH ?').pluck().all(expression) as number[]).map((rowid) => idOf(rowid)).sort((a, b) => a - b);
    const words = (id: number) => {
      const e = expected(id)!;
      return `names : (${e.names.split(' ').map((t) => `"${t}"`).join(' AND ')}) AND phon : (${e.phon.split(' ').map((t) => `"${t}"`).join(' AND ')})`;
    };
    const before = new Map(people.map((p) => [p.id, p.id === 9 ? [] : match(words(p.id))]));
    const formerName = match(`names : "${searchEntry(people[6]!.givenNames, people[6]!.familyNames).names.split(' ')[0]}"`);

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    // Newest first in rowid order: the greatest id has the smallest rowid.
    const rowids = store.raw.prepare('SELECT rowid FROM patient_search ORDER BY rowid').pluck().all() as number[];
    expect(rowids.map(patientIdOfSearchRowid)).toEqual(people.map((p) => p.id).filter((id) => id !== 9).reverse());
    idOf = patientIdOfSearchRowid;
    expect(config()).toContain("prefix='2 3 4'");
    expect(config()).toContain('detail=column');
    expect(store.raw.prepare('SELECT COUNT(*) FROM sqlite_master WHERE name LIKE ?').pluck().get('patient_search_next%')).toBe(0);
    for (const p of people) {
      if (p.id === 9) continue;
      expect(match(words(p.id)), `person ${p.id}`).toEqual(before.get(p.id));
      expect(match(words(p.id))).toContain(p.id);
    }
    expect(match(`names : "${searchEntry(people[8]!.givenNames, people[8]!.familyNames).names.split(' ')[0]}"`)).not.toContain(9);
    expect(match(`names : "${searchEntry(people[6]!.givenNames, people[6]!.familyNames).names.split(' ')[0]}"`)).toEqual(formerName.filter((id) => id !== 7));
    // A four-letter prefix is one lookup in the new prefix index, and finds everyone with a word so begun.
    const begun = people.map((p) => p.id).filter((id) => expected(id)?.names.split(' ').some((t) => t.startsWith('guti')));
    expect(begun).toContain(7);
    expect(match('names : "guti"*')).toEqual(begun);
    await store.close();
  });
});
