// A real encrypted data dir in a temp folder, with an admin, for integration tests.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initStore, type Store } from '../../db/store';
import { defaultSecuritySettings, type Clock, type SecuritySettings, type ServiceContext } from '../../electron/core/context';
import { createDispatcher, type Dispatch } from '../../electron/core/dispatch';
import { ReadOnlyRunner } from '../../electron/core/jobs/runner';
import { createUser } from '../../electron/core/users';
import type { Role } from '../../electron/api/index';
import { createBackupService } from '../../electron/core/backup-service';
import { searchIndexMergesSettled } from '../../electron/core/search-index-merges';

export const PASSPHRASE = 'una frase de acceso larga para pruebas';

export class FakeClock implements Clock {
  constructor(public ms = Date.parse('2026-11-22T08:00:00Z')) {}
  now(): number {
    return this.ms;
  }
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export interface TestUnit {
  dir: string;
  dataDir: string;
  store: Store;
  ctx: ServiceContext;
  clock: FakeClock;
  dispatch: Dispatch;
  recoveryKey: string;
  /** Password of every user made by addUser. */
  password: string;
  addUser(username: string, role: Role): Promise<number>;
  login(username: string): Promise<string>;
  call(name: string, input: unknown, token?: string | null): ReturnType<Dispatch>;
  cleanup(): Promise<void>;
}

export const TEST_PASSWORD = 'caballo correcto batería grapa';

export function tempDir(prefix = 'acogida-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function createTestUnit(options: { security?: Partial<SecuritySettings>; backupsKeep?: number } = {}): Promise<TestUnit> {
  const dir = tempDir();
  const dataDir = join(dir, 'data');
  const { store, recoveryKey } = await initStore(dataDir, PASSPHRASE);
  const clock = new FakeClock();
  const ctx: ServiceContext = {
    db: store.db,
    raw: store.raw,
    clock,
    security: { ...defaultSecuritySettings, ...options.security },
    readOnly: new ReadOnlyRunner(store.databaseFile, store.dataKey),
    backups: createBackupService({ dataDir, dataKey: store.dataKey, keep: options.backupsKeep }),
  };
  const dispatch = createDispatcher(ctx, { log: () => {} });
  const unit: TestUnit = {
    dir,
    dataDir,
    store,
    ctx,
    clock,
    dispatch,
    recoveryKey,
    password: TEST_PASSWORD,
    async addUser(username, role) {
      const { user } = await createUser(ctx, null, { username, displayName: `Persona ${username}`, role, password: TEST_PASSWORD }, 'test');
      return user.id;
    },
    async login(username) {
      const result = await dispatch('auth.login', { username, password: TEST_PASSWORD }, { origin: 'test' });
      if (!result.ok) throw new Error(`login ${username}: ${result.error.message}`);
      return (result.value as { token: string }).token;
    },
    call(name, input, token) {
      return dispatch(name, input, { token: token ?? null, origin: 'test' });
    },
    async cleanup() {
      await ctx.readOnly?.close();
      await store.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await unit.addUser('admin', 'admin');
  return unit;
}

/** SHA-256 of every file below a folder, to prove that nothing was touched. */
export function snapshotFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, Object.fromEntries(Object.entries(snapshotFiles(path)).map(([k, v]) => [`${name}/${k}`, v])));
    else out[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

/**
 * A digest of every row of every table but the audit log: what a refused call must leave unchanged.
 * Taken once the name index's merge step of an earlier write has run (it rewrites the index's pages,
 * not what the index holds).
 */
export async function dataDigest(store: Store): Promise<Record<string, string>> {
  await searchIndexMergesSettled(store.db);
  const tables = store.raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND name != 'audit_log' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`).all() as { name: string }[];
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = (store.raw.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
    out[name] = createHash('sha256').update(rows.join('\n')).digest('hex');
  }
  return out;
}

export function auditCount(store: Store): number {
  return (store.raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}
