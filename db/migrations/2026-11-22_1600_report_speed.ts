// Found by the benchmark (issue 7): the reports joined every person reached to the wide, encrypted
// patients rows (~500 bytes each, so every page read was decrypted for a few columns). This narrow
// index carries exactly what the reports classify people by, so the join reads it alone. SQLite
// prefers the rowid for `id = ?`, so the report queries name it (INDEXED BY).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX patients_report ON patients (id, merged_into_id, sex, date_of_birth, estimated_birth_year, nationality, population_group, created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX patients_report`.execute(db);
}
