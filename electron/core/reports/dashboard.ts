// The administrator's dashboard: people served, sessions, community reach, no-shows, waiting time,
// risk alerts, disaggregations and instrument change, for a period and an optional service.
// Only signed sessions count: a draft is not yet part of the record.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../../db/schema';
import { ageBandOf, AGE_BANDS, type Service } from '../../api/codes';
import type { DashboardInput, Dashboard } from '../../api/stats';
import { ageSql, MERGED_RECORDS, PATIENTS_REPORT } from './people-sql';
import { dayAfter, localDateOf, monthsBetween, utcRangeOfLocalDays } from './period';
import { coversMostOfHistory, signedSessionsByPersonIndex } from './session-index';

type Counts = Record<string, number>;
const bump = (counts: Counts, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

/** People served who share a classification: sex, age at their first session in the period, nationality, population group. */
interface PeopleGroup {
  sex: string;
  age: number | null;
  nationality: string;
  population_group: string;
  people: number;
}

function sessionFilter(input: DashboardInput, alias = 's') {
  const end = dayAfter(input.to);
  return sql`${sql.ref(`${alias}.status`)} = 'signed' AND ${sql.ref(`${alias}.starts_at`)} >= ${input.from} AND ${sql.ref(`${alias}.starts_at`)} < ${end}
    ${input.service ? sql`AND ${sql.ref(`${alias}.service`)} = ${input.service}` : sql``}`;
}

/**
 * The CTEs `m` and `f (person, first_at)`: everyone with a signed session in the period, as one
 * person per kept record (merges resolved), with their first session in it. As in the monthly
 * report: records in no merge are people already and stream out of a per-record grouping (in person
 * order, sessions_people, for a long period without a service filter, which that index does not
 * hold); merged records are regrouped on their own.
 */
async function firstInPeriod(db: Kysely<Database>, input: DashboardInput) {
  const index = input.service ? sql.raw('sessions_period') : await signedSessionsByPersonIndex(db, input.from, input.to);
  return sql`m (id, person) AS (${MERGED_RECORDS}), f AS (
      SELECT s.patient_id AS person, MIN(s.starts_at) AS first_at FROM sessions AS s INDEXED BY ${index}
      WHERE ${sessionFilter(input)} AND s.patient_id NOT IN (SELECT id FROM m)
      GROUP BY s.patient_id
      UNION ALL
      SELECT m.person, MIN(s.starts_at) FROM m JOIN sessions AS s INDEXED BY sessions_patient ON s.patient_id = m.id
      WHERE ${sessionFilter(input)}
      GROUP BY m.person
    )`;
}

/** People served, counted per classification in SQL. */
async function peopleServed(db: Kysely<Database>, input: DashboardInput): Promise<PeopleGroup[]> {
  const rows = await sql<PeopleGroup>`
    WITH ${await firstInPeriod(db, input)}
    SELECT k.sex, ${ageSql('k', sql`f.first_at`)} AS age, k.nationality, k.population_group, COUNT(*) AS people
    FROM f JOIN patients AS k INDEXED BY ${PATIENTS_REPORT} ON k.id = f.person
    GROUP BY 1, 2, 3, 4`.execute(db);
  return rows.rows;
}

export function disaggregate(groups: { sex: string; age: number | null; nationality: string; populationGroup: string; count: number }[]) {
  const bySex: Counts = {};
  const byAgeBand: Counts = Object.fromEntries(AGE_BANDS.map((b) => [b, 0]));
  const byAgeGroup: Counts = { under18: 0, adults: 0, unknown: 0 };
  const byNationality: Counts = {};
  const byPopulationGroup: Counts = {};
  for (const g of groups) {
    bump(bySex, g.sex, g.count);
    bump(byNationality, g.nationality, g.count);
    bump(byPopulationGroup, g.populationGroup, g.count);
    if (g.age === null || g.age < 0) {
      bump(byAgeGroup, 'unknown', g.count);
      continue;
    }
    bump(byAgeBand, ageBandOf(g.age), g.count);
    bump(byAgeGroup, g.age < 18 ? 'under18' : 'adults', g.count);
  }
  return { bySex, byAgeBand, byAgeGroup, byNationality, byPopulationGroup };
}

/** Sessions by service, format and modality, in one pass over the period. */
async function sessionCounts(db: Kysely<Database>, input: DashboardInput) {
  const rows = await sql<{ service: string; format: string; modality: string; n: number }>`
    SELECT s.service, s.format, s.modality, COUNT(*) AS n FROM sessions AS s INDEXED BY sessions_period WHERE ${sessionFilter(input)} GROUP BY 1, 2, 3`.execute(db);
  const byService: Counts = {};
  const byFormat: Counts = {};
  const byModality: Counts = {};
  for (const r of rows.rows) {
    bump(byService, r.service, Number(r.n));
    bump(byFormat, r.format, Number(r.n));
    bump(byModality, r.modality, Number(r.n));
  }
  return { byService, byFormat, byModality };
}

async function community(db: Kysely<Database>, input: DashboardInput) {
  const rows = await db.selectFrom('activities').select(['date', 'attendance', 'total_attendance']).where('date', '>=', input.from).where('date', '<=', input.to).execute();
  const bySex: Counts = {};
  const byAgeBand: Counts = Object.fromEntries(AGE_BANDS.map((b) => [b, 0]));
  const byPopulationGroup: Counts = {};
  const byMonth: Counts = {};
  let participants = 0;
  for (const row of rows) {
    participants += row.total_attendance;
    bump(byMonth, row.date.slice(0, 7), row.total_attendance);
    for (const cell of JSON.parse(row.attendance) as { sex: string; ageBand: string; populationGroup: string; count: number }[]) {
      bump(bySex, cell.sex, cell.count);
      bump(byAgeBand, cell.ageBand, cell.count);
      bump(byPopulationGroup, cell.populationGroup, cell.count);
    }
  }
  return { activities: rows.length, participants, bySex, byAgeBand, byPopulationGroup, byMonth };
}

async function appointmentsOutcome(db: Kysely<Database>, input: DashboardInput) {
  // The covering index appointments_outcome: never a wide appointment row for its status.
  const rows = await sql<{ status: string; n: number }>`
    SELECT a.status, COUNT(*) AS n FROM appointments AS a INDEXED BY appointments_outcome
    WHERE a.status IN ('no_show', 'completed', 'checked_in') AND a.starts_at >= ${input.from} AND a.starts_at < ${dayAfter(input.to)}
      ${input.service ? sql`AND a.service = ${input.service}` : sql``}
    GROUP BY a.status`.execute(db);
  const count = (status: string) => Number(rows.rows.find((r) => r.status === status)?.n ?? 0);
  const noShows = count('no_show');
  const attended = count('completed') + count('checked_in');
  return { noShows, attended, noShowRate: noShows + attended ? noShows / (noShows + attended) : null };
}

/** Days from registration to the first signed session ever, for people whose first session is in the period. */
async function waitingDays(db: Kysely<Database>, input: DashboardInput) {
  // Only people seen in the period can have their first session in it: keep those none of whose
  // records (merged ones included) has a signed session before the period, one (status, patient)
  // seek each in the covering sessions_people (sessions_patient, through the rows, for a service).
  // Not the first session ever through sessions_period: on status alone that index reads every
  // signed session for every person. Counted per number of days in SQL.
  const earlier = (record: RawBuilder<unknown>) =>
    input.service
      ? sql`EXISTS (SELECT 1 FROM sessions AS e INDEXED BY sessions_patient
          WHERE e.patient_id = ${record} AND e.starts_at < ${input.from} AND e.status = 'signed' AND e.service = ${input.service})`
      : sql`EXISTS (SELECT 1 FROM sessions AS e INDEXED BY sessions_people WHERE e.status = 'signed' AND e.patient_id = ${record} AND e.starts_at < ${input.from})`;
  const rows = await sql<{ days: number; people: number }>`
    WITH ${await firstInPeriod(db, input)}
    SELECT MAX(0, CAST(julianday(substr(f.first_at, 1, 10)) - julianday(${localDateOf('k.created_at')}) AS INTEGER)) AS days, COUNT(*) AS people
    FROM f JOIN patients AS k INDEXED BY ${PATIENTS_REPORT} ON k.id = f.person
    WHERE NOT ${earlier(sql`f.person`)}
      AND NOT EXISTS (SELECT 1 FROM patients AS r INDEXED BY patients_merged_into WHERE r.merged_into_id = f.person AND ${earlier(sql`r.id`)})
    GROUP BY 1 ORDER BY 1`.execute(db);
  const counted = rows.rows.map((r) => ({ days: Number(r.days), people: Number(r.people) }));
  const patients = counted.reduce((n, r) => n + r.people, 0);
  /** The i-th smallest number of days (0-based). */
  const nth = (i: number) => {
    let seen = 0;
    for (const r of counted) if ((seen += r.people) > i) return r.days;
    return 0;
  };
  const mean = patients ? counted.reduce((s, r) => s + r.days * r.people, 0) / patients : null;
  const median = patients ? (patients % 2 ? nth((patients - 1) / 2) : (nth(patients / 2 - 1) + nth(patients / 2)) / 2) : null;
  return { patients, mean, median };
}

/** A score's order key: its session's date-time, then its id (char(1) sorts before any character of a date). */
const SCORE_KEY = sql`sc.at || char(1) || printf('%020d', sc.id) || char(1) || sc.total`;
/** The total back from a SCORE_KEY. */
const totalOf = (key: string) => sql`CAST(substr(${sql.ref(key)}, instr(${sql.ref(key)}, char(1)) + 22) AS INTEGER)`;

/**
 * First and latest score per person and instrument among the signed sessions of the period, for
 * people scored at least twice, summed per instrument in SQL. The scores stream in person order
 * from the covering index session_scores_person (GROUP BY without a sorter, never a wide row); a
 * score's `at` is its session's starts_at, written when the session is signed, so it stands for the
 * session's date. Records involved in a merge (rare) are regrouped by person on their own.
 */
async function instrumentChange(db: Kysely<Database>, input: DashboardInput) {
  // A short period seeks the scores of the people seen in it instead of reading every score.
  const everyone = await coversMostOfHistory(db, input.from, input.to);
  const scores = sql`sc.at >= ${input.from} AND sc.at < ${dayAfter(input.to)} AND sc.instrument IN ('phq9', 'gad7', 'who5') AND sc.total IS NOT NULL
    ${everyone ? sql`` : sql`AND sc.patient_id IN (SELECT s.patient_id FROM sessions AS s INDEXED BY sessions_period WHERE ${sessionFilter(input)})`}
    ${input.service ? sql`AND sc.session_id IN (SELECT s.id FROM sessions AS s INDEXED BY sessions_period WHERE ${sessionFilter(input)})` : sql``}`;
  const rows = await sql<{ instrument: string; patients: number; first: number; latest: number }>`
    WITH m (id, person) AS (${MERGED_RECORDS}), pairs AS (
      SELECT sc.instrument, MIN(${SCORE_KEY}) AS f, MAX(${SCORE_KEY}) AS l
      FROM session_scores AS sc INDEXED BY session_scores_person
      WHERE ${scores} AND sc.patient_id NOT IN (SELECT id FROM m)
      GROUP BY sc.patient_id, sc.instrument HAVING COUNT(*) >= 2
      UNION ALL
      SELECT sc.instrument, MIN(${SCORE_KEY}), MAX(${SCORE_KEY})
      FROM m JOIN session_scores AS sc INDEXED BY session_scores_person ON sc.patient_id = m.id
      WHERE ${scores}
      GROUP BY m.person, sc.instrument HAVING COUNT(*) >= 2
    )
    SELECT instrument, COUNT(*) AS patients, SUM(${totalOf('f')}) AS first, SUM(${totalOf('l')}) AS latest FROM pairs GROUP BY instrument`.execute(db);
  return (['phq9', 'gad7', 'who5'] as const).map((instrument) => {
    const r = rows.rows.find((x) => x.instrument === instrument);
    const patients = Number(r?.patients ?? 0);
    // Integer sums, divided once: the same means as adding the people one by one.
    const mean = (sum: number) => (patients ? sum / patients : null);
    return { instrument, patients, meanFirst: mean(Number(r?.first)), meanLatest: mean(Number(r?.latest)), meanChange: mean(Number(r?.latest) - Number(r?.first)) };
  });
}

async function monthly(db: Kysely<Database>, input: DashboardInput, communityByMonth: Counts) {
  // People per month without a patient lookup per session: a record in no merge is its own person;
  // the records involved in merges (rare, never the same people) are counted by person apart.
  const rows = await sql<{ month: string; sessions: number; people: number }>`
    WITH m (id, person) AS (${MERGED_RECORDS}), counted AS (
      SELECT substr(s.starts_at, 1, 7) AS month, COUNT(*) AS sessions, COUNT(DISTINCT s.patient_id) AS people
      FROM sessions AS s INDEXED BY sessions_period
      WHERE ${sessionFilter(input)} AND s.patient_id NOT IN (SELECT id FROM m)
      GROUP BY 1
      UNION ALL
      SELECT substr(s.starts_at, 1, 7), COUNT(*), COUNT(DISTINCT m.person)
      FROM m JOIN sessions AS s INDEXED BY sessions_patient ON s.patient_id = m.id
      WHERE ${sessionFilter(input)}
      GROUP BY 1
    )
    SELECT month, SUM(sessions) AS sessions, SUM(people) AS people FROM counted GROUP BY month`.execute(db);
  return monthsBetween(input.from, input.to).map((month) => {
    const row = rows.rows.find((r) => r.month === month);
    return { month, sessions: Number(row?.sessions ?? 0), people: Number(row?.people ?? 0), communityParticipants: communityByMonth[month] ?? 0 };
  });
}

export async function computeDashboard(db: Kysely<Database>, input: DashboardInput): Promise<Dashboard> {
  const people = await peopleServed(db, input);
  const created = utcRangeOfLocalDays(input.from, input.to);
  // Everyone registered in the period from the covering patients_created, less the merged records
  // among them (rare, the only wide rows read): never a wide row per patient.
  const newPatients = await sql<{ n: number }>`
    SELECT (SELECT COUNT(*) FROM patients INDEXED BY patients_created WHERE created_at >= ${created.start} AND created_at < ${created.end})
      - (SELECT COUNT(*) FROM patients INDEXED BY patients_merged_into WHERE merged_into_id IS NOT NULL AND created_at >= ${created.start} AND created_at < ${created.end}) AS n`.execute(db);
  const alerts = await sql<{ n: number }>`
    SELECT COUNT(*) AS n FROM risk_alerts WHERE ${localDateOf('raised_at')} BETWEEN ${input.from} AND ${input.to}`.execute(db);
  const reach = await community(db, input);
  const { byService, byFormat, byModality } = await sessionCounts(db, input);
  return {
    period: { from: input.from, to: input.to },
    service: (input.service ?? null) as Service | null,
    uniquePeople: people.reduce((n, g) => n + Number(g.people), 0),
    newPatients: Number(newPatients.rows[0]?.n ?? 0),
    sessions: {
      total: Object.values(byService).reduce((s, n) => s + n, 0),
      byService,
      byFormat,
      byModality,
    },
    people: disaggregate(people.map((g) => ({ sex: g.sex, age: g.age === null ? null : Number(g.age), nationality: g.nationality, populationGroup: g.population_group, count: Number(g.people) }))),
    community: { activities: reach.activities, participants: reach.participants, bySex: reach.bySex, byAgeBand: reach.byAgeBand, byPopulationGroup: reach.byPopulationGroup },
    appointments: await appointmentsOutcome(db, input),
    waitingDays: await waitingDays(db, input),
    riskAlertsRaised: Number(alerts.rows[0]?.n ?? 0),
    instrumentChange: await instrumentChange(db, input),
    monthly: await monthly(db, input, reach.byMonth),
  };
}
