// The search remembers the dictionary's answers for words already asked (electron/core/patient-search.ts).
// A name new to the dictionary must be found at once all the same: after a registration in this
// process, and after another connection (another process) registers one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../db/connection';
import { searchRowid } from '../../db/search-rowid';
import { searchEntry } from '../../electron/core/patient-search';
import { seedPatients } from '../../electron/core/synthetic/seed';
import { patientInput } from '../helpers/patients';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let token: string;

beforeAll(async () => {
  unit = await createTestUnit();
  const userId = await unit.addUser('recepcion', 'reception');
  token = await unit.login('recepcion');
  await seedPatients(unit.ctx, unit.store.raw, { count: 300, seed: 11, byUserId: userId });
}, 60_000);
afterAll(() => unit.cleanup());

async function found(query: string): Promise<string[]> {
  const result = await unit.call('patients.search', { query, pageSize: 20 }, token);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { results: { givenNames: string }[] }).results.map((r) => r.givenNames);
}

describe('the dictionary answers the search remembers', () => {
  it('a name registered in this process is found by its first letters at once', async () => {
    // Six letters: longer than the index's prefixes, so the dictionary lists the spellings so begun.
    expect(await found('Yulexa Zambr')).toEqual([]);
    const registered = await unit.call('patients.register', { patient: patientInput({ givenNames: 'Yulexandrys', familyNames: 'Zambrano Quintero', documentNumber: '7.654.321' }) }, token);
    expect(registered.ok).toBe(true);
    expect(await found('Yulexa Zambr')).toEqual(['Yulexandrys']);
  });

  it('a name another connection adds is found at once', async () => {
    // Asked first, so that the answer for "wuilmer" (spellings so begun: none yet) is remembered.
    expect(await found('Wuilmer')).not.toContain('Wuilmerson');
    // Another process writing the same store: its own connection, its own commit, none of this
    // process's code (which would tell the search in other ways).
    const other = openEncrypted(unit.store.databaseFile, unit.store.dataKey);
    const id = Number(other.prepare('SELECT id FROM patients ORDER BY id LIMIT 1').pluck().get());
    const entry = searchEntry('Wuilmerson', 'Quintero Mora');
    other.transaction(() => {
      other.prepare('UPDATE patients SET given_names = ?, family_names = ? WHERE id = ?').run('Wuilmerson', 'Quintero Mora', id);
      other.prepare('DELETE FROM patient_search WHERE rowid = ?').run(searchRowid(id));
      other.prepare('INSERT INTO patient_search (rowid, names, phon) VALUES (?, ?, ?)').run(searchRowid(id), entry.names, entry.phon);
      const variant = other.prepare('INSERT OR IGNORE INTO name_variants (kind, variant, term) VALUES (?, ?, ?)');
      for (const v of entry.variants) variant.run(v.kind, v.variant, v.term);
    })();
    other.close();
    expect(await found('Wuilmer')).toContain('Wuilmerson');
  });
});
