// Found by the benchmark (issue 7): the records merged into a person, for the first-session query of
// the dashboard (partial: almost no record is merged).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX patients_merged_into ON patients (merged_into_id) WHERE merged_into_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX patients_merged_into`.execute(db);
}
