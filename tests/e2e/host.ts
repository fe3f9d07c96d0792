// One real host per test file: a fresh temp data dir, `npm run cli -- init`, optional extra users,
// then `npm run host -- … --port 0`, whose one stdout line gives the URL. Killed after the file.
import { request, test, type APIRequestContext, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ADMIN = { username: 'admin', password: 'Cucuta-admin-2026', name: 'Ana Administradora' };

export interface StaffUser {
  username: string;
  password: string;
  name: string;
  role: 'reception' | 'clinician' | 'admin';
}

export interface HostOptions {
  idleTimeoutSeconds?: number;
  /** Let the host make its automatic backup at start (off by default: it adds an audit row). */
  autoBackup?: boolean;
  /** Accounts created with `npm run cli -- users add` before the host starts. */
  users?: StaffUser[];
}

export interface RunningHost {
  url: string;
  dataDir: string;
}

function npm(args: string[], what: string): void {
  const result = spawnSync('npm', ['run', '--silent', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${what} failed:\n${result.stdout}\n${result.stderr}`);
}

async function start(options: HostOptions): Promise<{ host: RunningHost; child: ChildProcess; root: string }> {
  const root = mkdtempSync(join(tmpdir(), 'acogida-e2e-'));
  const dataDir = join(root, 'data');
  const passphraseFile = join(root, 'passphrase');
  const adminPasswordFile = join(root, 'admin-password');
  writeFileSync(passphraseFile, 'frase de acceso de la unidad de prueba\n', { mode: 0o600 });
  writeFileSync(adminPasswordFile, `${ADMIN.password}\n`, { mode: 0o600 });
  npm(
    ['cli', '--', 'init', '--data-dir', dataDir, '--admin-username', ADMIN.username, '--admin-name', ADMIN.name, '--admin-password-file', adminPasswordFile, '--passphrase-file', passphraseFile],
    'cli init',
  );
  for (const user of options.users ?? []) {
    const file = join(root, `password-${user.username}`);
    writeFileSync(file, `${user.password}\n`, { mode: 0o600 });
    npm(['cli', '--', 'users', 'add', '--data-dir', dataDir, '--passphrase-file', passphraseFile, '--username', user.username, '--name', user.name, '--role', user.role, '--password-file', file], 'cli users add');
  }

  const args = ['run', '--silent', 'host', '--', '--data-dir', dataDir, '--passphrase-file', passphraseFile, '--port', '0'];
  if (options.idleTimeoutSeconds) args.push('--idle-timeout-seconds', String(options.idleTimeoutSeconds));
  // The automatic backup at start writes an audit row; tests that count rows ask for it explicitly.
  if (!options.autoBackup) args.push('--no-auto-backup');
  // Its own process group, so npm, tsx and node all stop together.
  const child = spawn('npm', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`The host did not start in time:\n${stdout}\n${stderr}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (https?:\/\/\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
  return { host: { url, dataDir }, child, root };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const killer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      clearTimeout(killer);
      resolve();
    }
  });
}

/**
 * Starts a host for the test file that calls it (at its top level) and stops it after the file.
 * The tests of the file run in order and share the host.
 */
export function useHost(options: HostOptions = {}): () => RunningHost {
  let running: Awaited<ReturnType<typeof start>> | null = null;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    running = await start(options);
  });
  test.afterAll(async () => {
    if (!running) return;
    await stop(running.child);
    rmSync(running.root, { recursive: true, force: true });
    running = null;
  });
  return () => {
    if (!running) throw new Error('The host is not running');
    return running.host;
  };
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Usuario', { exact: true }).fill(username);
  await page.getByLabel('Contraseña', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { expanded: false }).click();
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
}

/** The host's API from the test runner (set-up only: the screens under test are driven in the browser). */
export class Api {
  private constructor(
    private readonly context: APIRequestContext,
    private readonly token: string,
  ) {}

  static async login(url: string, username: string, password: string): Promise<Api> {
    const context = await request.newContext({ baseURL: url, ignoreHTTPSErrors: true });
    const response = await context.post('/api/auth.login', { data: { username, password } });
    if (!response.ok()) throw new Error(`login ${username}: ${response.status()} ${await response.text()}`);
    const { token } = (await response.json()) as { token: string };
    return new Api(context, token);
  }

  async call<T = any>(name: string, input: unknown): Promise<T> {
    const response = await this.context.post(`/api/${name}`, { data: input, headers: { authorization: `Bearer ${this.token}` } });
    if (!response.ok()) throw new Error(`${name}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
  }
}

/** Every service, 00:00–23:59 every day: bookings and check-ins never depend on the time the tests run. */
export async function openAllHours(url: string, clinicianUsername: string): Promise<number> {
  const api = await Api.login(url, ADMIN.username, ADMIN.password);
  const { users } = await api.call<{ users: { id: number; username: string }[] }>('users.list', { includeInactive: false });
  const clinician = users.find((u) => u.username === clinicianUsername);
  if (!clinician) throw new Error(`no user ${clinicianUsername}`);
  await api.call('clinicians.setSchedule', {
    clinicianId: clinician.id,
    services: ['psychology', 'psychiatry', 'neurology', 'social_work', 'rehabilitation', 'group_session'],
    hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:59' })),
  });
  await api.dispose();
  return clinician.id;
}

/** The unit's calendar day in Colombia (UTC−5, no daylight saving), "YYYY-MM-DD". */
export function unitToday(): string {
  return new Date(Date.now() - 5 * 3600_000).toISOString().slice(0, 10);
}
