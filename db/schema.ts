// The Kysely view of the database. Table interfaces live only inside `Database`.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: 'reception' | 'clinician' | 'admin';
  active: Generated<number>;
  password_hash: string;
  must_change_password: Generated<number>;
  failed_logins: Generated<number>;
  lockouts: Generated<number>;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface AuthSessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  idle_timeout_seconds: number;
  ended_at: string | null;
  end_reason: string | null;
  origin: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_username: string | null;
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  target_type: string | null;
  target_id: string | null;
  patient_id: number | null;
  details: string;
  origin: string | null;
  prev_hash: string;
  hash: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface PatientsTable {
  id: Generated<number>;
  record_number: string;
  given_names: string;
  family_names: string;
  sex: 'F' | 'M' | 'I';
  gender_identity: string | null;
  date_of_birth: string | null;
  estimated_birth_year: number | null;
  document_type: string;
  document_number: string | null;
  nationality: string;
  population_group: string;
  arrival_date: string | null;
  municipality_code: string;
  neighbourhood: string | null;
  address: string | null;
  zone: string | null;
  insurance_regime: string;
  eps: string | null;
  sisben_group: string | null;
  pregnant: number;
  disability: number;
  ethnicity: string;
  lgbtiq: string;
  unaccompanied_minor: number;
  referral_source: string;
  emergency_contact: string | null;
  guardian: string | null;
  consent_care_given: number;
  consent_care_version: string;
  consent_care_at: string;
  consent_care_by: number;
  consent_data_given: number;
  consent_data_version: string;
  consent_data_at: string;
  consent_data_by: number;
  created_at: string;
  created_by: number;
  updated_at: string;
  merged_into_id: number | null;
}

export interface PatientPhonesTable {
  id: Generated<number>;
  patient_id: number;
  position: number;
  number: string;
  search_key: string;
  whatsapp: number;
}

export interface PatientHistoryTable {
  id: Generated<number>;
  patient_id: number;
  at: string;
  user_id: number | null;
  field: string;
  old_value: string | null;
  new_value: string | null;
}

export interface RecordSequencesTable {
  year: number;
  last: number;
}

export interface PatientSearchTable {
  rowid: number;
  names: string;
  phon: string;
}

export interface NameVariantsTable {
  kind: 's' | 'p';
  variant: string;
  term: string;
}

export interface ClinicianServicesTable {
  user_id: number;
  service: string;
}

export interface ClinicianHoursTable {
  id: Generated<number>;
  user_id: number;
  weekday: number;
  start: string;
  end: string;
}

export interface AppointmentsTable {
  id: Generated<number>;
  patient_id: number;
  clinician_id: number;
  service: string;
  starts_at: string;
  ends_at: string;
  duration_minutes: number;
  status: 'booked' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';
  note: string | null;
  booked_at: string;
  booked_by: number;
  checked_in_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  cancelled_by: string | null;
  no_show_at: string | null;
  reschedule_count: Generated<number>;
  updated_at: string;
}

export interface SessionsTable {
  id: Generated<number>;
  patient_id: number;
  clinician_id: number;
  appointment_id: number | null;
  starts_at: string;
  duration_minutes: number;
  visit_kind: string;
  modality: string;
  format: string;
  service: string;
  interventions: string;
  presenting_concerns: string | null;
  risk: string;
  instruments: string;
  diagnoses: string;
  note: string | null;
  plan: string | null;
  draft_referrals: string;
  status: 'draft' | 'signed';
  created_at: string;
  updated_at: string;
  signed_at: string | null;
  signature_hash: string | null;
}

export interface SessionAmendmentsTable {
  id: Generated<number>;
  session_id: number;
  author_id: number;
  at: string;
  reason: string;
  text: string;
}

export interface SessionScoresTable {
  id: Generated<number>;
  session_id: number;
  patient_id: number;
  instrument: string;
  total: number | null;
  band: string;
  at: string;
}

export interface SessionDiagnosesTable {
  id: Generated<number>;
  session_id: number;
  patient_id: number;
  code: string;
  is_primary: number;
  at: string;
}

export interface ReferralsTable {
  id: Generated<number>;
  session_id: number;
  patient_id: number;
  position: number;
  kind: string;
  service: string | null;
  organisation: string | null;
  reason: string;
  status: 'sent' | 'accepted' | 'attended';
  created_at: string;
  status_updated_at: string | null;
  status_updated_by: number | null;
}

export interface RiskAlertsTable {
  id: Generated<number>;
  patient_id: number;
  session_id: number;
  source: 'phq9_item9' | 'cssrs';
  level: 'moderate' | 'high';
  raised_at: string;
  raised_by: number;
  acknowledged_at: string | null;
  acknowledged_by: number | null;
  acknowledgement_note: string | null;
}

export interface ActivitiesTable {
  id: Generated<number>;
  date: string;
  municipality_code: string;
  place: string;
  kind: string;
  topic: string;
  duration_minutes: number | null;
  facilitator_ids: string;
  other_facilitators: string | null;
  attendance: string;
  total_attendance: number;
  patient_ids: string;
  notes: string | null;
  recorded_by: number;
  recorded_at: string;
  updated_at: string;
}

export interface ActivityHistoryTable {
  id: Generated<number>;
  activity_id: number;
  at: string;
  user_id: number;
  previous: string;
}

/** Derived: people reached per month and classification (db/reach-cells.ts). */
export interface ReachCellsTable {
  format: string;
  month: string;
  /** The person's previous month with a signed session of the format; '' for none. */
  prev_month: string;
  sex: string;
  age_band: string;
  population_group: string;
  nationality: string;
  people: number;
  sessions: number;
}

export interface Database {
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  patients: PatientsTable;
  patient_phones: PatientPhonesTable;
  patient_history: PatientHistoryTable;
  record_sequences: RecordSequencesTable;
  patient_search: PatientSearchTable;
  name_variants: NameVariantsTable;
  clinician_services: ClinicianServicesTable;
  clinician_hours: ClinicianHoursTable;
  appointments: AppointmentsTable;
  sessions: SessionsTable;
  session_amendments: SessionAmendmentsTable;
  session_scores: SessionScoresTable;
  session_diagnoses: SessionDiagnosesTable;
  referrals: ReferralsTable;
  risk_alerts: RiskAlertsTable;
  activities: ActivitiesTable;
  activity_history: ActivityHistoryTable;
  reach_cells: ReachCellsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type AuthSessionRow = Selectable<AuthSessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type PatientRow = Selectable<PatientsTable>;
export type AppointmentRow = Selectable<AppointmentsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ActivityRow = Selectable<ActivitiesTable>;
