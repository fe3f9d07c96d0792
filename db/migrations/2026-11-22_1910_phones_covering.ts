// Found by the benchmark (issue 7): every page of search results and every patient record reads
// the people's phones by patient, and the index on (patient_id, position) sent each lookup on to a
// row of patient_phones, another page to read, decrypt and check at a million patients (about 1 ms
// of a 20-row page of results). The index now holds the number and the WhatsApp flag too, so the
// lookups never leave it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX patient_phones_by_patient ON patient_phones (patient_id, position, number, whatsapp)`.execute(db);
  await sql`DROP INDEX patient_phones_patient`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX patient_phones_patient ON patient_phones (patient_id, position)`.execute(db);
  await sql`DROP INDEX patient_phones_by_patient`.execute(db);
}
