// The audit log: append-only (triggers refuse UPDATE/DELETE) and hash-chained row to row.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { prepared } from '../../db/prepared';
import type { AuditRow, Database } from '../../db/schema';
import type { AuditEntry, AuditListInput, AuditVerifyOutput } from '../api/audit';
import { isoNow, type Actor, type Db, type ServiceContext } from './context';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  actor?: Pick<Actor, 'userId' | 'username'> | null;
  /** For events without a signed-in actor (a failed login names the username tried). */
  actorUsername?: string | null;
  targetType?: string | null;
  targetId?: string | number | null;
  patientId?: number | null;
  details?: Record<string, unknown>;
  origin?: string | null;
}

type ChainFields = Omit<AuditRow, 'prev_hash' | 'hash'>;

/** JSON with sorted keys at every depth, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function rowHash(prevHash: string, row: ChainFields): string {
  const canonical = canonicalJson({
    id: row.id,
    at: row.at,
    actor_user_id: row.actor_user_id,
    actor_username: row.actor_username,
    action: row.action,
    outcome: row.outcome,
    target_type: row.target_type,
    target_id: row.target_id,
    patient_id: row.patient_id,
    details: row.details,
    origin: row.origin,
  });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

// Every audited read and write appends a row: both statements compiled once (db/prepared.ts).
const lastAuditRow = prepared((db: Kysely<Database>, _: Record<string, never>) => db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1));
const insertAuditRow = prepared((db: Kysely<Database>, p: AuditRow) =>
  db.insertInto('audit_log').values({
    id: p.id,
    at: p.at,
    actor_user_id: p.actor_user_id,
    actor_username: p.actor_username,
    action: p.action,
    outcome: p.outcome,
    target_type: p.target_type,
    target_id: p.target_id,
    patient_id: p.patient_id,
    details: p.details,
    origin: p.origin,
    prev_hash: p.prev_hash,
    hash: p.hash,
  }),
);

/** Appends one event. Call it inside the transaction of the change it records. */
export async function appendAudit(ctx: Pick<ServiceContext, 'clock'>, db: Db, event: AuditEvent): Promise<void> {
  const last = await lastAuditRow.first(db, {});
  const row: ChainFields = {
    id: (last?.id ?? 0) + 1,
    at: isoNow(ctx),
    actor_user_id: event.actor?.userId ?? null,
    actor_username: event.actor?.username ?? event.actorUsername ?? null,
    action: event.action,
    outcome: event.outcome ?? 'success',
    target_type: event.targetType ?? null,
    target_id: event.targetId === undefined || event.targetId === null ? null : String(event.targetId),
    patient_id: event.patientId ?? null,
    details: canonicalJson(event.details ?? {}),
    origin: event.origin ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await insertAuditRow.run(db, { ...row, prev_hash: prevHash, hash: rowHash(prevHash, row) });
}

/**
 * Records an event in its own transaction (for refusals, where nothing else is written).
 * BEGIN IMMEDIATE takes the write lock before reading the last hash: when another process writes
 * too (the CLI beside the host), a deferred transaction would fail to upgrade (SQLITE_BUSY)
 * instead of waiting its turn.
 */
export async function recordAudit(ctx: ServiceContext, event: AuditEvent): Promise<void> {
  await ctx.db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      await appendAudit(ctx, conn, event);
      await sql`COMMIT`.execute(conn);
    } catch (error) {
      await sql`ROLLBACK`.execute(conn);
      throw error;
    }
  });
}

function toEntry(row: AuditRow): AuditEntry {
  let details: Record<string, unknown> = {};
  try {
    details = JSON.parse(row.details) as Record<string, unknown>;
  } catch {
    details = { unparsable: row.details };
  }
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    action: row.action,
    outcome: row.outcome,
    targetType: row.target_type,
    targetId: row.target_id,
    patientId: row.patient_id,
    details,
    origin: row.origin,
  };
}

/** A date-only upper bound includes that whole day. */
function upperBound(to: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to;
}

export async function listAudit(ctx: ServiceContext, input: AuditListInput) {
  const limit = input.limit ?? 100;
  let query = ctx.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit + 1);
  if (input.userId !== undefined) query = query.where('actor_user_id', '=', input.userId);
  if (input.patientId !== undefined) query = query.where('patient_id', '=', input.patientId);
  if (input.action) query = query.where('action', '=', input.action);
  if (input.from) query = query.where('at', '>=', input.from);
  if (input.to) query = query.where('at', '<=', upperBound(input.to));
  if (input.beforeId !== undefined) query = query.where('id', '<', input.beforeId);
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  return { entries: page.map(toEntry), nextBeforeId: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/** Walks the whole chain in id order; the first row whose link or hash does not match is named. */
export async function checkAuditChain(db: Db): Promise<AuditVerifyOutput> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  const rows = db.selectFrom('audit_log').selectAll().orderBy('id', 'asc').stream(500);
  for await (const row of rows) {
    if (row.id !== expectedId) {
      return { ok: false, checked, firstBrokenId: row.id, reason: `falta la fila ${expectedId} (la siguiente es ${row.id})` };
    }
    if (row.prev_hash !== prevHash) {
      return { ok: false, checked, firstBrokenId: row.id, reason: 'el enlace con la fila anterior no coincide' };
    }
    if (rowHash(prevHash, row) !== row.hash) {
      return { ok: false, checked, firstBrokenId: row.id, reason: 'el contenido de la fila fue modificado' };
    }
    prevHash = row.hash;
    expectedId += 1;
    checked += 1;
  }
  return { ok: true, checked, firstBrokenId: null, reason: null };
}

/** Verifies the chain and records that it was verified, with the result. */
export async function verifyAudit(ctx: ServiceContext, actor: Actor | null, origin?: string | null): Promise<AuditVerifyOutput> {
  const result = await checkAuditChain(ctx.db);
  await recordAudit(ctx, {
    action: 'audit.verify',
    outcome: result.ok ? 'success' : 'failure',
    actor,
    origin,
    details: { checked: result.checked, firstBrokenId: result.firstBrokenId },
  });
  return result;
}
