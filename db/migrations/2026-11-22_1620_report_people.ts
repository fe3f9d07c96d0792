// Found by the benchmark (issue 7): a report over most of the history grouped every signed session
// by person in a temporary B-tree (SQLite's sorter), the larger part of its time. Read in this
// order, the sessions of each person come together and GROUP BY patient_id streams without sorting.
// The reports name it (INDEXED BY) only when the period covers most of the history; a short period
// still reads the date-ordered index sessions_period.
// The dashboard read a wide appointment row per appointment of the period for its status, and a wide
// session row per score for the session's date: both now read narrow covering indexes, the scores in
// person order so that first and latest score per person stream without sorting.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX sessions_people ON sessions (status, patient_id, format, starts_at)`.execute(db);
  await sql`CREATE INDEX appointments_outcome ON appointments (status, starts_at, service)`.execute(db);
  await sql`CREATE INDEX session_scores_person ON session_scores (patient_id, instrument, at, id, total, session_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX session_scores_person`.execute(db);
  await sql`DROP INDEX appointments_outcome`.execute(db);
  await sql`DROP INDEX sessions_people`.execute(db);
}
