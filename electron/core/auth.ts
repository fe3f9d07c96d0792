// Sign-in, sessions (idle and absolute expiry), lockout with back-off, and one's own password.
import type { Kysely } from 'kysely';
import { prepared } from '../../db/prepared';
import type { Database } from '../../db/schema';
import type { ChangePasswordInput, LoginInput, LoginOutput } from '../api/auth';
import { appendAudit, recordAudit } from './audit';
import { isoNow, type Actor, type ServiceContext } from './context';
import { AppError, invalidField, unauthenticated } from './errors';
import { passwordProblem } from './password-policy';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { newToken, tokenHash } from './tokens';
import { endSessionsOf, toUser } from './user-rows';

const BAD_CREDENTIALS = 'Usuario o contraseña incorrectos.';
/** last_seen_at is written at most this often: a write per request would cost the LAN host for nothing. */
const TOUCH_EVERY_MS = 10_000;

function lockoutSeconds(ctx: ServiceContext, lockouts: number): number {
  const { lockoutBaseSeconds, lockoutMaxSeconds } = ctx.security;
  return Math.min(lockoutMaxSeconds, lockoutBaseSeconds * 2 ** Math.min(lockouts, 20));
}

function sessionInfo(ctx: ServiceContext, expiresAt: string) {
  return { idleTimeoutSeconds: ctx.security.idleTimeoutSeconds, expiresAt };
}

export async function login(ctx: ServiceContext, input: LoginInput, origin?: string | null): Promise<LoginOutput> {
  const now = ctx.clock.now();
  const user = await ctx.db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();

  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await recordAudit(ctx, { action: 'auth.login', outcome: 'failure', actorUsername: input.username, origin, details: { reason: 'unknown_user' } });
    throw new AppError('unauthenticated', BAD_CREDENTIALS);
  }

  if (user.locked_until && Date.parse(user.locked_until) > now) {
    const retryAfterSeconds = Math.ceil((Date.parse(user.locked_until) - now) / 1000);
    await recordAudit(ctx, { action: 'auth.login', outcome: 'denied', actor: { userId: user.id, username: user.username }, origin, details: { reason: 'locked' } });
    throw new AppError('rate_limited', `Cuenta bloqueada por intentos fallidos. Intente de nuevo en ${Math.ceil(retryAfterSeconds / 60)} min o pida a un administrador que restablezca la contraseña.`, undefined, retryAfterSeconds);
  }

  const passwordOk = await verifyPassword(user.password_hash, input.password);
  const actor = { userId: user.id, username: user.username };

  if (!passwordOk || user.active !== 1) {
    const reason = passwordOk ? 'inactive' : 'wrong_password';
    await ctx.db.transaction().execute(async (trx) => {
      const failed = user.failed_logins + 1;
      const locks = failed >= ctx.security.maxFailedLogins;
      const lockedUntil = locks ? new Date(now + lockoutSeconds(ctx, user.lockouts) * 1000).toISOString() : null;
      await trx
        .updateTable('users')
        .set({ failed_logins: locks ? 0 : failed, lockouts: locks ? user.lockouts + 1 : user.lockouts, locked_until: lockedUntil })
        .where('id', '=', user.id)
        .execute();
      await appendAudit(ctx, trx, { action: 'auth.login', outcome: 'failure', actor, origin, details: { reason, failedAttempts: failed } });
      if (locks) await appendAudit(ctx, trx, { action: 'auth.lockout', outcome: 'denied', actor, origin, targetType: 'user', targetId: user.id, details: { until: lockedUntil } });
    });
    throw new AppError('unauthenticated', BAD_CREDENTIALS);
  }

  const token = newToken();
  const at = new Date(now).toISOString();
  const expiresAt = new Date(now + ctx.security.absoluteTimeoutSeconds * 1000).toISOString();
  const fresh = await ctx.db.transaction().execute(async (trx) => {
    const session = await trx
      .insertInto('auth_sessions')
      .values({ token_hash: tokenHash(token), user_id: user.id, created_at: at, last_seen_at: at, expires_at: expiresAt, idle_timeout_seconds: ctx.security.idleTimeoutSeconds, origin: origin ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('users').set({ failed_logins: 0, lockouts: 0, locked_until: null, last_login_at: at }).where('id', '=', user.id).execute();
    await appendAudit(ctx, trx, { action: 'auth.login', actor, origin, targetType: 'session', targetId: session.id });
    return trx.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
  });
  return { token, user: toUser(fresh), session: sessionInfo(ctx, expiresAt) };
}

/** Every request runs it: compiled once (db/prepared.ts). */
const sessionByToken = prepared((db: Kysely<Database>, p: { hash: string }) =>
  db
    .selectFrom('auth_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as sessionId', 's.last_seen_at', 's.expires_at', 's.idle_timeout_seconds', 's.ended_at', 'u.id as userId', 'u.username', 'u.role', 'u.active', 'u.must_change_password'])
    .where('s.token_hash', '=', p.hash),
);
const touchSession = prepared((db: Kysely<Database>, p: { at: string; sessionId: number }) =>
  db.updateTable('auth_sessions').set({ last_seen_at: p.at }).where('id', '=', p.sessionId),
);

/**
 * Resolves a bearer token to the staff member, ending the session when it has been idle
 * too long or passed its absolute expiry (both audited).
 */
export async function authenticate(ctx: ServiceContext, token: string | null | undefined, origin?: string | null): Promise<Actor> {
  if (!token) throw unauthenticated('Inicie sesión para continuar.');
  const row = await sessionByToken.first(ctx.db, { hash: tokenHash(token) });
  if (!row || row.ended_at !== null) throw unauthenticated();

  const now = ctx.clock.now();
  const idleExpired = now - Date.parse(row.last_seen_at) > row.idle_timeout_seconds * 1000;
  const absoluteExpired = now >= Date.parse(row.expires_at);
  if (idleExpired || absoluteExpired || row.active !== 1) {
    const reason = row.active !== 1 ? 'deactivated' : absoluteExpired ? 'expired_absolute' : 'expired_idle';
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('auth_sessions').set({ ended_at: new Date(now).toISOString(), end_reason: reason }).where('id', '=', row.sessionId).execute();
      await appendAudit(ctx, trx, { action: 'auth.session_expired', outcome: 'denied', actor: { userId: row.userId, username: row.username }, origin, targetType: 'session', targetId: row.sessionId, details: { reason } });
    });
    throw unauthenticated(reason === 'expired_idle' ? 'La sesión se cerró por inactividad. Inicie sesión de nuevo.' : undefined);
  }

  if (now - Date.parse(row.last_seen_at) > Math.min(TOUCH_EVERY_MS, (row.idle_timeout_seconds * 1000) / 2)) {
    await touchSession.run(ctx.db, { at: new Date(now).toISOString(), sessionId: row.sessionId });
  }
  return { userId: row.userId, username: row.username, role: row.role, sessionId: row.sessionId, mustChangePassword: row.must_change_password === 1 };
}

export async function logout(ctx: ServiceContext, actor: Actor, origin?: string | null): Promise<{ ok: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('auth_sessions').set({ ended_at: isoNow(ctx), end_reason: 'logout' }).where('id', '=', actor.sessionId).execute();
    await appendAudit(ctx, trx, { action: 'auth.logout', actor, origin, targetType: 'session', targetId: actor.sessionId });
  });
  return { ok: true };
}

export async function me(ctx: ServiceContext, actor: Actor) {
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const session = await ctx.db.selectFrom('auth_sessions').select('expires_at').where('id', '=', actor.sessionId).executeTakeFirstOrThrow();
  return { user: toUser(user), session: sessionInfo(ctx, session.expires_at) };
}

export async function changePassword(ctx: ServiceContext, actor: Actor, input: ChangePasswordInput, origin?: string | null): Promise<{ ok: true }> {
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await recordAudit(ctx, { action: 'auth.changePassword', outcome: 'failure', actor, origin, targetType: 'user', targetId: actor.userId, details: { reason: 'wrong_current_password' } });
    throw invalidField('currentPassword', 'La contraseña actual no es correcta');
  }
  const problem = passwordProblem(input.newPassword, { username: user.username });
  if (problem) throw invalidField('newPassword', problem);
  if (input.newPassword === input.currentPassword) throw invalidField('newPassword', 'La nueva contraseña debe ser distinta de la actual');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: 0, updated_at: at }).where('id', '=', actor.userId).execute();
    const ended = await endSessionsOf(trx, actor.userId, at, 'password_changed', actor.sessionId);
    await appendAudit(ctx, trx, { action: 'auth.changePassword', actor, origin, targetType: 'user', targetId: actor.userId, details: { otherSessionsEnded: ended } });
  });
  return { ok: true };
}
