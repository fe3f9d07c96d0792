// Found by the benchmark (issue 7): signed sessions by date carrying every column the reports filter
// and group by, so that a year's report reads this index alone and never the session rows (each row
// read from an encrypted page costs a decryption; a year's monthly report took 86 s on 300,000 sessions).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX sessions_period ON sessions (status, starts_at, format, service, modality, patient_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX sessions_period`.execute(db);
}
