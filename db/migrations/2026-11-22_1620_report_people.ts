// Found by the benchmark (issue 7): a report over most of the history grouped every signed session
// by person in a temporary B-tree (SQLite's sorter), the larger part of its time. Read in this
// order, the sessions of each person come together and GROUP BY patient_id streams without sorting.
// The reports name it (INDEXED BY) only when the period covers most of the history; a short period
// still reads the date-ordered index sessions_period.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX sessions_people ON sessions (status, patient_id, format, starts_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX sessions_people`.execute(db);
}
