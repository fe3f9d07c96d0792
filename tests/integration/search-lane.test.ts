// patients.search on the read-only worker pool (as the LAN host runs it) answers what the main
// connection answers, sees a registration as soon as it has been answered, and spreads concurrent
// searches over the workers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../electron/core/dispatch';
import { ReadOnlyRunner } from '../../electron/core/jobs/runner';
import { rng, syntheticPatient } from '../../electron/core/synthetic/generate';
import { seedPatients } from '../../electron/core/synthetic/seed';
import { patientInput } from '../helpers/patients';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let token: string;
let pool: ReadOnlyRunner;
let onPool: Dispatch;

beforeAll(async () => {
  unit = await createTestUnit();
  const userId = await unit.addUser('recepcion', 'reception');
  token = await unit.login('recepcion');
  await seedPatients(unit.ctx, unit.store.raw, { count: 500, seed: 7, byUserId: userId });
  pool = new ReadOnlyRunner(unit.store.databaseFile, unit.store.dataKey, 2);
  onPool = createDispatcher({ ...unit.ctx, readOnly: pool }, { log: () => {} });
}, 60_000);
afterAll(async () => {
  await pool.close();
  await unit.cleanup();
});

describe('search on the worker pool', () => {
  it('answers exactly what the main connection answers', async () => {
    const random = rng(3);
    const queries = Array.from({ length: 12 }, () => {
      const p = syntheticPatient(random);
      return `${p.givenNames.split(' ')[0]} ${p.familyNames.split(' ')[0]!.slice(0, 3)}`;
    });
    for (const query of [...queries, 'García', 'zzzz nadie']) {
      const here = await unit.call('patients.search', { query, pageSize: 20 }, token);
      const there = await onPool('patients.search', { query, pageSize: 20 }, { token, origin: 'test' });
      expect(there).toEqual(here);
    }
  });

  it('finds a patient whose registration was just answered', async () => {
    const registered = await unit.call('patients.register', { patient: patientInput({ givenNames: 'Wilmerys', familyNames: 'Quintero Zambrano', documentNumber: '9.876.543' }) }, token);
    expect(registered.ok).toBe(true);
    const found = await onPool('patients.search', { query: 'Wilmerys Quintero' }, { token, origin: 'test' });
    expect(found.ok && (found.value as { results: { givenNames: string }[] }).results.map((r) => r.givenNames)).toEqual(['Wilmerys']);
  });

  it('keeps the dispatcher’s checks: no session, no search', async () => {
    const refused = await onPool('patients.search', { query: 'García' }, { token: null, origin: 'test' });
    expect(refused.ok).toBe(false);
    const invalid = await onPool('patients.search', { query: 'García', extra: 1 }, { token, origin: 'test' });
    expect(!invalid.ok && invalid.error.code).toBe('invalid_input');
  });

  it('answers many concurrent searches, spread over the workers', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => onPool('patients.search', { query: i % 2 ? 'García' : 'Pérez' }, { token, origin: 'test' })));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect((pool as unknown as { workers: Map<string, unknown> }).workers.size).toBe(2);
  });
});
