// The reach cells the monthly report reads for whole months (db/reach-cells.ts) are derived data: after
// every service that changes who was reached (signing, out of date order too; a classification edit;
// a merge) they must equal a recomputation from scratch, and the report over whole months must count
// what the report over the same days counts from the sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildReachCells, reachRowsOf, REACH_KEY, type ReachRow } from '../../db/reach-cells';
import { computeMonthlyReport } from '../../electron/core/reports/monthly-report';
import { reachOfMonths, wholeMonths } from '../../electron/core/reports/reach';
import { patientInput } from '../helpers/patients';
import { sessionInput } from '../helpers/sessions';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let ana: string;
let reception: string;
let admin: string;
const people: number[] = [];

async function ok<T>(name: string, input: unknown, token: string): Promise<T> {
  const result = await unit.call(name, input, token);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const PEOPLE = [
  { givenNames: 'Yorgelys Andreína', familyNames: 'Gutiérrez Contreras', sex: 'F', dateOfBirth: '1996-05-01', documentNumber: '6123456' },
  { givenNames: 'José Gregorio', familyNames: 'Pérez Rangel', sex: 'M', dateOfBirth: '2008-04-15', documentNumber: '7234567', nationality: 'COL' },
  { givenNames: 'Maikel', familyNames: 'Ramírez', sex: 'M', dateOfBirth: '1980-01-01', documentNumber: '8345678' },
  { givenNames: 'Maikel Antonio', familyNames: 'Ramírez Soto', sex: 'M', dateOfBirth: '1980-01-01', documentNumber: '9456789' },
];

async function sign(patientId: number, startsAt: string, format = 'individual'): Promise<void> {
  const { session } = await ok<{ session: { id: number } }>('sessions.create', sessionInput(patientId, { startsAt, format }), ana);
  await ok('sessions.sign', { sessionId: session.id }, ana);
}

/** The cells as stored, and as a recomputation from scratch gives them. */
async function cellsNowAndRebuilt() {
  const key = (r: ReachRow) => JSON.stringify([...REACH_KEY, 'people', 'sessions'].map((k) => r[k as keyof ReachRow]));
  const stored = (await unit.store.db.selectFrom('reach_cells').selectAll().execute()).map(key).sort();
  const rebuilt = (await reachRowsOf(unit.store.db, 'all')).map(key).sort();
  return { stored, rebuilt };
}

beforeAll(async () => {
  unit = await createTestUnit({ security: { idleTimeoutSeconds: 7 * 24 * 3600, absoluteTimeoutSeconds: 14 * 24 * 3600 } });
  await unit.addUser('ana', 'clinician');
  await unit.addUser('recepcion', 'reception');
  ana = await unit.login('ana');
  reception = await unit.login('recepcion');
  admin = await unit.login('admin');
  for (const p of PEOPLE) {
    const { patient } = await ok<{ patient: { id: number } }>('patients.register', { patient: patientInput(p) }, reception);
    people.push(patient.id);
  }
});
afterAll(() => unit.cleanup());

describe('reach cells kept by the services', () => {
  it('follow signing in and out of date order, a classification edit and a merge, as a rebuild would give them', async () => {
    const steps: [string, () => Promise<unknown>][] = [
      ['May', () => sign(people[0]!, '2026-05-20T09:00')],
      ['March, before May', () => sign(people[0]!, '2026-03-03T09:00')],
      ['April, between them', () => sign(people[0]!, '2026-04-11T09:00')],
      ['a second May session, earlier in the month', () => sign(people[0]!, '2026-05-02T09:00')],
      ['a family session', () => sign(people[0]!, '2026-04-12T09:00', 'family')],
      ['a birthday between two sessions of April', () => Promise.all([sign(people[1]!, '2026-04-01T09:00'), sign(people[1]!, '2026-04-20T09:00')])],
      ['two records of one person', () => Promise.all([sign(people[2]!, '2026-03-15T09:00'), sign(people[3]!, '2026-06-15T09:00'), sign(people[3]!, '2026-03-01T09:00')])],
      ['a classification edit', () => ok('patients.update', { patientId: people[1], patient: patientInput({ ...PEOPLE[1], sex: 'F', dateOfBirth: null, estimatedBirthYear: 2000, populationGroup: 'in_transit' }) }, reception)],
      ['a merge', () => ok('patients.merge', { keepPatientId: people[2], mergePatientId: people[3], reason: 'misma persona, mismo documento venezolano' }, admin)],
      ['a session of the kept record after the merge', () => sign(people[2]!, '2026-07-01T09:00')],
    ];
    for (const [step, run] of steps) {
      await run();
      const { stored, rebuilt } = await cellsNowAndRebuilt();
      expect(stored, step).toEqual(rebuilt);
      expect(stored.length, step).toBeGreaterThan(0);
    }
  });

  it('count each person once over months, at their first session of the period', async () => {
    const cells = (await reachOfMonths(unit.store.db, '2026-04', '2026-06')).filter((c) => c.format === 'individual');
    const sum = (key: 'people' | 'sessions', of = cells) => of.reduce((s, c) => s + Number(c[key]), 0);
    // People 0 (April, May), 1 (April twice) and 2 with the merged 3 (June); March sessions are outside.
    expect(sum('people')).toBe(3);
    expect(sum('sessions')).toBe(6);
    // Person 1 as edited: in transit, born in an estimated 2000, so 26 at the first April session.
    expect(cells.filter((c) => Number(c.people) > 0 && c.population_group === 'in_transit').map((c) => [c.sex, c.age_band, Number(c.people)])).toEqual([['F', '18-29', 1]]);
    // Person 0 (born 1 May 1996) is counted at the April session, at 29, not in May at 30.
    expect(cells.filter((c) => Number(c.people) > 0 && c.sex === 'F' && c.population_group !== 'in_transit').map((c) => c.age_band)).toEqual(['18-29']);
  });

  it('give the same report over whole months as the sessions give over the same days', async () => {
    for (const [from, to] of [['2026-03-01', '2026-07-31'], ['2026-04-01', '2026-04-30'], ['2026-05-01', '2026-06-30']] as const) {
      expect(wholeMonths(from, to)).not.toBeNull();
      const cells = await computeMonthlyReport(unit.store.db, { from, to, threshold: 2 });
      // One more day before, with no session on it: the same people, counted from the sessions.
      const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      expect(wholeMonths(dayBefore, to)).toBeNull();
      const days = await computeMonthlyReport(unit.store.db, { from: dayBefore, to, threshold: 2 });
      expect(days.categories, `${from}..${to}`).toEqual(cells.categories);
    }
  });

  it('are rebuilt from scratch to the same rows', async () => {
    const before = await cellsNowAndRebuilt();
    await rebuildReachCells(unit.store.db);
    const after = await cellsNowAndRebuilt();
    expect(after.stored).toEqual(before.stored);
  });
});
