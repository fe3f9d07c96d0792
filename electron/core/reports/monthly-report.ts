// The monthly MHPSS activity report: individual, family, group and community interventions, the
// people reached in each, disaggregated by sex × age band, population group and nationality.
// Every people count goes through small-cell suppression before it leaves this module.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { AGE_BANDS, ageBandOf, POPULATION_GROUPS, SEXES } from '../../api/codes';
import type { MonthlyReport, ReportCategory } from '../../api/stats';
import { AppError } from '../errors';
import { assertReleasable, suppressList, suppressTable, type SuppressedList, type SuppressedTable } from '../disclosure/small-cells';
import { ageSql, MERGED_RECORDS, PATIENTS_REPORT } from './people-sql';
import { dayAfter } from './period';
import { signedSessionsByPersonIndex } from './session-index';
import { reachOfMonths, wholeMonths, type ReachCell } from './reach';

export const CATEGORIES: readonly ReportCategory[] = ['individual', 'family', 'group', 'community'];
const NATIONALITIES = ['VEN', 'COL', 'other'] as const;

/** People reached, counted per classification cell (identified people and community attendance alike). */
interface Cell {
  sex: string;
  ageBand: string;
  populationGroup: string;
  /** null for community attendance, which is counted without nationality. */
  nationality: string | null;
  count: number;
}

interface Reached {
  interventions: number;
  /** Identified people (sessions) rather than counted attendance (community activities). */
  identified: boolean;
  cells: Cell[];
}

/**
 * Every session format at once, in one pass over the signed sessions of the period: the first
 * signed session in the period of each person (a merged record counts under the record it was
 * merged into), classified by the person's sex, age at that first session, population group and
 * nationality, and counted in SQL (by the tally aggregate, db/tally.ts). Demographics come from the narrow index `patients_report`,
 * never from the wide patient rows.
 *
 * Merges are rare, so the records involved in one (merged, or the target of a merge) are regrouped
 * by person on their own through sessions_patient; every other record is a person already, and its
 * rows stream out of the per-record grouping. Ages are grouped as numbers and banded here: the band
 * CASE in SQL evaluated the age expression once per band.
 */
async function sessionCategoriesOfDays(db: Kysely<Database>, from: string, to: string): Promise<ReachCell[]> {
  const end = dayAfter(to);
  const index = await signedSessionsByPersonIndex(db, from, to);
  const age = ageSql('k', sql`f.first_at`);
  const tallied = await sql<{ cells: string }>`
    WITH m (id, person) AS (${MERGED_RECORDS}), f AS (
      SELECT s.patient_id AS person, s.format, MIN(s.starts_at) AS first_at, COUNT(*) AS sessions
      FROM sessions AS s INDEXED BY ${index}
      WHERE s.status = 'signed' AND s.starts_at >= ${from} AND s.starts_at < ${end} AND s.patient_id NOT IN (SELECT id FROM m)
      GROUP BY s.patient_id, s.format
      UNION ALL
      SELECT m.person, s.format, MIN(s.starts_at), COUNT(*)
      FROM m JOIN sessions AS s INDEXED BY sessions_patient ON s.patient_id = m.id
      WHERE s.status = 'signed' AND s.starts_at >= ${from} AND s.starts_at < ${end}
      GROUP BY m.person, s.format
    )
    SELECT tally(f.format, k.sex, COALESCE(${age}, 0), k.population_group,
      CASE WHEN k.nationality IN ('VEN', 'COL') THEN k.nationality ELSE 'other' END, f.sessions) AS cells
    FROM f JOIN patients AS k INDEXED BY ${PATIENTS_REPORT} ON k.id = f.person`.execute(db);
  // One row per classification cell (db/tally.ts counts without sorting a row per person).
  return (JSON.parse(tallied.rows[0]?.cells ?? '[]') as [string, string, number, string, string, number, number][]).map(
    ([format, sex, age, population_group, nationality, people, sessions]) => ({ format, sex, age_band: ageBandOf(Number(age)), population_group, nationality, people, sessions }),
  );
}

/**
 * People reached by sessions, per format. A period of whole months (every monthly, quarterly or yearly
 * report) is read from the reach cells kept ready (db/reach-cells.ts); any other period from the sessions.
 */
async function sessionCategories(db: Kysely<Database>, from: string, to: string): Promise<Map<string, Reached>> {
  const months = wholeMonths(from, to);
  const rows = months ? await reachOfMonths(db, months.first, months.last) : await sessionCategoriesOfDays(db, from, to);
  const byFormat = new Map<string, Reached>();
  for (const r of rows) {
    let reached = byFormat.get(r.format);
    if (!reached) byFormat.set(r.format, (reached = { interventions: 0, identified: true, cells: [] }));
    reached.interventions += Number(r.sessions);
    if (Number(r.people) > 0) reached.cells.push({ sex: r.sex, ageBand: r.age_band, populationGroup: r.population_group, nationality: r.nationality, count: Number(r.people) });
  }
  return byFormat;
}

async function communityCategory(db: Kysely<Database>, from: string, to: string): Promise<Reached> {
  const rows = await db.selectFrom('activities').select(['attendance']).where('date', '>=', from).where('date', '<=', to).execute();
  const cells = rows.flatMap((r) => JSON.parse(r.attendance) as Omit<Cell, 'nationality'>[]);
  return { interventions: rows.length, identified: false, cells: cells.map((c) => ({ ...c, nationality: null })) };
}

function sexAgeTable(reached: Reached, threshold: number): SuppressedTable {
  const counts = SEXES.map(() => AGE_BANDS.map(() => 0));
  const add = (sex: string, band: string, n: number) => {
    counts[SEXES.indexOf(sex as (typeof SEXES)[number])]![AGE_BANDS.indexOf(band as (typeof AGE_BANDS)[number])]! += n;
  };
  for (const c of reached.cells) add(c.sex, c.ageBand, c.count);
  return suppressTable({ rowLabels: [...SEXES], columnLabels: [...AGE_BANDS], counts }, { threshold });
}

function listOf(labels: readonly string[], cells: Cell[], key: (c: Cell) => string | null, threshold: number): SuppressedList {
  const counts = labels.map(() => 0);
  for (const c of cells) {
    const index = labels.indexOf(key(c) ?? '');
    if (index >= 0) counts[index]! += c.count;
  }
  return suppressList({ labels: [...labels], counts }, { threshold });
}

export async function computeMonthlyReport(db: Kysely<Database>, input: { from: string; to: string; threshold: number }): Promise<MonthlyReport> {
  const { from, to, threshold } = input;
  const sessions = await sessionCategories(db, from, to);
  const community = await communityCategory(db, from, to);
  const categories = CATEGORIES.map((category) => {
    const r = category === 'community' ? community : (sessions.get(category) ?? { interventions: 0, identified: true, cells: [] });
    const peopleCount = r.cells.reduce((s, c) => s + c.count, 0);
    const people = suppressList({ labels: ['people'], counts: [peopleCount] }, { threshold }).cells[0]!;
    return {
      category,
      interventions: r.interventions,
      people,
      bySexAge: sexAgeTable(r, threshold),
      byPopulationGroup: listOf(POPULATION_GROUPS, r.cells, (c) => c.populationGroup, threshold),
      // Community attendance is counted without nationality.
      byNationality: r.identified ? listOf(NATIONALITIES, r.cells, (c) => c.nationality, threshold) : null,
    };
  });
  // The last line of defence: nothing is written if any suppressed count can be worked out.
  for (const c of categories) {
    for (const released of [c.bySexAge, c.byPopulationGroup, ...(c.byNationality ? [c.byNationality] : [])]) {
      try {
        assertReleasable(released);
      } catch {
        throw new AppError('internal', `La tabla de ${c.category} revelaría celdas suprimidas; no se generó el informe.`);
      }
    }
  }
  return { period: { from, to }, threshold, categories };
}
