// The people each report month reaches, kept ready (issue 7: a year's monthly report read every signed
// session of the year and joined a million people to their demographics, 10 s at 1,000,000 patients).
//
// A count of distinct people over a period is not a sum of monthly counts: someone seen in March and
// in May is one person in the year. So every (person, format, month with signed sessions) is stored
// with the previous month the person had a session of that format (`prev_month`, '' for none). Over
// months S..E a person is counted once, in the month of their first session in the period: the one
// row with S <= month <= E and prev_month < S. The row carries the person's classification at the
// first session of that month, which is then the first session of the period (age at that date; sex,
// population group and nationality as the record says now). Rows are summed into cells, so a year
// reads a few thousand cells instead of a million people.
//
// The cells are derived data, like an index: every change to a person's signed sessions or
// classification recomputes that person's rows (before and after, the difference applied in the same
// transaction, electron/core/reports/reach.ts); `rebuildReachCells` recomputes them all.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ReachCellsTable } from './schema';

/** Which people to compute: all of them, some by id, or a range of ids (a seeding chunk). */
export type PeopleFilter = 'all' | { ids: readonly number[] } | { from: number; to: number };

/** A cell as stored (db/schema.ts ReachCellsTable). */
export type ReachRow = ReachCellsTable;

export const REACH_KEY = ['month', 'format', 'prev_month', 'sex', 'age_band', 'population_group', 'nationality'] as const;

/** The records counting under the people of the filter (a merged record counts under the one it was merged into). */
function recordsOf(people: Exclude<PeopleFilter, 'all'>): RawBuilder<unknown> {
  const match = 'ids' in people ? (column: string) => sql`${sql.ref(column)} IN (${sql.join(people.ids)})` : (column: string) => sql`${sql.ref(column)} BETWEEN ${people.from} AND ${people.to}`;
  return sql`(SELECT id FROM patients WHERE ${match('id')} AND merged_into_id IS NULL
    UNION ALL SELECT id FROM patients INDEXED BY patients_merged_into WHERE merged_into_id IS NOT NULL AND ${match('merged_into_id')})`;
}

/** The cells of the people of the filter, as they are in the database now: a SELECT of ReachRow. */
function reachRowsSql(people: PeopleFilter): RawBuilder<ReachRow> {
  const records = people === 'all' ? sql`` : sql`AND s.patient_id IN ${recordsOf(people)}`;
  // Whole years at the first session of the month, as electron/core/reports/period.ts ageAt; 0 when
  // unknown, as the report counts from the sessions. Banded as electron/api/codes.ts AGE_BANDS (the
  // reports' bands; tests/integration/report-counts.test.ts holds the two together): a band, not a year,
  // keeps a year's cells ten times fewer.
  const age = sql`COALESCE(CASE
      WHEN k.date_of_birth IS NOT NULL THEN CAST(substr(w.first_at, 1, 4) AS INTEGER) - CAST(substr(k.date_of_birth, 1, 4) AS INTEGER) - (substr(w.first_at, 6, 5) < substr(k.date_of_birth, 6, 5))
      WHEN k.estimated_birth_year IS NOT NULL THEN CAST(substr(w.first_at, 1, 4) AS INTEGER) - k.estimated_birth_year
    END, 0)`;
  return sql<ReachRow>`
    WITH pm AS (
      SELECT COALESCE(r.merged_into_id, r.id) AS person, s.format, substr(s.starts_at, 1, 7) AS month, MIN(s.starts_at) AS first_at, COUNT(*) AS sessions
      FROM sessions AS s JOIN patients AS r ON r.id = s.patient_id
      WHERE s.status = 'signed' ${records}
      GROUP BY person, s.format, month
    ), w AS (
      SELECT pm.*, LAG(pm.month, 1, '') OVER (PARTITION BY pm.person, pm.format ORDER BY pm.month) AS prev_month FROM pm
    ), c AS (
      SELECT w.format, w.month, w.prev_month, k.sex, ${age} AS age, k.population_group,
        CASE WHEN k.nationality IN ('VEN', 'COL') THEN k.nationality ELSE 'other' END AS nationality, w.sessions
      FROM w JOIN patients AS k ON k.id = w.person
    )
    SELECT format, month, prev_month, sex,
      CASE WHEN age <= 5 THEN '0-5' WHEN age <= 11 THEN '6-11' WHEN age <= 17 THEN '12-17' WHEN age <= 29 THEN '18-29' WHEN age <= 59 THEN '30-59' ELSE '60+' END AS age_band,
      population_group, nationality, COUNT(*) AS people, SUM(sessions) AS sessions
    FROM c
    GROUP BY format, month, prev_month, sex, age_band, population_group, nationality`;
}

export async function reachRowsOf(db: Kysely<any>, people: PeopleFilter): Promise<ReachRow[]> {
  if (people !== 'all' && 'ids' in people && people.ids.length === 0) return [];
  return (await reachRowsSql(people).execute(db)).rows;
}

const keyOf = (r: ReachRow) => JSON.stringify(REACH_KEY.map((k) => r[k]));

/** Adds `after − before` to the cells, dropping cells nobody is counted in any more. */
export async function applyReachChange(db: Kysely<any>, before: readonly ReachRow[], after: readonly ReachRow[]): Promise<void> {
  const delta = new Map<string, ReachRow>();
  for (const [rows, sign] of [[before, -1], [after, 1]] as const) {
    for (const r of rows) {
      const key = keyOf(r);
      const d = delta.get(key) ?? { ...r, people: 0, sessions: 0 };
      d.people += sign * Number(r.people);
      d.sessions += sign * Number(r.sessions);
      delta.set(key, d);
    }
  }
  for (const d of delta.values()) {
    if (d.people === 0 && d.sessions === 0) continue;
    await db
      .insertInto('reach_cells')
      .values(d)
      .onConflict((oc) => oc.columns([...REACH_KEY]).doUpdateSet((eb) => ({ people: eb('reach_cells.people', '+', eb.ref('excluded.people')), sessions: eb('reach_cells.sessions', '+', eb.ref('excluded.sessions')) })))
      .execute();
    if (d.people < 0) await db.deleteFrom('reach_cells').where((eb) => eb.and(REACH_KEY.map((k) => eb(k, '=', d[k])))).where('people', '<=', 0).execute();
  }
}

/** Recomputes every cell from the signed sessions (the migration that created them, a repair). */
export async function rebuildReachCells(db: Kysely<any>): Promise<number> {
  await db.deleteFrom('reach_cells').execute();
  const result = await sql`INSERT INTO reach_cells (format, month, prev_month, sex, age_band, population_group, nationality, people, sessions) ${reachRowsSql('all')}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
