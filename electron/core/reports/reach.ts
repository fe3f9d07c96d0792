// Keeps the reach cells (db/reach-cells.ts) in step with the services that change who was reached:
// signing a session, editing a person's classification, merging records, seeding. And reads them for
// a period of whole months.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { applyReachChange, reachRowsOf, type PeopleFilter, type ReachRow } from '../../../db/reach-cells';
import { dayAfter } from './period';

/** The people whose cells a change of these records can move (a merged record counts under the one kept). */
async function peopleOf(db: Kysely<Database>, recordIds: readonly number[]): Promise<number[]> {
  const rows = await db.selectFrom('patients').select((eb) => eb.fn.coalesce('merged_into_id', 'id').as('person')).where('id', 'in', recordIds).execute();
  return [...new Set(rows.map((r) => Number(r.person)))];
}

/** Runs `change` (inside the caller's transaction) and moves the cells of the people of these records with it. */
export async function keepingReach<T>(db: Kysely<Database>, recordIds: readonly number[], change: () => Promise<T>): Promise<T> {
  const people: PeopleFilter = { ids: await peopleOf(db, recordIds) };
  const before = await reachRowsOf(db, people);
  const result = await change();
  await applyReachChange(db, before, await reachRowsOf(db, people));
  return result;
}

/** Adds the cells of records just written in bulk (a seeding chunk of ids from..to, none of them reached before), in one transaction. */
export async function addReachOfRange(db: Kysely<Database>, from: number, to: number): Promise<void> {
  await db.transaction().execute(async (trx) => applyReachChange(trx, [], await reachRowsOf(trx, { from, to })));
}

/** Whether local days from..to are whole months, first day to last, so that the cells answer for them. */
export function wholeMonths(from: string, to: string): { first: string; last: string } | null {
  if (from.slice(8) !== '01' || dayAfter(to).slice(8) !== '01' || from > to) return null;
  return { first: from.slice(0, 7), last: to.slice(0, 7) };
}

/** People and sessions of one classification, over the months asked for. */
export type ReachCell = Omit<ReachRow, 'month' | 'prev_month'>;

/** People (each once, classified at their first session of the format in the period) and sessions of months first..last. */
export async function reachOfMonths(db: Kysely<Database>, first: string, last: string): Promise<ReachCell[]> {
  const { rows } = await sql<ReachCell>`
    SELECT format, sex, age_band, population_group, nationality,
      SUM(CASE WHEN prev_month < ${first} THEN people ELSE 0 END) AS people, SUM(sessions) AS sessions
    FROM reach_cells WHERE month >= ${first} AND month <= ${last}
    GROUP BY format, sex, age_band, population_group, nationality`.execute(db);
  return rows;
}
