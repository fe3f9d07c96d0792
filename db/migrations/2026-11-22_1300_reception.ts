// Patients, their phones and change history, the name search index, clinicians' schedules
// and appointments. Frozen once landed: later changes go in a new migration file.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('patients')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('record_number', 'text', (c) => c.notNull().unique())
    .addColumn('given_names', 'text', (c) => c.notNull())
    .addColumn('family_names', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex IN ('F', 'M', 'I')`))
    .addColumn('gender_identity', 'text')
    .addColumn('date_of_birth', 'text')
    .addColumn('estimated_birth_year', 'integer')
    .addColumn('document_type', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('population_group', 'text', (c) => c.notNull())
    .addColumn('arrival_date', 'text')
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('neighbourhood', 'text')
    .addColumn('address', 'text')
    .addColumn('zone', 'text')
    .addColumn('insurance_regime', 'text', (c) => c.notNull())
    .addColumn('eps', 'text')
    .addColumn('sisben_group', 'text')
    .addColumn('pregnant', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disability', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ethnicity', 'text', (c) => c.notNull())
    .addColumn('lgbtiq', 'text', (c) => c.notNull())
    .addColumn('unaccompanied_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('referral_source', 'text', (c) => c.notNull())
    .addColumn('emergency_contact', 'text') // JSON {name, relationship, phone}
    .addColumn('guardian', 'text') // JSON {name, relationship, phone, documentType, documentNumber}
    .addColumn('consent_care_given', 'integer', (c) => c.notNull())
    .addColumn('consent_care_version', 'text', (c) => c.notNull())
    .addColumn('consent_care_at', 'text', (c) => c.notNull())
    .addColumn('consent_care_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('consent_data_given', 'integer', (c) => c.notNull())
    .addColumn('consent_data_version', 'text', (c) => c.notNull())
    .addColumn('consent_data_at', 'text', (c) => c.notNull())
    .addColumn('consent_data_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('merged_into_id', 'integer', (c) => c.references('patients.id'))
    .execute();
  await db.schema.createIndex('patients_document').on('patients').columns(['document_number']).execute();
  await db.schema.createIndex('patients_created').on('patients').columns(['created_at']).execute();

  await db.schema
    .createTable('patient_phones')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('whatsapp', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patient_phones_key').on('patient_phones').columns(['search_key']).execute();
  await db.schema.createIndex('patient_phones_patient').on('patient_phones').columns(['patient_id', 'position']).execute();

  await db.schema
    .createTable('patient_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text') // JSON
    .addColumn('new_value', 'text') // JSON
    .execute();
  await db.schema.createIndex('patient_history_patient').on('patient_history').columns(['patient_id', 'id']).execute();
  await sql`CREATE TRIGGER patient_history_no_update BEFORE UPDATE ON patient_history
    BEGIN SELECT RAISE(ABORT, 'patient_history is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER patient_history_no_delete BEFORE DELETE ON patient_history
    BEGIN SELECT RAISE(ABORT, 'patient_history is append-only'); END`.execute(db);
  // Nothing clinical or demographic is ever deleted (Resolución 1995 de 1999, 839 de 2017).
  await sql`CREATE TRIGGER patients_no_delete BEFORE DELETE ON patients
    BEGIN SELECT RAISE(ABORT, 'patients are never deleted'); END`.execute(db);

  await db.schema
    .createTable('record_sequences')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  // Name search: normalised name tokens and their Spanish phonetic keys (rowid = patient id).
  await sql`CREATE VIRTUAL TABLE patient_search USING fts5(
    names, phon, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3'
  )`.execute(db);
  // The dictionary of distinct name spellings (kind 's') and phonetic keys (kind 'p') with their
  // one-deletion variants: typo tolerance (SymSpell, distance 1) costs a lookup in a table of
  // distinct words, not a scan of patients.
  await sql`CREATE TABLE name_variants (
    kind TEXT NOT NULL CHECK (kind IN ('s', 'p')), variant TEXT NOT NULL, term TEXT NOT NULL,
    PRIMARY KEY (kind, variant, term)
  ) WITHOUT ROWID`.execute(db);

  await db.schema
    .createTable('clinician_services')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('clinician_services_pk', ['user_id', 'service'])
    .execute();
  await db.schema
    .createTable('clinician_hours')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday BETWEEN 1 AND 7`))
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('end', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clinician_hours_user').on('clinician_hours').columns(['user_id', 'weekday']).execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id'))
    .addColumn('clinician_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull()) // unit local time, YYYY-MM-DDTHH:MM
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('booked', 'checked_in', 'completed', 'cancelled', 'no_show')`))
    .addColumn('note', 'text')
    .addColumn('booked_at', 'text', (c) => c.notNull())
    .addColumn('booked_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('checked_in_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('cancelled_by', 'text')
    .addColumn('no_show_at', 'text')
    .addColumn('reschedule_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointments_clinician').on('appointments').columns(['clinician_id', 'starts_at']).execute();
  await db.schema.createIndex('appointments_patient').on('appointments').columns(['patient_id', 'starts_at']).execute();
  await db.schema.createIndex('appointments_day').on('appointments').columns(['starts_at']).execute();
  await sql`CREATE TRIGGER appointments_no_delete BEFORE DELETE ON appointments
    BEGIN SELECT RAISE(ABORT, 'appointments are never deleted'); END`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: clinical data is never dropped.');
}
