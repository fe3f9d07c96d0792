import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestUnit, dataDigest, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let admin: string;
beforeEach(async () => {
  unit = await createTestUnit();
  admin = await unit.login('admin');
});
afterEach(() => unit.cleanup());

type UserValue = { user: { id: number; username: string; role: string; active: boolean } };

describe('users', () => {
  it('creates staff with unique usernames and audits the creation', async () => {
    const created = await unit.call('users.create', { username: 'Maria.Lopez', displayName: 'María López', role: 'clinician', password: 'la casa de la colina' }, admin);
    expect(created.ok).toBe(true);
    expect((created as { value: UserValue }).value.user).toMatchObject({ username: 'maria.lopez', role: 'clinician', active: true });
    const again = await unit.call('users.create', { username: 'maria.lopez', displayName: 'Otra', role: 'reception', password: 'otra frase distinta' }, admin);
    expect(!again.ok && again.error.code).toBe('conflict');
    const audit = await unit.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'users.create').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.actor_username).toBe('admin');
    expect(JSON.parse(audit.details)).toMatchObject({ username: 'maria.lopez', role: 'clinician' });
  });

  it('names the field of every bad input and writes nothing', async () => {
    const before = await dataDigest(unit.store);
    const cases: [Record<string, unknown>, string][] = [
      [{ username: 'ab', displayName: 'X', role: 'clinician', password: 'frase larga valida' }, 'username'],
      [{ username: 'con espacio', displayName: 'X', role: 'clinician', password: 'frase larga valida' }, 'username'],
      [{ username: 'valido', displayName: '  ', role: 'clinician', password: 'frase larga valida' }, 'displayName'],
      [{ username: 'valido', displayName: 'X', role: 'doctor', password: 'frase larga valida' }, 'role'],
      [{ username: 'valido', displayName: 'X', role: 'clinician', password: 'corta' }, 'password'],
      [{ username: 'valido', displayName: 'X', role: 'clinician', password: 'qwertyuiop' }, 'password'],
      [{ username: 'valido', displayName: 'X', role: 'clinician', password: 'frase larga valida', extra: 1 }, '(entrada)'],
      [{ username: 'valido', displayName: 'X', role: 'clinician' }, 'password'],
    ];
    for (const [input, field] of cases) {
      const result = await unit.call('users.create', input, admin);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.issues?.map((i) => i.path)).toContain(field);
    }
    expect(await dataDigest(unit.store)).toEqual(before);
  });

  it('never deactivates or demotes the last active admin', async () => {
    const adminId = (await unit.store.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
    for (const change of [{ active: false }, { role: 'clinician' }]) {
      const result = await unit.call('users.update', { userId: adminId, ...change }, admin);
      expect(!result.ok && result.error.code).toBe('conflict');
      expect(!result.ok && result.error.message).toMatch(/último administrador/);
    }
    const second = await unit.addUser('admin2', 'admin');
    expect((await unit.call('users.update', { userId: second, active: false }, admin)).ok).toBe(true);
    expect(!(await unit.call('users.update', { userId: adminId, active: false }, admin)).ok).toBe(true);
  });

  it('ends the sessions of a user whose role changes or who is deactivated', async () => {
    const id = await unit.addUser('ana', 'reception');
    const token = await unit.login('ana');
    expect((await unit.call('users.update', { userId: id, role: 'clinician' }, admin)).ok).toBe(true);
    expect((await unit.call('auth.me', {}, token)).ok).toBe(false);
    const token2 = await unit.login('ana');
    const me = await unit.call('auth.me', {}, token2);
    expect(me.ok && (me.value as UserValue).user.role).toBe('clinician');
    expect((await unit.call('users.update', { userId: id, active: false }, admin)).ok).toBe(true);
    expect((await unit.call('auth.me', {}, token2)).ok).toBe(false);
    const audit = await unit.store.db.selectFrom('audit_log').select('details').where('action', '=', 'users.update').orderBy('id').execute();
    expect(audit.map((a) => JSON.parse(a.details).changes)).toEqual([{ role: { from: 'reception', to: 'clinician' } }, { active: { from: 1, to: 0 } }]);
  });

  it('lists active users, and inactive ones when asked', async () => {
    const id = await unit.addUser('pedro', 'clinician');
    await unit.call('users.update', { userId: id, active: false }, admin);
    const active = await unit.call('users.list', {}, admin);
    const all = await unit.call('users.list', { includeInactive: true }, admin);
    const names = (r: typeof active) => (r.ok ? (r.value as { users: { username: string }[] }).users.map((u) => u.username) : []);
    expect(names(active)).toEqual(['admin']);
    expect(names(all).sort()).toEqual(['admin', 'pedro']);
  });

  it('answers not_found for a user that does not exist', async () => {
    const result = await unit.call('users.resetPassword', { userId: 9999, newPassword: 'frase temporal larga' }, admin);
    expect(!result.ok && result.error.code).toBe('not_found');
  });

  it('never sends a password hash to the client', async () => {
    const result = await unit.call('users.list', { includeInactive: true }, admin);
    expect(JSON.stringify(result)).not.toMatch(/argon2|password_hash|passwordHash/);
  });
});
