// Restore: refusals leave the live database byte-identical; a backup taken while another process
// writes is a consistent snapshot, and restoring it (over a live database with a WAL, or into an
// empty data dir) gives exactly the snapshot back with a verified audit chain.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sidecarPath, writeBackup } from '../../db/backup';
import { openBackupReadonly } from '../../db/backup-check';
import { openEncrypted } from '../../db/connection';
import type { StoreError } from '../../db/errors';
import { storePaths } from '../../db/store';
import { restoreBackup } from '../../electron/core/backup-restore';
import { tableCounts, verifyBackup } from '../../electron/core/backup-verify';
import { createTestUnit, tempDir, type TestUnit } from '../helpers/temp-store';

const PATIENTS_PER_TX = 3; // as tests/helpers/concurrent-writer.ts writes them

let unit: TestUnit;
let spare: TestUnit | null = null;

beforeEach(async () => {
  unit = await createTestUnit();
  await unit.addUser('recepcion', 'reception');
});
afterEach(async () => {
  await unit.cleanup();
  await spare?.cleanup();
  spare = null;
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function backupOf(target: TestUnit, name = 'copia.db'): Promise<string> {
  const out = join(target.dir, name);
  await writeBackup(target.dataDir, out, target.store.dataKey);
  return out;
}

async function refusal(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the restore should have been refused').toBeInstanceOf(Error);
  expect((error as Error).name).toBe('StoreError');
  return error as StoreError;
}

describe('restore refuses, touching nothing', () => {
  let live: string;
  let before: { db: string; files: string[] };

  beforeEach(async () => {
    live = storePaths(unit.dataDir).database;
    // Closed, as for a real restore (the host stopped): only a refusal can keep it unchanged.
    await unit.store.close();
    before = { db: sha(live), files: readdirSync(unit.dataDir).sort() };
  });
  const unchanged = () => {
    expect(sha(live)).toBe(before.db);
    expect(readdirSync(unit.dataDir).sort()).toEqual(before.files);
  };

  it('a backup made with another key (named by its sidecar)', async () => {
    spare = await createTestUnit();
    const foreign = await backupOf(spare);
    const error = await refusal(restoreBackup(unit.dataDir, foreign, unit.store.dataKey));
    expect(error.code).toBe('backup_other_key');
    expect(error.message).toMatch(/fue hecha con otra clave .*No se modificó nada\.$/);
    unchanged();
  });

  it('a backup made with another key, without its sidecar', async () => {
    spare = await createTestUnit();
    const foreign = await backupOf(spare);
    rmSync(sidecarPath(foreign));
    const error = await refusal(restoreBackup(unit.dataDir, foreign, unit.store.dataKey));
    expect(error.code).toBe('backup_other_key');
    expect(error.message).toContain('No se puede abrir');
    expect(error.message).toContain('otra clave');
    unchanged();
  });

  it('a corrupted backup: by its checksum, and by integrity_check without the sidecar', async () => {
    const good = join(unit.dir, 'buena.db');
    await writeBackupClosed(good);
    before = { db: sha(live), files: readdirSync(unit.dataDir).sort() };
    // Damage 200 bytes of one page. A page of the schema stops the file from opening at all (named
    // like a wrong key); a page of rows lets it open and fail integrity_check: pick such a page.
    const damaged = join(unit.dir, 'dañada.db');
    const pages = readFileSync(good).length / 4096;
    for (let page = 1; page < pages; page += 1) {
      const bytes = readFileSync(good);
      bytes.fill(0x41, page * 4096 + 100, page * 4096 + 300);
      writeFileSync(damaged, bytes);
      try {
        openBackupReadonly(damaged, unit.store.dataKey).close();
        break;
      } catch {
        // A schema page: try the next one.
      }
    }
    copyFileSync(sidecarPath(good), sidecarPath(damaged));

    const byChecksum = await refusal(restoreBackup(unit.dataDir, damaged, unit.store.dataKey));
    expect(byChecksum.code).toBe('backup_damaged');
    expect(byChecksum.message).toContain('suma de verificación');
    unchanged();

    rmSync(sidecarPath(damaged));
    const byIntegrity = await refusal(restoreBackup(unit.dataDir, damaged, unit.store.dataKey));
    expect(byIntegrity.code).toBe('backup_damaged');
    expect(byIntegrity.message).toMatch(/no pasa la verificación de integridad.*No se modificó nada\.$/);
    unchanged();
  });

  it('a file that is not a database, and an unencrypted SQLite database', async () => {
    const text = join(unit.dir, 'notas.db');
    writeFileSync(text, 'esto no es una base de datos\n');
    const notDb = await refusal(restoreBackup(unit.dataDir, text, unit.store.dataKey));
    expect(notDb.code).toBe('backup_not_database');
    expect(notDb.message).toContain('no es una base de datos de Acogida');

    const randomPages = join(unit.dir, 'azar.db');
    writeFileSync(randomPages, Buffer.alloc(8192, 7));
    expect((await refusal(restoreBackup(unit.dataDir, randomPages, unit.store.dataKey))).code).toBe('backup_other_key');

    const plainFile = join(unit.dir, 'plano.db');
    const plain = new Database(plainFile);
    plain.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    plain.close();
    const plaintext = await refusal(restoreBackup(unit.dataDir, plainFile, unit.store.dataKey));
    expect(plaintext.code).toBe('backup_plaintext');
    expect(plaintext.message).toContain('SIN cifrar');

    const missing = await refusal(restoreBackup(unit.dataDir, join(unit.dir, 'no-existe.db'), unit.store.dataKey));
    expect(missing.code).toBe('backup_missing');
    unchanged();
  });

  it('while another connection has the live database open', async () => {
    const good = join(unit.dir, 'buena.db');
    await writeBackupClosed(good);
    before = { db: sha(live), files: readdirSync(unit.dataDir).sort() };
    const holder = openEncrypted(live, unit.store.dataKey);
    try {
      holder.prepare('SELECT count(*) FROM users').get();
      const inUse = await refusal(restoreBackup(unit.dataDir, good, unit.store.dataKey));
      expect(inUse.code).toBe('database_in_use');
      expect(inUse.message).toContain('en uso por otro proceso');
      expect(sha(live)).toBe(before.db);
      const durable = (files: string[]) => files.filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm')).sort();
      expect(durable(readdirSync(unit.dataDir))).toEqual(durable(before.files));
      expect((holder.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(2);
    } finally {
      holder.close();
    }
  });

  async function writeBackupClosed(out: string): Promise<void> {
    await writeBackup(unit.dataDir, out, unit.store.dataKey);
  }
});

/** Starts tests/helpers/concurrent-writer.ts on the data dir; resolves once it has committed `warmUp` times. */
function startWriter(dataDir: string, dataKey: Buffer, warmUp: number): Promise<{ child: ChildProcessWithoutNullStreams; committed: () => number; stop: () => Promise<number> }> {
  const script = fileURLToPath(new URL('../helpers/concurrent-writer.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, dataKey.toString('hex')], { stdio: ['pipe', 'pipe', 'pipe'] });
  let committed = 0;
  let stopped: number | null = null;
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  let buffer = '';
  return new Promise((resolveStart, rejectStart) => {
    child.on('exit', (code) => {
      if (stopped === null) rejectStart(new Error(`writer exited early (${code}): ${stderr}`));
    });
    child.stdout.on('data', (chunk) => {
      buffer += String(chunk);
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [word, n] = line.split(' ');
        if (word === 'committed') committed = Number(n);
        if (word === 'stopped') stopped = Number(n);
        if (committed === warmUp && word === 'committed') {
          resolveStart({
            child,
            committed: () => committed,
            stop: () =>
              new Promise<number>((done, fail) => {
                child.on('exit', (code) => (code === 0 && stopped !== null ? done(stopped) : fail(new Error(`writer failed (${code}): ${stderr}`))));
                child.stdin.end('stop\n');
              }),
          });
        }
      }
    });
  });
}

describe('backup and restore while another process writes', () => {
  it('the backup is a consistent snapshot, and restoring it gives exactly that snapshot back', { timeout: 120_000 }, async () => {
    const key = unit.store.dataKey;
    const base = tableCounts(unit.store.raw);
    const writer = await startWriter(unit.dataDir, key, 20);

    const atStart = writer.committed();
    const token = await unit.login('admin');
    const created = await unit.call('backups.create', {}, token);
    const atEnd = writer.committed();
    expect(created.ok, JSON.stringify(created)).toBe(true);
    expect(atEnd, 'the other process kept committing during the backup').toBeGreaterThan(atStart);
    const file = join(unit.dataDir, 'backups', (created as { value: { file: string } }).value.file);
    // Keep writing a little after the backup, so the live database moves on past the snapshot.
    while (writer.committed() < atEnd + 10) await new Promise((r) => setTimeout(r, 5));
    const finalCount = await writer.stop();

    const report = await verifyBackup(file, key);
    expect(report.problems).toEqual([]);
    expect(report.integrity).toEqual([]);
    expect(report.audit).toMatchObject({ ok: true, firstBrokenId: null });
    // A snapshot: k whole writer transactions, k between what was committed when the backup began and ended.
    const copy = openEncrypted(file, key, { readonly: true });
    const writes = (copy.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'test.write'`).get() as { n: number }).n;
    copy.close();
    expect(writes).toBeGreaterThanOrEqual(atStart);
    expect(writes).toBeLessThanOrEqual(atEnd);
    expect(report.tables.patients).toBe(base.patients! + PATIENTS_PER_TX * writes);
    expect(report.tables.patient_search).toBe(report.tables.patients);
    expect(report.tables.audit_log).toBe(report.audit!.checked);

    // 1. Into a fresh data dir that has only the keyring (the database was lost).
    const fresh = join(tempDir(), 'data');
    mkdirSync(fresh, { recursive: true });
    copyFileSync(storePaths(unit.dataDir).keyring, storePaths(fresh).keyring);
    const intoFresh = await restoreBackup(fresh, file, key);
    expect(intoFresh.previous).toBeNull();
    const freshReport = await verifyBackup(storePaths(fresh).database, key);
    expect(freshReport.problems).toEqual([]);
    expect(freshReport.tables).toEqual({ ...report.tables, audit_log: report.tables.audit_log! + 1 });
    expect(freshReport.audit).toMatchObject({ ok: true, checked: report.audit!.checked + 1 });
    rmSync(resolve(fresh, '..'), { recursive: true, force: true });

    // 2. Over the live database, whose WAL holds writes made after the snapshot: they must not leak in.
    await unit.store.close();
    const live = storePaths(unit.dataDir).database;
    const restored = await restoreBackup(unit.dataDir, file, key);
    expect(restored.previous).toMatch(/acogida\.db\.before-restore-\d{8}-\d{6}$/);
    expect(readdirSync(unit.dataDir).filter((f) => f.startsWith('acogida.db')).sort()).toEqual(['acogida.db', basename(restored.previous!)]);
    const liveReport = await verifyBackup(live, key);
    expect(liveReport.problems).toEqual([]);
    expect(liveReport.tables).toEqual({ ...report.tables, audit_log: report.tables.audit_log! + 1 });
    const db = openEncrypted(live, key, { readonly: true });
    const lastAudit = db.prepare('SELECT action, details FROM audit_log ORDER BY id DESC LIMIT 1').get() as { action: string; details: string };
    db.close();
    expect(lastAudit.action).toBe('backup.restore');
    expect(JSON.parse(lastAudit.details)).toMatchObject({ from: (created as { value: { file: string } }).value.file });

    // The replaced database was kept whole, WAL included: every write of the other process is in it.
    const old = openEncrypted(restored.previous!, key, { readonly: true });
    expect((old.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'test.write'`).get() as { n: number }).n).toBe(finalCount);
    expect(old.pragma('integrity_check', { simple: true })).toBe('ok');
    old.close();
    expect(existsSync(`${live}-wal`) && readFileSync(`${live}-wal`).length > 0).toBe(false);
  });
});
