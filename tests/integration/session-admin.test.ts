// An admin sees who is signed in where (active sessions per user) and can end them; idle and
// absolute expiry take sessions off the list, all with a fake clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActiveSession } from '../../electron/api/users';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let adminToken: string;
let receptionId: number;

beforeEach(async () => {
  unit = await createTestUnit({ security: { idleTimeoutSeconds: 900, absoluteTimeoutSeconds: 8 * 3600 } });
  receptionId = await unit.addUser('recepcion1', 'reception');
  await unit.addUser('psicologa1', 'clinician');
  adminToken = await unit.login('admin');
});
afterEach(() => unit.cleanup());

async function sessions(input: Record<string, unknown> = {}): Promise<ActiveSession[]> {
  const result = await unit.call('users.sessions', input, adminToken);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { sessions: ActiveSession[] }).sessions;
}

describe('users.sessions', () => {
  it('lists the active sessions of everyone or of one user, with created, last seen, expiries and origin', async () => {
    await unit.login('recepcion1');
    unit.clock.advance(60);
    await unit.login('recepcion1');
    await unit.login('psicologa1');
    const all = await sessions();
    expect(all.map((s) => s.username)).toEqual(['psicologa1', 'recepcion1', 'recepcion1', 'admin']);
    expect(all.find((s) => s.username === 'admin')!.current).toBe(true);
    const mine = await sessions({ userId: receptionId });
    expect(mine).toHaveLength(2);
    const oldest = mine[1]!;
    expect(oldest).toMatchObject({ userId: receptionId, role: 'reception', displayName: 'Persona recepcion1', origin: 'test', current: false });
    expect(Date.parse(oldest.expiresAt) - Date.parse(oldest.createdAt)).toBe(8 * 3600 * 1000);
    expect(Date.parse(oldest.idleExpiresAt) - Date.parse(oldest.lastSeenAt)).toBe(900 * 1000);
  });

  it('drops idle and absolutely expired sessions from the list (fake clock)', async () => {
    const reception = await unit.login('recepcion1');
    unit.clock.advance(600);
    // The admin keeps working; the receptionist does not.
    expect((await unit.call('auth.me', {}, adminToken)).ok).toBe(true);
    unit.clock.advance(400);
    expect((await sessions()).map((s) => s.username)).toEqual(['admin']);
    expect((await unit.call('auth.me', {}, reception)).ok).toBe(false);
    // Absolute expiry, however active.
    for (let i = 0; i < 40; i++) {
      unit.clock.advance(800);
      await unit.call('auth.me', {}, adminToken);
    }
    expect((await unit.call('users.sessions', {}, adminToken)).ok).toBe(false);
  });

  it('is for admins only', async () => {
    const reception = await unit.login('recepcion1');
    const result = await unit.call('users.sessions', {}, reception);
    expect(result.ok ? null : result.error.code).toBe('forbidden');
  });
});

describe('users.endSessions', () => {
  it('ends every session of a user at once, audited; their tokens stop working', async () => {
    const a = await unit.login('recepcion1');
    const b = await unit.login('recepcion1');
    const result = await unit.call('users.endSessions', { userId: receptionId }, adminToken);
    expect(result).toEqual({ ok: true, value: { ended: 2 } });
    for (const token of [a, b]) expect((await unit.call('auth.me', {}, token)).ok).toBe(false);
    expect(await sessions({ userId: receptionId })).toEqual([]);
    const audit = await unit.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'users.endSessions').execute();
    expect(audit.map((r) => [r.target_type, r.target_id, JSON.parse(r.details).ended])).toEqual([['user', String(receptionId), 2]]);
    const ended = await unit.store.db.selectFrom('auth_sessions').select('end_reason').where('user_id', '=', receptionId).execute();
    expect(ended.map((r) => r.end_reason)).toEqual(['ended_by_admin', 'ended_by_admin']);
  });

  it('ends one session and leaves the others', async () => {
    const a = await unit.login('recepcion1');
    const b = await unit.login('recepcion1');
    const target = (await sessions({ userId: receptionId }))[0]!;
    expect(await unit.call('users.endSessions', { sessionId: target.id }, adminToken)).toEqual({ ok: true, value: { ended: 1 } });
    expect((await unit.call('auth.me', {}, b)).ok).toBe(false);
    expect((await unit.call('auth.me', {}, a)).ok).toBe(true);
    const again = await unit.call('users.endSessions', { sessionId: target.id }, adminToken);
    expect(again.ok ? null : again.error.code).toBe('not_found');
  });

  it("keeps the admin's own current session, and asks for exactly one of userId or sessionId", async () => {
    const adminId = (await sessions())[0]!.userId;
    const other = await unit.login('admin');
    expect(await unit.call('users.endSessions', { userId: adminId }, adminToken)).toEqual({ ok: true, value: { ended: 1 } });
    expect((await unit.call('auth.me', {}, other)).ok).toBe(false);
    expect((await unit.call('auth.me', {}, adminToken)).ok).toBe(true);
    const own = await unit.call('users.endSessions', { sessionId: (await sessions())[0]!.id }, adminToken);
    expect(own.ok ? null : own.error.code).toBe('conflict');
    for (const input of [{}, { userId: adminId, sessionId: 1 }]) {
      const bad = await unit.call('users.endSessions', input, adminToken);
      expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
    }
    const missing = await unit.call('users.endSessions', { userId: 9999 }, adminToken);
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
  });
});
