// Which index a report reads the signed sessions of a period through (issue 7). sessions_period
// (date order) reads only the period but leaves grouping by person to a sorter; sessions_people
// (person order, migration 2026-11-22_1620) streams GROUP BY patient_id without one but reads every
// signed session. Measured at 100,000 patients they break even near a quarter of the history.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../../db/schema';
import { dayAfter } from './period';

/** The share of the signed-session history above which reading it all in person order wins. */
export const PEOPLE_ORDER_SHARE = 0.25;

const DAY_MS = 86_400_000;

function daysOf(date: string): number {
  return Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS;
}

/** Whether local days `from`..`to` cover enough of the signed-session history to read all of it in person order. */
export async function coversMostOfHistory(db: Kysely<Database>, from: string, to: string): Promise<boolean> {
  // Two subqueries: each MIN/MAX alone is one seek at an end of sessions_period; together in one SELECT they would scan.
  const { rows } = await sql<{ first: string | null; last: string | null }>`
    SELECT (SELECT MIN(starts_at) FROM sessions INDEXED BY sessions_period WHERE status = 'signed') AS first,
      (SELECT MAX(starts_at) FROM sessions INDEXED BY sessions_period WHERE status = 'signed') AS last`.execute(db);
  const { first, last } = rows[0] ?? { first: null, last: null };
  if (!first || !last) return false;
  const span = daysOf(dayAfter(last.slice(0, 10))) - daysOf(first);
  const covered = Math.min(daysOf(dayAfter(to)), daysOf(dayAfter(last.slice(0, 10)))) - Math.max(daysOf(from), daysOf(first));
  return covered >= PEOPLE_ORDER_SHARE * span;
}

/** The index to name (INDEXED BY) for signed sessions of local days `from`..`to`, grouped by person. */
export async function signedSessionsByPersonIndex(db: Kysely<Database>, from: string, to: string): Promise<RawBuilder<unknown>> {
  return sql.raw((await coversMostOfHistory(db, from, to)) ? 'sessions_people' : 'sessions_period');
}
