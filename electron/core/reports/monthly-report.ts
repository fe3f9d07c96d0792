// The monthly MHPSS activity report: individual, family, group and community interventions, the
// people reached in each, disaggregated by sex × age band, population group and nationality.
// Every people count goes through small-cell suppression before it leaves this module.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { ageBandOf, AGE_BANDS, POPULATION_GROUPS, SEXES } from '../../api/codes';
import type { MonthlyReport, ReportCategory } from '../../api/stats';
import { AppError } from '../errors';
import { assertReleasable, suppressList, suppressTable, type SuppressedList, type SuppressedTable } from '../disclosure/small-cells';
import { ageAt, dayAfter } from './period';

export const CATEGORIES: readonly ReportCategory[] = ['individual', 'family', 'group', 'community'];
const NATIONALITIES = ['VEN', 'COL', 'other'] as const;

interface Person {
  sex: string;
  ageBand: string;
  populationGroup: string;
  nationality: string;
}

interface Reached {
  interventions: number;
  people: Person[] | null;
  /** Community attendance: counted in cells, not as identified people. */
  cells: { sex: string; ageBand: string; populationGroup: string; count: number }[];
}

async function sessionCategory(db: Kysely<Database>, format: string, from: string, to: string): Promise<Reached> {
  const interventions = await sql<{ n: number }>`
    SELECT COUNT(*) AS n FROM sessions WHERE status = 'signed' AND format = ${format} AND starts_at >= ${from} AND starts_at < ${dayAfter(to)}`.execute(db);
  const rows = await sql<{ sex: string; dob: string | null; est: number | null; nationality: string; population_group: string; first_at: string }>`
    SELECT k.sex, k.date_of_birth AS dob, k.estimated_birth_year AS est, k.nationality, k.population_group, MIN(f.first_at) AS first_at
    FROM (
      -- One row per record from the covering index, before any patient row is read.
      SELECT s.patient_id, MIN(s.starts_at) AS first_at FROM sessions AS s
      WHERE s.status = 'signed' AND s.starts_at >= ${from} AND s.starts_at < ${dayAfter(to)} AND s.format = ${format}
      GROUP BY s.patient_id
    ) AS f
    JOIN patients AS p ON p.id = f.patient_id JOIN patients AS k ON k.id = COALESCE(p.merged_into_id, p.id)
    GROUP BY k.id`.execute(db);
  return {
    interventions: Number(interventions.rows[0]?.n ?? 0),
    people: rows.rows.map((r) => ({
      sex: r.sex,
      ageBand: ageBandOf(Math.max(0, ageAt(r.dob, r.est, r.first_at.slice(0, 10)) ?? 0)),
      populationGroup: r.population_group,
      nationality: r.nationality === 'VEN' || r.nationality === 'COL' ? r.nationality : 'other',
    })),
    cells: [],
  };
}

async function communityCategory(db: Kysely<Database>, from: string, to: string): Promise<Reached> {
  const rows = await db.selectFrom('activities').select(['attendance']).where('date', '>=', from).where('date', '<=', to).execute();
  return { interventions: rows.length, people: null, cells: rows.flatMap((r) => JSON.parse(r.attendance) as Reached['cells']) };
}

function sexAgeTable(reached: Reached, threshold: number): SuppressedTable {
  const counts = SEXES.map(() => AGE_BANDS.map(() => 0));
  const add = (sex: string, band: string, n: number) => {
    counts[SEXES.indexOf(sex as (typeof SEXES)[number])]![AGE_BANDS.indexOf(band as (typeof AGE_BANDS)[number])]! += n;
  };
  for (const p of reached.people ?? []) add(p.sex, p.ageBand, 1);
  for (const c of reached.cells) add(c.sex, c.ageBand, c.count);
  return suppressTable({ rowLabels: [...SEXES], columnLabels: [...AGE_BANDS], counts }, { threshold });
}

function listOf(labels: readonly string[], values: string[], weights: number[], threshold: number): SuppressedList {
  const counts = labels.map(() => 0);
  values.forEach((v, i) => {
    const index = labels.indexOf(v);
    if (index >= 0) counts[index]! += weights[i]!;
  });
  return suppressList({ labels: [...labels], counts }, { threshold });
}

export async function computeMonthlyReport(db: Kysely<Database>, input: { from: string; to: string; threshold: number }): Promise<MonthlyReport> {
  const { from, to, threshold } = input;
  const reached: Record<ReportCategory, Reached> = {
    individual: await sessionCategory(db, 'individual', from, to),
    family: await sessionCategory(db, 'family', from, to),
    group: await sessionCategory(db, 'group', from, to),
    community: await communityCategory(db, from, to),
  };
  const categories = CATEGORIES.map((category) => {
    const r = reached[category];
    const peopleCount = r.people ? r.people.length : r.cells.reduce((s, c) => s + c.count, 0);
    const people = suppressList({ labels: ['people'], counts: [peopleCount] }, { threshold }).cells[0]!;
    const values = r.people ?? r.cells;
    const weights = r.people ? r.people.map(() => 1) : r.cells.map((c) => c.count);
    return {
      category,
      interventions: r.interventions,
      people,
      bySexAge: sexAgeTable(r, threshold),
      byPopulationGroup: listOf(POPULATION_GROUPS, values.map((v) => v.populationGroup), weights, threshold),
      // Community attendance is counted without nationality.
      byNationality: r.people ? listOf(NATIONALITIES, r.people.map((p) => p.nationality), weights, threshold) : null,
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
