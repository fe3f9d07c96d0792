// demo.seed: an admin fills an EMPTY database with synthetic data; never one that has patients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let admin: string;

beforeAll(async () => {
  unit = await createTestUnit();
  admin = await unit.login('admin');
});
afterAll(() => unit.cleanup());

describe('demo.seed', () => {
  it('fills an empty database with patients, a year of signed sessions, activities and clinicians', async () => {
    const result = await unit.call('demo.seed', { patients: 300, sessionsPerPatient: 2 }, admin);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ patients: 300, sessions: 600, cliniciansCreated: 4 });
    const count = (table: string) => (unit.store.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('patients')).toBe(300);
    expect(count('patient_search')).toBe(300);
    expect(count('sessions')).toBe(600);
    expect(count('activities')).toBeGreaterThan(0);
    const audit = await unit.store.db.selectFrom('audit_log').select(['action', 'actor_username']).where('action', '=', 'patients.seed').executeTakeFirst();
    expect(audit).toEqual({ action: 'patients.seed', actor_username: 'admin' });
    const found = await unit.call('patients.search', { query: 'Rodríguez' }, admin);
    expect(found.ok && (found.value as { results: unknown[] }).results.length).toBeGreaterThan(0);
  });

  it('refuses (409) a database that already has patients, changing nothing', async () => {
    const result = await unit.call('demo.seed', { patients: 10 }, admin);
    expect(result.ok ? null : result.error.code).toBe('conflict');
    expect((unit.store.raw.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n).toBe(300);
  });
});
