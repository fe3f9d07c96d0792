// The reports count people in SQL (issue 7): the counts must equal a plain per-person computation in
// JavaScript, on a store with merged records, people with only an estimated birth year and a birthday
// that moves a person to the next age band between two sessions of the period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageBandOf, AGE_BANDS, POPULATION_GROUPS, SEXES } from '../../electron/api/codes';
import { suppressList, suppressTable } from '../../electron/core/disclosure/small-cells';
import { R4V_DEFAULTS } from '../../electron/core/exports';
import { computeMonthlyReport } from '../../electron/core/reports/monthly-report';
import { computeR4v } from '../../electron/core/reports/r4v';
import type { R4vConfig } from '../../electron/api/exports';
import { ageAt, dayAfter } from '../../electron/core/reports/period';
import { seedPatients } from '../../electron/core/synthetic/seed';
import { seedCare } from '../../electron/core/synthetic/seed-care';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';
import { rebuildReachCells } from '../../db/reach-cells';

let unit: TestUnit;
const PERIOD = { from: '2026-03-01', to: '2026-08-31' };
/** A month: under a quarter of the history, so the report reads sessions in date order rather than person order. */
const MONTH = { from: '2026-05-01', to: '2026-05-31' };
/** Not whole months: counted from the sessions rather than from the reach cells. */
const DAYS = { from: '2026-03-02', to: '2026-08-30' };
const THRESHOLD = 2;

interface SessionRow {
  format: string;
  starts_at: string;
  patient_id: number;
}
interface PatientRow {
  id: number;
  merged_into_id: number | null;
  sex: string;
  date_of_birth: string | null;
  estimated_birth_year: number | null;
  nationality: string;
  population_group: string;
}

beforeAll(async () => {
  unit = await createTestUnit();
  const clinician = await unit.addUser('ana', 'clinician');
  const seeded = await seedPatients(unit.ctx, unit.store.raw, { count: 400, seed: 31, byUserId: clinician });
  const ids = Array.from({ length: seeded.count }, (_, i) => seeded.firstId + i);
  seedCare(unit.store.raw, { patientIds: ids.slice(0, 360), clinicianIds: [clinician], from: '2026-01-01', to: '2026-12-31', sessionsPerPatient: 4, activities: 5, seed: 12 });
  const raw = unit.store.raw;
  // Merged records: several duplicates of one person, and duplicates with and without sessions.
  const merge = raw.prepare('UPDATE patients SET merged_into_id = ? WHERE id = ?');
  for (let i = 0; i < 30; i += 3) {
    merge.run(ids[i], ids[i + 1]);
    merge.run(ids[i], ids[i + 2]);
  }
  merge.run(ids[370], ids[40]); // a kept record without sessions of its own
  // Only an estimated birth year, and no birth at all.
  raw.prepare('UPDATE patients SET date_of_birth = NULL, estimated_birth_year = 1990 WHERE id % 7 = 0').run();
  raw.prepare('UPDATE patients SET date_of_birth = NULL, estimated_birth_year = NULL WHERE id % 53 = 0').run();
  // Birthdays inside the period: 18 (and 6, 30) between a person's first session and a later one.
  const firsts = raw
    .prepare(`SELECT patient_id, MIN(starts_at) AS first_at FROM sessions WHERE status = 'signed' AND starts_at >= ? AND starts_at < ? GROUP BY patient_id LIMIT 60`)
    .all(PERIOD.from, dayAfter(PERIOD.to)) as { patient_id: number; first_at: string }[];
  firsts.forEach((f, i) => {
    const years = [18, 6, 30][i % 3]!;
    const birthday = new Date(Date.parse(`${f.first_at.slice(0, 10)}T00:00:00Z`) + 3 * 86_400_000);
    const dob = `${birthday.getUTCFullYear() - years}${birthday.toISOString().slice(4, 10)}`;
    raw.prepare('UPDATE patients SET date_of_birth = ?, estimated_birth_year = NULL WHERE id = ?').run(dob, f.patient_id);
  });
  // The raw writes above bypass the services that keep the reach cells: recompute them, as the migration does.
  await rebuildReachCells(unit.store.db);
}, 120_000);
afterAll(() => unit.cleanup());

/** The report's people, one by one: each kept person, classified at their first session of the format in the period. */
function expectedPeople(format: string, period: { from: string; to: string }) {
  const raw = unit.store.raw;
  const patients = new Map((raw.prepare('SELECT id, merged_into_id, sex, date_of_birth, estimated_birth_year, nationality, population_group FROM patients').all() as PatientRow[]).map((p) => [p.id, p]));
  const sessions = raw.prepare(`SELECT format, starts_at, patient_id FROM sessions WHERE status = 'signed' AND starts_at >= ? AND starts_at < ?`).all(period.from, dayAfter(period.to)) as SessionRow[];
  const first = new Map<number, string>();
  for (const s of sessions.filter((x) => x.format === format)) {
    const person = patients.get(s.patient_id)!.merged_into_id ?? s.patient_id;
    if (!first.has(person) || s.starts_at < first.get(person)!) first.set(person, s.starts_at);
  }
  return {
    interventions: sessions.filter((x) => x.format === format).length,
    people: [...first].map(([id, at]) => {
      const p = patients.get(id)!;
      return {
        sex: p.sex,
        ageBand: ageBandOf(Math.max(0, ageAt(p.date_of_birth, p.estimated_birth_year, at.slice(0, 10)) ?? 0)),
        populationGroup: p.population_group,
        nationality: p.nationality === 'VEN' || p.nationality === 'COL' ? p.nationality : 'other',
      };
    }),
  };
}

describe('people counted in SQL', () => {
  it.each([
    ['half the history', PERIOD],
    ['a month', MONTH],
    ['days that are not whole months', DAYS],
  ])('the monthly report over %s equals a per-person count, merged records and birthdays included', async (_, period) => {
    const report = await computeMonthlyReport(unit.store.db, { ...period, threshold: THRESHOLD });
    const merged = unit.store.raw.prepare('SELECT COUNT(*) FROM patients WHERE merged_into_id IS NOT NULL').pluck().get() as number;
    expect(merged).toBe(21);
    for (const format of ['individual', 'family', 'group'] as const) {
      const { interventions, people } = expectedPeople(format, period);
      const category = report.categories.find((c) => c.category === format)!;
      const count = (key: (p: (typeof people)[number]) => string, labels: readonly string[]) => labels.map((l) => people.filter((p) => key(p) === l).length);
      expect(category.interventions, format).toBe(interventions);
      expect(category.people, format).toEqual(suppressList({ labels: ['people'], counts: [people.length] }, { threshold: THRESHOLD }).cells[0]);
      const sexAge = SEXES.map((sex) => AGE_BANDS.map((band) => people.filter((p) => p.sex === sex && p.ageBand === band).length));
      expect(category.bySexAge, format).toEqual(suppressTable({ rowLabels: [...SEXES], columnLabels: [...AGE_BANDS], counts: sexAge }, { threshold: THRESHOLD }));
      expect(category.byPopulationGroup, format).toEqual(suppressList({ labels: [...POPULATION_GROUPS], counts: count((p) => p.populationGroup, POPULATION_GROUPS) }, { threshold: THRESHOLD }));
      expect(category.byNationality, format).toEqual(suppressList({ labels: ['VEN', 'COL', 'other'], counts: count((p) => p.nationality, ['VEN', 'COL', 'other']) }, { threshold: THRESHOLD }));
    }
  });
});

/** Sessions mapped to two indicators, one of them under two activities: people count per activity, "new" per indicator. */
const SPLIT_MAPPINGS = [
  { source: 'sessions:individual', indicator: 'I1', indicatorType: 'PiN', activityName: 'A1', activityDescription: '', rmrpActivity: '' },
  { source: 'sessions:family', indicator: 'I1', indicatorType: 'PiN', activityName: 'A2', activityDescription: '', rmrpActivity: '' },
  { source: 'sessions:group', indicator: 'I2', indicatorType: 'People', activityName: 'A3', activityDescription: '', rmrpActivity: '' },
] as const;

/** The 5W's session columns, one session at a time in date order (the computation the SQL replaced). */
function expectedR4v(config: R4vConfig, period: { from: string; to: string }) {
  const raw = unit.store.raw;
  const patients = new Map((raw.prepare('SELECT id, merged_into_id, sex, date_of_birth, estimated_birth_year, nationality, population_group FROM patients').all() as PatientRow[]).map((p) => [p.id, p]));
  const sessions = raw
    .prepare(`SELECT format, starts_at, patient_id FROM sessions WHERE status = 'signed' AND starts_at >= ? AND starts_at < ? ORDER BY starts_at`)
    .all(`${period.from.slice(0, 4)}-01-01`, dayAfter(period.to)) as SessionRow[];
  const rows = new Map<string, Record<string, number>>();
  const first = new Map<string, string>();
  const seen = new Set<string>();
  for (const s of sessions) {
    const mapping = config.mappings.find((m) => m.source === `sessions:${s.format}`);
    if (!mapping) continue;
    const person = patients.get(s.patient_id)!.merged_into_id ?? s.patient_id;
    const month = s.starts_at.slice(0, 7);
    const firstKey = `${person}|${mapping.indicator}|${month.slice(0, 4)}`;
    if (!first.has(firstKey)) first.set(firstKey, month);
    if (s.starts_at < period.from) continue;
    const key = `${month}|${mapping.indicator}|${mapping.activityName}`;
    const row = rows.get(key) ?? rows.set(key, {}).get(key)!;
    const add = (column: string, n = 1) => (row[column] = (row[column] ?? 0) + n);
    add('outputs');
    if (seen.has(`${person}|${key}`)) continue;
    seen.add(`${person}|${key}`);
    add('total');
    if (first.get(firstKey) !== month) continue;
    const p = patients.get(person)!;
    add('new');
    add(`${p.sex}|${(ageAt(p.date_of_birth, p.estimated_birth_year, s.starts_at.slice(0, 10)) ?? 18) < 18}`);
    add(p.population_group);
  }
  return rows;
}

describe('the R4V 5W counted in SQL', () => {
  const configs: [string, R4vConfig][] = [
    ['the default mappings', { ...R4V_DEFAULTS, appealingOrganisation: 'H', implementingPartner: 'H' } as R4vConfig],
    ['two indicators and three activities', { ...R4V_DEFAULTS, appealingOrganisation: 'H', implementingPartner: 'H', mappings: [...SPLIT_MAPPINGS] } as R4vConfig],
  ];
  it.each(configs.flatMap(([name, config]) => [PERIOD, MONTH].map((period) => [name, period, config] as const)))(
    'equals a per-session count with %s, %o',
    async (_, period, config) => {
      const rows = (await computeR4v(unit.store.db, config, period)).filter((r) => r.Indicator !== 'Number of people reached through community-based MHPSS activities');
      const expected = expectedR4v(config, period);
      expect(rows.length).toBe(expected.size);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const e = expected.get(`${row.Month}|${row.Indicator}|${row['Activity Name']}`)!;
        expect(e, `${row.Month} ${row['Activity Name']}`).toBeDefined();
        const type = config.mappings.find((m) => m.indicator === row.Indicator)!.indicatorType;
        if (type === 'Other') {
          expect(row['Quantity of output']).toBe(e.outputs);
          continue;
        }
        expect([row['Total monthly beneficiaries'], row['New beneficiaries of the month']]).toEqual([e.total ?? 0, e.new ?? 0]);
        expect([row['Women under 18'], row['Women above 18'], row['Men under 18'], row['Men above 18'], row['Other under 18'], row['Other above 18']]).toEqual(
          ['F|true', 'F|false', 'M|true', 'M|false', 'I|true', 'I|false'].map((k) => e[k] ?? 0),
        );
        if (type === 'PiN') {
          expect([row['Refugees and Migrants IN DESTINATION'], row['Refugees and Migrants IN TRANSIT'], row['Host Communities Beneficiaries'], row['Refugees and Migrants PENDULARS'], row['Colombian Returnees']]).toEqual(
            ['in_destination', 'in_transit', 'host_community', 'pendular', 'colombian_returnee'].map((k) => e[k] ?? 0),
          );
        }
      }
    },
  );
});
