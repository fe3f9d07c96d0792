// Every number of the dashboard equals an independent count written here in plain SQL, on a
// generated dataset, computed by the read-only worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../electron/api/stats';
import { seedPatients } from '../../electron/core/synthetic/seed';
import { seedCare } from '../../electron/core/synthetic/seed-care';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let admin: string;

beforeAll(async () => {
  unit = await createTestUnit({ security: { idleTimeoutSeconds: 86_400, absoluteTimeoutSeconds: 86_400 } });
  const clinicians = [await unit.addUser('ana', 'clinician'), await unit.addUser('beto', 'clinician')];
  const { firstId, count } = await seedPatients(unit.ctx, unit.store.raw, { count: 1500, seed: 11, byUserId: clinicians[0]! });
  const ids = Array.from({ length: count }, (_, i) => firstId + i);
  // Registrations spread over the year, so that "new patients" and waiting days mean something.
  const registered = unit.store.raw.prepare('UPDATE patients SET created_at = ? WHERE id = ?');
  ids.forEach((id, i) => registered.run(`2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}T14:00:00.000Z`, id));
  seedCare(unit.store.raw, { patientIds: ids.filter((id) => id % 5 !== 0 && id % 3 !== 0).slice(0, 700), clinicianIds: clinicians, from: '2026-01-01', to: '2026-10-31', sessionsPerPatient: 4, activities: 60, seed: 5 });
  // A merged pair: the duplicate's sessions count for the kept person, once.
  unit.store.raw.prepare('UPDATE patients SET merged_into_id = ? WHERE id = ?').run(ids[1], ids[2]);
  admin = await unit.login('admin');
}, 120_000);
afterAll(() => unit.cleanup());

const one = (sqlText: string, ...params: unknown[]) => Number(Object.values(unit.store.raw.prepare(sqlText).get(...params) as object)[0]);
const rows = <T>(sqlText: string, ...params: unknown[]) => unit.store.raw.prepare(sqlText).all(...params) as T[];
const PERSON = 'COALESCE(p.merged_into_id, p.id)';

async function dashboard(input: Record<string, unknown>): Promise<Dashboard> {
  const result = await unit.call('stats.dashboard', input, admin);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as Dashboard;
}

describe.each([
  { from: '2026-03-01', to: '2026-08-31', service: undefined },
  { from: '2026-01-01', to: '2026-10-31', service: 'psychology' },
])('stats.dashboard $from – $to $service', ({ from, to, service }) => {
  let d: Dashboard;
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const filter = `s.status = 'signed' AND s.starts_at >= '${from}' AND s.starts_at < '${end}'${service ? ` AND s.service = '${service}'` : ''}`;

  beforeAll(async () => {
    d = await dashboard(service ? { from, to, service } : { from, to });
  });

  it('counts people, sessions by service, format and modality', () => {
    expect(d.uniquePeople).toBe(one(`SELECT COUNT(DISTINCT ${PERSON}) FROM sessions s JOIN patients p ON p.id = s.patient_id WHERE ${filter}`));
    expect(d.uniquePeople).toBeGreaterThan(100);
    expect(d.sessions.total).toBe(one(`SELECT COUNT(*) FROM sessions s WHERE ${filter}`));
    for (const column of ['service', 'format', 'modality'] as const) {
      const expected = Object.fromEntries(rows<{ k: string; n: number }>(`SELECT s.${column} AS k, COUNT(*) AS n FROM sessions s WHERE ${filter} GROUP BY 1`).map((r) => [r.k, r.n]));
      const key = column === 'service' ? 'byService' : column === 'format' ? 'byFormat' : 'byModality';
      expect(d.sessions[key]).toEqual(expected);
    }
  });

  it('disaggregates people by sex, nationality, population group and age band at their first session', () => {
    const people = rows<{ sex: string; nationality: string; population_group: string; dob: string | null; est: number | null; first: string }>(
      `SELECT k.sex, k.nationality, k.population_group, k.date_of_birth AS dob, k.estimated_birth_year AS est, MIN(s.starts_at) AS first
       FROM sessions s JOIN patients p ON p.id = s.patient_id JOIN patients k ON k.id = ${PERSON} WHERE ${filter} GROUP BY k.id`,
    );
    const tally = (f: (r: (typeof people)[number]) => string) => people.reduce<Record<string, number>>((acc, r) => ({ ...acc, [f(r)]: (acc[f(r)] ?? 0) + 1 }), {});
    expect(d.people.bySex).toEqual(tally((r) => r.sex));
    expect(d.people.byNationality).toEqual(tally((r) => r.nationality));
    expect(d.people.byPopulationGroup).toEqual(tally((r) => r.population_group));
    const age = (r: (typeof people)[number]) => {
      if (r.dob) return Number(r.first.slice(0, 4)) - Number(r.dob.slice(0, 4)) - (r.first.slice(5, 10) < r.dob.slice(5, 10) ? 1 : 0);
      return Number(r.first.slice(0, 4)) - r.est!;
    };
    const under18 = people.filter((r) => age(r) < 18).length;
    expect(d.people.byAgeGroup).toEqual({ under18, adults: people.length - under18, unknown: 0 });
    expect(Object.values(d.people.byAgeBand).reduce((s, n) => s + n, 0)).toBe(people.length);
    expect(d.people.byAgeBand['60+']).toBe(people.filter((r) => age(r) >= 60).length);
    expect(d.people.byAgeBand['12-17']).toBe(people.filter((r) => age(r) >= 12 && age(r) <= 17).length);
  });

  it('counts new patients, community participants, no-shows, alerts', () => {
    expect(d.newPatients).toBe(one(`SELECT COUNT(*) FROM patients WHERE merged_into_id IS NULL AND date(created_at, '-5 hours') BETWEEN ? AND ?`, from, to));
    expect(d.community.participants).toBe(one('SELECT COALESCE(SUM(total_attendance), 0) FROM activities WHERE date BETWEEN ? AND ?', from, to));
    expect(d.community.activities).toBe(one('SELECT COUNT(*) FROM activities WHERE date BETWEEN ? AND ?', from, to));
    expect(Object.values(d.community.bySex).reduce((s, n) => s + n, 0)).toBe(d.community.participants);
    const appt = `starts_at >= '${from}' AND starts_at < '${end}'${service ? ` AND service = '${service}'` : ''}`;
    const noShows = one(`SELECT COUNT(*) FROM appointments WHERE ${appt} AND status = 'no_show'`);
    const attended = one(`SELECT COUNT(*) FROM appointments WHERE ${appt} AND status IN ('completed', 'checked_in')`);
    expect(d.appointments).toEqual({ noShows, attended, noShowRate: noShows / (noShows + attended) });
    expect(d.riskAlertsRaised).toBe(one(`SELECT COUNT(*) FROM risk_alerts WHERE date(raised_at, '-5 hours') BETWEEN ? AND ?`, from, to));
  });

  it('measures waiting days from registration to the first session', () => {
    const waits = rows<{ days: number }>(
      `SELECT MAX(0, CAST(ROUND(julianday(substr(MIN(s.starts_at), 1, 10)) - julianday(date(k.created_at, '-5 hours'))) AS INTEGER)) AS days
       FROM sessions s JOIN patients p ON p.id = s.patient_id JOIN patients k ON k.id = ${PERSON}
       WHERE s.status = 'signed'${service ? ` AND s.service = '${service}'` : ''}
       GROUP BY k.id HAVING MIN(s.starts_at) >= '${from}' AND MIN(s.starts_at) < '${end}'`,
    ).map((r) => r.days);
    expect(d.waitingDays.patients).toBe(waits.length);
    expect(d.waitingDays.mean).toBeCloseTo(waits.reduce((s, n) => s + n, 0) / waits.length, 9);
    const sorted = [...waits].sort((a, b) => a - b);
    const half = Math.floor(sorted.length / 2);
    expect(d.waitingDays.median).toBe(sorted.length % 2 ? sorted[half] : (sorted[half - 1]! + sorted[half]!) / 2);
  });

  it('measures the mean change of PHQ-9, GAD-7 and WHO-5 from first to latest score', () => {
    for (const instrument of ['phq9', 'gad7', 'who5'] as const) {
      const changes = rows<{ change: number }>(
        `WITH scored AS (
           SELECT ${PERSON} AS person, sc.total, ROW_NUMBER() OVER (PARTITION BY ${PERSON} ORDER BY sc.at, sc.id) AS first_rank,
                  ROW_NUMBER() OVER (PARTITION BY ${PERSON} ORDER BY sc.at DESC, sc.id DESC) AS last_rank, COUNT(*) OVER (PARTITION BY ${PERSON}) AS n
           FROM session_scores sc JOIN sessions s ON s.id = sc.session_id JOIN patients p ON p.id = sc.patient_id
           WHERE ${filter} AND sc.instrument = '${instrument}')
         SELECT MAX(CASE WHEN last_rank = 1 THEN total END) - MAX(CASE WHEN first_rank = 1 THEN total END) AS change FROM scored WHERE n >= 2 GROUP BY person`,
      ).map((r) => r.change);
      const got = d.instrumentChange.find((c) => c.instrument === instrument)!;
      expect(got.patients).toBe(changes.length);
      expect(got.meanChange).toBeCloseTo(changes.reduce((s, n) => s + n, 0) / changes.length, 9);
    }
    expect(d.instrumentChange.find((c) => c.instrument === 'phq9')!.meanChange).toBeLessThan(0);
  });

  it('adds up month by month', () => {
    expect(d.monthly.reduce((s, m) => s + m.sessions, 0)).toBe(d.sessions.total);
    expect(d.monthly.reduce((s, m) => s + m.communityParticipants, 0)).toBe(d.community.participants);
    for (const m of d.monthly) {
      expect(m.people).toBe(one(`SELECT COUNT(DISTINCT ${PERSON}) FROM sessions s JOIN patients p ON p.id = s.patient_id WHERE ${filter} AND substr(s.starts_at, 1, 7) = ?`, m.month));
    }
  });
});

it('refuses a period that ends before it starts, naming the field', async () => {
  const result = await unit.call('stats.dashboard', { from: '2026-05-01', to: '2026-04-01' }, admin);
  expect(!result.ok && result.error.issues?.[0]?.path).toBe('to');
});
