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

export interface Database {
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type AuthSessionRow = Selectable<AuthSessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
