// Found by the benchmark (issue 7): the duplicate check looks up everyone born the same day, the
// strongest sign of one person registered twice under differently typed names.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX patients_birth ON patients (date_of_birth) WHERE date_of_birth IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX patients_birth`.execute(db);
}
