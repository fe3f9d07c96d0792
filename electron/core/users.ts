// Staff accounts, managed by administrators.
import type { ActiveSession, CreateUserInput, EndSessionsInput, ListSessionsInput, ResetPasswordInput, UpdateUserInput, User } from '../api/users';
import { appendAudit } from './audit';
import { isoNow, type Actor, type Db, type ServiceContext } from './context';
import { conflict, invalidField, notFound } from './errors';
import { passwordProblem } from './password-policy';
import { hashPassword } from './passwords';
import { endSessionsOf, toUser } from './user-rows';

export async function listUsers(ctx: ServiceContext, input: { includeInactive?: boolean }): Promise<{ users: User[] }> {
  let query = ctx.db.selectFrom('users').selectAll().orderBy('active', 'desc').orderBy('display_name');
  if (!input.includeInactive) query = query.where('active', '=', 1);
  return { users: (await query.execute()).map(toUser) };
}

/** Creates a user; `actor` is null only when the command line creates the first admin at init. */
export async function createUser(ctx: ServiceContext, actor: Actor | null, input: CreateUserInput, origin?: string | null): Promise<{ user: User }> {
  const problem = passwordProblem(input.password, { username: input.username });
  if (problem) throw invalidField('password', problem);
  const passwordHash = await hashPassword(input.password);
  const user = await ctx.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw conflict(`Ya existe un usuario "${input.username}". Elija otro nombre de usuario.`);
    const at = isoNow(ctx);
    const row = await trx
      .insertInto('users')
      .values({ username: input.username, display_name: input.displayName, role: input.role, password_hash: passwordHash, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, {
      action: 'users.create',
      actor,
      actorUsername: actor ? undefined : (origin ?? 'cli'),
      origin,
      targetType: 'user',
      targetId: row.id,
      details: { username: row.username, role: row.role, displayName: row.display_name },
    });
    return row;
  });
  return { user: toUser(user) };
}

async function activeAdminCount(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('active', '=', 1).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateUser(ctx: ServiceContext, actor: Actor, input: UpdateUserInput, origin?: string | null): Promise<{ user: User }> {
  const user = await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').selectAll().where('id', '=', input.userId).executeTakeFirst();
    if (!before) throw notFound('No existe ese usuario.');
    const after = {
      display_name: input.displayName ?? before.display_name,
      role: input.role ?? before.role,
      active: input.active === undefined ? before.active : input.active ? 1 : 0,
    };
    const losesAdmin = before.role === 'admin' && before.active === 1 && (after.role !== 'admin' || after.active !== 1);
    if (losesAdmin && (await activeAdminCount(trx)) <= 1) {
      throw conflict('No se puede quitar el rol ni desactivar al último administrador activo: cree otro administrador primero.');
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['display_name', 'role', 'active'] as const) {
      if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
    }
    if (Object.keys(changes).length === 0) return before;
    const at = isoNow(ctx);
    const row = await trx
      .updateTable('users')
      .set({ ...after, updated_at: at })
      .where('id', '=', input.userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    // A changed role or a deactivation takes effect now, not at the next login.
    const endReason = changes.active ? 'deactivated' : changes.role ? 'role_changed' : null;
    const sessionsEnded = endReason ? await endSessionsOf(trx, row.id, at, endReason) : 0;
    await appendAudit(ctx, trx, { action: 'users.update', actor, origin, targetType: 'user', targetId: row.id, details: { username: row.username, changes, sessionsEnded } });
    return row;
  });
  return { user: toUser(user) };
}

export async function resetPassword(ctx: ServiceContext, actor: Actor, input: ResetPasswordInput, origin?: string | null): Promise<{ ok: true }> {
  const target = await ctx.db.selectFrom('users').select(['id', 'username']).where('id', '=', input.userId).executeTakeFirst();
  if (!target) throw notFound('No existe ese usuario.');
  const problem = passwordProblem(input.newPassword, { username: target.username });
  if (problem) throw invalidField('newPassword', problem);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: 1, failed_logins: 0, lockouts: 0, locked_until: null, updated_at: at })
      .where('id', '=', target.id)
      .execute();
    const sessionsEnded = await endSessionsOf(trx, target.id, at, 'password_reset');
    await appendAudit(ctx, trx, { action: 'users.resetPassword', actor, origin, targetType: 'user', targetId: target.id, details: { username: target.username, sessionsEnded } });
  });
  return { ok: true };
}

/**
 * The sessions that still let someone in: not ended, before their absolute expiry and used within
 * their idle timeout. An expired session not yet noticed by authenticate() is not listed.
 */
export async function listActiveSessions(ctx: ServiceContext, actor: Actor, input: ListSessionsInput): Promise<{ sessions: ActiveSession[] }> {
  const now = ctx.clock.now();
  let query = ctx.db
    .selectFrom('auth_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.created_at', 's.last_seen_at', 's.expires_at', 's.idle_timeout_seconds', 's.origin', 'u.username', 'u.display_name', 'u.role'])
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', new Date(now).toISOString())
    .where('u.active', '=', 1)
    .orderBy('s.id', 'desc');
  if (input.userId !== undefined) query = query.where('s.user_id', '=', input.userId);
  const rows = await query.execute();
  const sessions = rows
    .map((row) => ({ row, idleExpiresMs: Date.parse(row.last_seen_at) + row.idle_timeout_seconds * 1000 }))
    .filter(({ idleExpiresMs }) => idleExpiresMs >= now)
    .map(({ row, idleExpiresMs }) => ({
      id: row.id,
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      idleExpiresAt: new Date(idleExpiresMs).toISOString(),
      expiresAt: row.expires_at,
      origin: row.origin,
      current: row.id === actor.sessionId,
    }));
  return { sessions };
}

/** Ends one session or every open session of a user, now; the admin's own current session is kept. */
export async function endSessions(ctx: ServiceContext, actor: Actor, input: EndSessionsInput, origin?: string | null): Promise<{ ended: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    if (input.sessionId !== undefined) {
      const session = await trx.selectFrom('auth_sessions as s').innerJoin('users as u', 'u.id', 's.user_id').select(['s.id', 's.user_id', 's.ended_at', 'u.username']).where('s.id', '=', input.sessionId).executeTakeFirst();
      if (!session || session.ended_at !== null) throw notFound('Esa sesión no existe o ya terminó.');
      if (session.id === actor.sessionId) throw conflict('Esta es su propia sesión: use «Cerrar sesión».');
      await trx.updateTable('auth_sessions').set({ ended_at: at, end_reason: 'ended_by_admin' }).where('id', '=', session.id).execute();
      await appendAudit(ctx, trx, { action: 'users.endSessions', actor, origin, targetType: 'session', targetId: session.id, details: { userId: session.user_id, username: session.username, ended: 1 } });
      return { ended: 1 };
    }
    const user = await trx.selectFrom('users').select(['id', 'username']).where('id', '=', input.userId!).executeTakeFirst();
    if (!user) throw notFound('No existe ese usuario.');
    const ended = await endSessionsOf(trx, user.id, at, 'ended_by_admin', actor.sessionId);
    await appendAudit(ctx, trx, { action: 'users.endSessions', actor, origin, targetType: 'user', targetId: user.id, details: { username: user.username, ended } });
    return { ended };
  });
}
