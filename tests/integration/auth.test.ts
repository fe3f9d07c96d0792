import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenHash } from '../../electron/core/tokens';
import { createTestUnit, TEST_PASSWORD, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
beforeEach(async () => {
  unit = await createTestUnit({ security: { idleTimeoutSeconds: 900, absoluteTimeoutSeconds: 8 * 3600, maxFailedLogins: 3, lockoutBaseSeconds: 60, lockoutMaxSeconds: 600 } });
  await unit.addUser('recepcion1', 'reception');
});
afterEach(() => unit.cleanup());

const actions = async () => (await unit.store.db.selectFrom('audit_log').select(['action', 'outcome', 'details']).orderBy('id').execute()).map((r) => `${r.action}:${r.outcome}`);

describe('auth.login', () => {
  it('answers a 256-bit token stored only as a hash, the user and the session limits', async () => {
    const result = await unit.call('auth.login', { username: 'Recepcion1 ', password: TEST_PASSWORD });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { token: string; user: { username: string; role: string }; session: { idleTimeoutSeconds: number; expiresAt: string } };
    expect(Buffer.from(value.token, 'base64url')).toHaveLength(32);
    expect(value.user).toMatchObject({ username: 'recepcion1', role: 'reception' });
    expect(value.session.idleTimeoutSeconds).toBe(900);
    expect(Date.parse(value.session.expiresAt) - unit.clock.now()).toBe(8 * 3600 * 1000);
    const stored = await unit.store.db.selectFrom('auth_sessions').select('token_hash').execute();
    expect(stored).toEqual([{ token_hash: tokenHash(value.token) }]);
    expect(JSON.stringify(stored)).not.toContain(value.token);
    expect(await actions()).toContain('auth.login:success');
  });

  it('gives the same Spanish message for a wrong password and an unknown user, and audits both', async () => {
    const wrong = await unit.call('auth.login', { username: 'recepcion1', password: 'no es esta' });
    const unknown = await unit.call('auth.login', { username: 'nadie', password: 'no es esta' });
    for (const result of [wrong, unknown]) {
      expect(result).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'Usuario o contraseña incorrectos.' } });
    }
    const rows = await unit.store.db.selectFrom('audit_log').select(['action', 'outcome', 'actor_username', 'details']).where('action', '=', 'auth.login').execute();
    expect(rows.map((r) => [r.actor_username, r.outcome, JSON.parse(r.details).reason])).toEqual([
      ['recepcion1', 'failure', 'wrong_password'],
      ['nadie', 'failure', 'unknown_user'],
    ]);
  });

  it('locks the account after repeated failures, with a back-off that doubles', async () => {
    const fail = () => unit.call('auth.login', { username: 'recepcion1', password: 'equivocada' });
    for (let i = 0; i < 3; i++) await fail();
    const locked = await unit.call('auth.login', { username: 'recepcion1', password: TEST_PASSWORD });
    expect(locked.ok).toBe(false);
    if (locked.ok) return;
    expect(locked.error.code).toBe('rate_limited');
    expect(locked.error.retryAfterSeconds).toBe(60);
    expect(locked.error.message).toMatch(/bloqueada/);

    unit.clock.advance(61);
    for (let i = 0; i < 3; i++) await fail();
    const second = await unit.call('auth.login', { username: 'recepcion1', password: TEST_PASSWORD });
    expect(!second.ok && second.error.retryAfterSeconds).toBe(120);

    unit.clock.advance(121);
    expect((await unit.call('auth.login', { username: 'recepcion1', password: TEST_PASSWORD })).ok).toBe(true);
    const user = await unit.store.db.selectFrom('users').selectAll().where('username', '=', 'recepcion1').executeTakeFirstOrThrow();
    expect([user.failed_logins, user.lockouts, user.locked_until]).toEqual([0, 0, null]);
    expect((await actions()).filter((a) => a === 'auth.lockout:denied')).toHaveLength(2);
  });

  it('refuses a deactivated account', async () => {
    const adminToken = await unit.login('admin');
    const id = (await unit.store.db.selectFrom('users').select('id').where('username', '=', 'recepcion1').executeTakeFirstOrThrow()).id;
    expect((await unit.call('users.update', { userId: id, active: false }, adminToken)).ok).toBe(true);
    const result = await unit.call('auth.login', { username: 'recepcion1', password: TEST_PASSWORD });
    expect(!result.ok && result.error.code).toBe('unauthenticated');
  });
});

describe('sessions', () => {
  it('end after the idle timeout, audited, and stay ended', async () => {
    const token = await unit.login('recepcion1');
    unit.clock.advance(600);
    expect((await unit.call('auth.me', {}, token)).ok).toBe(true);
    unit.clock.advance(899); // activity at 600 s renewed the idle window
    expect((await unit.call('auth.me', {}, token)).ok).toBe(true);
    unit.clock.advance(901);
    const expired = await unit.call('auth.me', {}, token);
    expect(expired).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'La sesión se cerró por inactividad. Inicie sesión de nuevo.' } });
    unit.clock.advance(-901);
    expect((await unit.call('auth.me', {}, token)).ok).toBe(false);
    const row = await unit.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.session_expired').executeTakeFirstOrThrow();
    expect(JSON.parse(row.details)).toEqual({ reason: 'expired_idle' });
  });

  it('end at the absolute expiry however active', async () => {
    const token = await unit.login('recepcion1');
    for (let t = 0; t < 8 * 3600 - 600; t += 600) {
      unit.clock.advance(600);
      expect((await unit.call('auth.me', {}, token)).ok).toBe(true);
    }
    unit.clock.advance(600);
    expect((await unit.call('auth.me', {}, token)).ok).toBe(false);
    const ended = await unit.store.db.selectFrom('auth_sessions').select('end_reason').executeTakeFirstOrThrow();
    expect(ended.end_reason).toBe('expired_absolute');
  });

  it('end at logout', async () => {
    const token = await unit.login('recepcion1');
    expect(await unit.call('auth.logout', {}, token)).toEqual({ ok: true, value: { ok: true } });
    expect((await unit.call('auth.me', {}, token)).ok).toBe(false);
    expect(await actions()).toContain('auth.logout:success');
  });

  it('refuse a made-up or malformed token', async () => {
    for (const token of ['x'.repeat(43), '', null]) {
      const result = await unit.call('auth.me', {}, token);
      expect(!result.ok && result.error.code).toBe('unauthenticated');
    }
  });
});

describe('auth.changePassword', () => {
  it('checks the current password, refuses common passwords, and ends the other sessions', async () => {
    const first = await unit.login('recepcion1');
    const second = await unit.login('recepcion1');
    const wrong = await unit.call('auth.changePassword', { currentPassword: 'otra', newPassword: 'un río que suena piedras trae' }, first);
    expect(!wrong.ok && wrong.error.issues).toEqual([{ path: 'currentPassword', message: 'La contraseña actual no es correcta' }]);
    for (const common of ['password1', 'contraseña123', 'Colombia123', 'iloveyou']) {
      const result = await unit.call('auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: common }, first);
      expect(!result.ok && result.error.issues?.[0]?.path).toBe('newPassword');
    }
    const short = await unit.call('auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'corta' }, first);
    expect(!short.ok && short.error.issues?.[0]).toEqual({ path: 'newPassword', message: 'La contraseña debe tener al menos 8 caracteres' });
    const long = 'ñ'.repeat(64) + ' frase muy larga permitida';
    expect((await unit.call('auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: long }, first)).ok).toBe(true);
    expect((await unit.call('auth.me', {}, first)).ok).toBe(true);
    expect((await unit.call('auth.me', {}, second)).ok).toBe(false);
    expect((await unit.call('auth.login', { username: 'recepcion1', password: long })).ok).toBe(true);
  });

  it('is required after an admin reset before anything else answers', async () => {
    const adminToken = await unit.login('admin');
    const id = await unit.addUser('admin2', 'admin');
    const before = await unit.login('admin2');
    expect((await unit.call('users.resetPassword', { userId: id, newPassword: 'temporal de bienvenida 1' }, adminToken)).ok).toBe(true);
    expect((await unit.call('auth.me', {}, before)).ok).toBe(false);
    const login = await unit.call('auth.login', { username: 'admin2', password: 'temporal de bienvenida 1' });
    expect(login.ok && (login.value as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
    const token = (login as { value: { token: string } }).value.token;
    expect((await unit.call('auth.me', {}, token)).ok).toBe(true);
    const blocked = await unit.call('users.list', {}, token);
    expect(blocked).toEqual({ ok: false, error: { code: 'forbidden', message: 'Debe cambiar su contraseña temporal antes de continuar.' } });
    expect((await unit.call('auth.changePassword', { currentPassword: 'temporal de bienvenida 1', newPassword: 'mi propia frase secreta' }, token)).ok).toBe(true);
    const me = await unit.call('auth.me', {}, token);
    expect(me.ok && (me.value as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(false);
    expect((await unit.call('users.list', {}, token)).ok).toBe(true);
  });
});
