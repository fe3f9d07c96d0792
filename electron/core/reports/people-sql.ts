// The person classifications of period.ts ageAt, in SQL, so that a report counts people with GROUP BY
// and hands JavaScript a few hundred cells instead of a row per person (ages are banded in JavaScript).
import { sql, type RawBuilder } from 'kysely';

/** The narrow index of migration 2026-11-22_1600 holding the columns reports classify people by. */
export const PATIENTS_REPORT = sql.raw('patients_report');

/** ageAt(date_of_birth, estimated_birth_year, date of `on`): whole years, NULL when neither is known. */
export function ageSql(person: string, on: RawBuilder<unknown>): RawBuilder<number | null> {
  const dob = sql.ref(`${person}.date_of_birth`);
  const est = sql.ref(`${person}.estimated_birth_year`);
  const year = sql`CAST(substr(${on}, 1, 4) AS INTEGER)`;
  return sql<number | null>`(CASE
    WHEN ${dob} IS NOT NULL THEN ${year} - CAST(substr(${dob}, 1, 4) AS INTEGER) - (substr(${on}, 6, 5) < substr(${dob}, 6, 5))
    WHEN ${est} IS NOT NULL THEN ${year} - ${est}
    END)`;
}

/**
 * Every record involved in a merge (merged, or the target of one) with the person it counts under:
 * the body of a CTE `m (id, person)`. Merges are rare, so the reports regroup these records on their
 * own and take every other record as a person already.
 */
export const MERGED_RECORDS = sql`
  SELECT p.id, COALESCE(p.merged_into_id, p.id) FROM patients AS p INDEXED BY patients_report
  WHERE p.id IN (SELECT id FROM patients INDEXED BY patients_merged_into WHERE merged_into_id IS NOT NULL
    UNION SELECT merged_into_id FROM patients INDEXED BY patients_merged_into WHERE merged_into_id IS NOT NULL)`;
