// Sessions (drafts, signed, amendments), instrument scores, diagnoses, referrals, risk alerts and
// community activities. Signed content can never change: triggers refuse it, whatever the SQL.
// Frozen once landed: later changes go in a new migration file.
import { sql, type Kysely } from 'kysely';

const appendOnly = async (db: Kysely<any>, table: string) => {
  await sql.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`).execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`).execute(db);
};
const neverDeleted = (db: Kysely<any>, table: string) =>
  sql.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} rows are never deleted'); END`).execute(db);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id'))
    .addColumn('clinician_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('appointment_id', 'integer', (c) => c.references('appointments.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('visit_kind', 'text', (c) => c.notNull())
    .addColumn('modality', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('interventions', 'text', (c) => c.notNull()) // JSON array
    .addColumn('presenting_concerns', 'text')
    .addColumn('risk', 'text', (c) => c.notNull()) // JSON
    .addColumn('instruments', 'text', (c) => c.notNull()) // JSON: scored results
    .addColumn('diagnoses', 'text', (c) => c.notNull()) // JSON
    .addColumn('note', 'text')
    .addColumn('plan', 'text')
    .addColumn('draft_referrals', 'text', (c) => c.notNull()) // JSON; rows in referrals once signed
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('draft', 'signed')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text')
    .addColumn('signature_hash', 'text')
    .execute();
  await db.schema.createIndex('sessions_patient').on('sessions').columns(['patient_id', 'starts_at']).execute();
  await db.schema.createIndex('sessions_clinician').on('sessions').columns(['clinician_id', 'status']).execute();
  await db.schema.createIndex('sessions_day').on('sessions').columns(['starts_at']).execute();
  await sql`CREATE TRIGGER sessions_signed_locked BEFORE UPDATE ON sessions WHEN OLD.status = 'signed'
    BEGIN SELECT RAISE(ABORT, 'a signed session is never changed: add an amendment'); END`.execute(db);
  await neverDeleted(db, 'sessions');

  await db.schema
    .createTable('session_amendments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_amendments_session').on('session_amendments').columns(['session_id']).execute();
  await appendOnly(db, 'session_amendments');
  await sql`CREATE TRIGGER session_amendments_signed_only BEFORE INSERT ON session_amendments
    WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IS NOT 'signed'
    BEGIN SELECT RAISE(ABORT, 'only a signed session is amended'); END`.execute(db);

  // Written once, at signing: what statistics and charts read.
  await db.schema
    .createTable('session_scores')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('total', 'integer')
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_scores_patient').on('session_scores').columns(['patient_id', 'instrument', 'at']).execute();
  await appendOnly(db, 'session_scores');
  await db.schema
    .createTable('session_diagnoses')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_diagnoses_patient').on('session_diagnoses').columns(['patient_id']).execute();
  await db.schema.createIndex('session_diagnoses_at').on('session_diagnoses').columns(['at']).execute();
  await appendOnly(db, 'session_diagnoses');

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('service', 'text')
    .addColumn('organisation', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('sent', 'accepted', 'attended')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('status_updated_at', 'text')
    .addColumn('status_updated_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('referrals_session').on('referrals').columns(['session_id', 'position']).execute();
  await db.schema.createIndex('referrals_patient').on('referrals').columns(['patient_id']).execute();
  // Only the follow-up of a referral changes; what was referred, where and why, never.
  await sql`CREATE TRIGGER referrals_content_locked BEFORE UPDATE ON referrals
    WHEN NEW.session_id IS NOT OLD.session_id OR NEW.patient_id IS NOT OLD.patient_id OR NEW.kind IS NOT OLD.kind
      OR NEW.service IS NOT OLD.service OR NEW.organisation IS NOT OLD.organisation OR NEW.reason IS NOT OLD.reason
      OR NEW.created_at IS NOT OLD.created_at OR NEW.position IS NOT OLD.position
    BEGIN SELECT RAISE(ABORT, 'only the status of a referral changes'); END`.execute(db);
  await neverDeleted(db, 'referrals');

  await db.schema
    .createTable('risk_alerts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id'))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('raised_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id'))
    .addColumn('acknowledgement_note', 'text')
    .addUniqueConstraint('risk_alerts_once', ['session_id', 'source'])
    .execute();
  await db.schema.createIndex('risk_alerts_open').on('risk_alerts').columns(['acknowledged_at', 'raised_at']).execute();
  await db.schema.createIndex('risk_alerts_patient').on('risk_alerts').columns(['patient_id']).execute();
  await sql`CREATE TRIGGER risk_alerts_ack_once BEFORE UPDATE ON risk_alerts
    WHEN OLD.acknowledged_at IS NOT NULL OR NEW.patient_id IS NOT OLD.patient_id OR NEW.session_id IS NOT OLD.session_id
      OR NEW.source IS NOT OLD.source OR NEW.raised_at IS NOT OLD.raised_at OR NEW.raised_by IS NOT OLD.raised_by
    BEGIN SELECT RAISE(ABORT, 'a risk alert is only acknowledged, once'); END`.execute(db);
  await neverDeleted(db, 'risk_alerts');

  await db.schema
    .createTable('activities')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer')
    .addColumn('facilitator_ids', 'text', (c) => c.notNull()) // JSON
    .addColumn('other_facilitators', 'text')
    .addColumn('attendance', 'text', (c) => c.notNull()) // JSON [{sex, ageBand, populationGroup, count}]
    .addColumn('total_attendance', 'integer', (c) => c.notNull())
    .addColumn('patient_ids', 'text', (c) => c.notNull()) // JSON
    .addColumn('notes', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activities_date').on('activities').columns(['date']).execute();
  await neverDeleted(db, 'activities');
  await db.schema
    .createTable('activity_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('previous', 'text', (c) => c.notNull()) // JSON of the row before the change
    .execute();
  await appendOnly(db, 'activity_history');
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: clinical data is never dropped.');
}
