// Backups of a real encrypted store: the file is encrypted with the same key, verified, pruned,
// one at a time through the API, and made automatically once a day.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups, sidecarPath, timeOfBackupName } from '../../db/backup';
import { openEncrypted } from '../../db/connection';
import { backupIfDue, DAY_MS } from '../../electron/core/backup-schedule';
import { verifyBackup } from '../../electron/core/backup-verify';
import { createDispatcher } from '../../electron/core/dispatch';
import { patientInput } from '../helpers/patients';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let token: string;

beforeEach(async () => {
  unit = await createTestUnit({ backupsKeep: 3 });
  token = await unit.login('admin');
});
afterEach(async () => {
  await unit.cleanup();
});

async function backUpNow(): Promise<{ file: string; bytes: number; at: string; integrity: string }> {
  const result = await unit.call('backups.create', {}, token);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { file: string; bytes: number; at: string; integrity: string };
}

function countsOf(file: string): Record<string, number> {
  const db = openEncrypted(file, unit.store.dataKey, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { users: count('users'), patients: count('patients'), audit_log: count('audit_log') };
  } finally {
    db.close();
  }
}

describe('backups.create', () => {
  it('writes an encrypted copy with the same key: no clear header, no names in its bytes, integrity ok', async () => {
    await unit.addUser('zacarias', 'clinician');
    const registered = await unit.call('patients.register', { patient: patientInput({ givenNames: 'Wilmarys Xiomara', documentNumber: '98.765.432' }) }, token);
    expect(registered.ok, JSON.stringify(registered)).toBe(true);

    const created = await backUpNow();
    expect(created).toMatchObject({ integrity: 'ok', file: expect.stringMatching(/^acogida-\d{8}-\d{6}\.db$/) });
    const path = join(unit.dataDir, 'backups', created.file);
    const bytes = readFileSync(path);
    expect(bytes.length).toBe(created.bytes);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    for (const secret of ['Wilmarys', 'Xiomara', 'Persona zacarias', 'zacarias', '98.765.432', '98765432']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    }
    const copy = openEncrypted(path, unit.store.dataKey, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const patient = copy.prepare('SELECT given_names FROM patients').get() as { given_names: string };
      expect(patient.given_names).toBe('Wilmarys Xiomara');
    } finally {
      copy.close();
    }
    // The copy is the live database at the moment of the backup (the audit row of the backup itself comes after).
    const live = countsOf(join(unit.dataDir, 'acogida.db'));
    expect(countsOf(path)).toEqual({ ...live, audit_log: live.audit_log! - 1 });

    const sidecar = JSON.parse(readFileSync(sidecarPath(path), 'utf8'));
    expect(sidecar).toMatchObject({ format: 'acogida-backup', bytes: created.bytes, keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(JSON.stringify(sidecar)).not.toContain(unit.store.dataKey.toString('hex'));

    const report = await verifyBackup(path, unit.store.dataKey);
    expect(report.problems).toEqual([]);
    expect(report.audit).toMatchObject({ ok: true });
    expect(report.tables.patients).toBe(1);

    const audit = await unit.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'backup.create').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_username: 'admin', outcome: 'success' });
    expect(JSON.parse(audit[0]!.details)).toEqual({ trigger: 'manual', file: created.file, bytes: created.bytes });
  });

  it('cannot run twice at once: the second call answers 409 conflict, and status shows the running one', async () => {
    const first = unit.call('backups.create', {}, token);
    const second = unit.call('backups.create', {}, token);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const during = await unit.call('backups.status', {}, token);
    const results = await Promise.all([first, second]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('en curso') });
    expect(during.ok && during.value).toMatchObject({ running: true, progress: expect.any(Number) });

    const after = await unit.call('backups.status', {}, token);
    expect(after.ok && after.value).toMatchObject({ running: false, progress: null, keep: 3, lastBackupAt: expect.any(String) });
    // And once it has finished, another one may start.
    unit.clock.advance(1);
    await backUpNow();
  });

  it('keeps the newest N backups, newest first, with their sidecars', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      made.push((await backUpNow()).file);
      unit.clock.advance(60);
    }
    const listed = await unit.call('backups.list', {}, token);
    expect(listed.ok).toBe(true);
    const value = listed.ok ? (listed.value as { directory: string; backups: { file: string; bytes: number; at: string }[] }) : null;
    expect(value!.directory).toBe(join(unit.dataDir, 'backups'));
    expect(value!.backups.map((b) => b.file)).toEqual(made.slice(2).reverse());
    expect(value!.backups.every((b) => b.bytes > 0 && b.at === timeOfBackupName(b.file)!.toISOString())).toBe(true);
    for (const gone of made.slice(0, 2)) {
      expect(existsSync(join(unit.dataDir, 'backups', gone))).toBe(false);
      expect(existsSync(sidecarPath(join(unit.dataDir, 'backups', gone)))).toBe(false);
    }
  });

  it('names a second backup within the same second apart and lists it as the newer', async () => {
    const a = await backUpNow();
    const b = await backUpNow();
    expect(b.file).toBe(a.file.replace('.db', '-2.db'));
    expect(listBackups(unit.dataDir).map((x) => x.file)).toEqual([b.file, a.file]);
  });

  it('answers a clear error where the process has no backup capability', async () => {
    const dispatch = createDispatcher({ ...unit.ctx, backups: undefined }, { log: () => {} });
    const result = await dispatch('backups.list', {}, { token, origin: 'test' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'internal', message: expect.stringContaining('no están disponibles') });
  });
});

describe('automatic backup', () => {
  it('backs up when there is none or the newest is a day old, and is audited as automatic', async () => {
    const service = unit.ctx.backups!;
    expect(await backupIfDue(unit.ctx, service)).toBe('backed_up');
    unit.clock.advance(3600);
    expect(await backupIfDue(unit.ctx, service)).toBe('not_due');
    unit.clock.advance(DAY_MS / 1000);
    expect(await backupIfDue(unit.ctx, service)).toBe('backed_up');
    expect(listBackups(unit.dataDir)).toHaveLength(2);

    const rows = await unit.store.db.selectFrom('audit_log').select(['actor_username', 'actor_user_id', 'details']).where('action', '=', 'backup.create').execute();
    expect(rows.map((r) => [r.actor_username, r.actor_user_id, JSON.parse(r.details).trigger])).toEqual([
      ['automatic', null, 'automatic'],
      ['automatic', null, 'automatic'],
    ]);
    // A day later the session has ended: sign in again.
    const status = await unit.call('backups.status', {}, await unit.login('admin'));
    expect(status.ok && status.value).toMatchObject({ lastAutomaticAt: new Date(unit.clock.now()).toISOString() });
  });
});
