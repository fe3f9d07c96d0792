// What every service receives: the database, a clock and the unit's settings.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { RawDatabase } from '../../db/connection';
import type { Role } from '../api/procedure';
import type { ReadOnlyRunner } from './jobs/runner';
import type { BackupService } from './backup-service';

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export interface SecuritySettings {
  /** Idle lock: a session unused this long ends (default 15 minutes). */
  idleTimeoutSeconds: number;
  /** Absolute expiry of a session, however active (default 12 hours: one shift). */
  absoluteTimeoutSeconds: number;
  /** Consecutive failed logins that lock an account. */
  maxFailedLogins: number;
  /** First lockout; each further lockout doubles it, up to lockoutMaxSeconds. */
  lockoutBaseSeconds: number;
  lockoutMaxSeconds: number;
}

export const defaultSecuritySettings: SecuritySettings = {
  idleTimeoutSeconds: 15 * 60,
  absoluteTimeoutSeconds: 12 * 60 * 60,
  maxFailedLogins: 5,
  lockoutBaseSeconds: 60,
  lockoutMaxSeconds: 60 * 60,
};

export interface ServiceContext {
  db: Kysely<Database>;
  /** The connection under `db`, for bulk inserts with prepared statements (demo data); absent on read-only contexts. */
  raw?: RawDatabase;
  clock: Clock;
  security: SecuritySettings;
  /** Read-only work (statistics, exports) off the main thread; absent, it runs on `db`. */
  readOnly?: ReadOnlyRunner;
  /** Backups of the data dir: present only in the process that owns the database file. */
  backups?: BackupService;
}

export type Db = Kysely<Database> | Transaction<Database>;

/** The signed-in staff member on whose behalf a service runs. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  sessionId: number;
  mustChangePassword: boolean;
}

/** Where a call came from, for the audit log ("http 192.168.1.23", "ipc"). */
export interface CallMeta {
  token?: string | null;
  origin?: string | null;
}

export function isoNow(ctx: { clock: Clock }): string {
  return new Date(ctx.clock.now()).toISOString();
}
