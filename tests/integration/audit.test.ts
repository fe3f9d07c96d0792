import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let admin: string;
beforeEach(async () => {
  unit = await createTestUnit();
  admin = await unit.login('admin');
  for (const name of ['ana', 'luis', 'sofia']) await unit.addUser(name, 'reception');
  await unit.call('auth.login', { username: 'ana', password: 'equivocada' });
});
afterEach(() => unit.cleanup());

type Verify = { ok: boolean; checked: number; firstBrokenId: number | null; reason: string | null };

describe('the audit log', () => {
  it('refuses UPDATE and DELETE through SQL', () => {
    expect(() => unit.store.raw.prepare(`UPDATE audit_log SET action = 'x' WHERE id = 1`).run()).toThrow(/append-only/);
    expect(() => unit.store.raw.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
  });

  it('verifies an intact chain', async () => {
    const result = await unit.call('audit.verify', {}, admin);
    expect(result.ok && (result.value as Verify)).toMatchObject({ ok: true, firstBrokenId: null });
    expect(result.ok && (result.value as Verify).checked).toBeGreaterThanOrEqual(6);
  });

  it('names the first row altered through a raw connection with the triggers dropped', async () => {
    unit.store.raw.exec('DROP TRIGGER audit_log_no_update');
    unit.store.raw.prepare(`UPDATE audit_log SET details = '{"reason":"nada"}' WHERE id = 4`).run();
    const result = await unit.call('audit.verify', {}, admin);
    expect(result.ok && (result.value as Verify)).toEqual({ ok: false, checked: 3, firstBrokenId: 4, reason: 'el contenido de la fila fue modificado' });
  });

  it('names a deleted row', async () => {
    unit.store.raw.exec('DROP TRIGGER audit_log_no_delete');
    unit.store.raw.prepare('DELETE FROM audit_log WHERE id = 3').run();
    const result = await unit.call('audit.verify', {}, admin);
    expect(result.ok && (result.value as Verify)).toMatchObject({ ok: false, firstBrokenId: 4 });
  });

  it('names a row whose hash was recomputed but whose successor still links to the old one', async () => {
    unit.store.raw.exec('DROP TRIGGER audit_log_no_update');
    unit.store.raw.prepare(`UPDATE audit_log SET hash = ? WHERE id = 2`).run('f'.repeat(64));
    const result = await unit.call('audit.verify', {}, admin);
    expect(result.ok && (result.value as Verify).firstBrokenId).toBe(2);
  });

  it('lists newest first, filters by user, action and period, and pages', async () => {
    const anaId = (await unit.store.db.selectFrom('users').select('id').where('username', '=', 'ana').executeTakeFirstOrThrow()).id;
    const failures = await unit.call('audit.list', { userId: anaId, action: 'auth.login' }, admin);
    expect(failures.ok && (failures.value as { entries: { outcome: string; details: unknown }[] }).entries).toEqual([
      expect.objectContaining({ outcome: 'failure', details: { reason: 'wrong_password', failedAttempts: 1 } }),
    ]);
    const page1 = await unit.call('audit.list', { limit: 2 }, admin);
    const v1 = (page1 as { value: { entries: { id: number }[]; nextBeforeId: number } }).value;
    expect(v1.entries).toHaveLength(2);
    expect(v1.entries[0]!.id).toBeGreaterThan(v1.entries[1]!.id);
    const page2 = await unit.call('audit.list', { limit: 2, beforeId: v1.nextBeforeId }, admin);
    expect((page2 as { value: { entries: { id: number }[] } }).value.entries[0]!.id).toBe(v1.entries[1]!.id - 1);
    const today = new Date(unit.clock.now()).toISOString().slice(0, 10);
    const inDay = await unit.call('audit.list', { from: today, to: today }, admin);
    const none = await unit.call('audit.list', { to: '2020-01-01' }, admin);
    expect((inDay as { value: { entries: unknown[] } }).value.entries.length).toBeGreaterThan(3);
    expect((none as { value: { entries: unknown[] } }).value.entries).toEqual([]);
  });
});
