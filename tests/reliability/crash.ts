// Crash safety: a writer child (crash-child.ts) is killed with SIGKILL at random moments, over and
// over, on the same encrypted database. After every kill the database must open, pass
// PRAGMA integrity_check, its audit chain must verify, and every write the child reported as
// committed (in this kill or any earlier one) must be there.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { createKysely, openEncrypted } from '../../db/connection';
import { initStore } from '../../db/store';
import { checkAuditChain } from '../../electron/core/audit';
import { login } from '../../electron/core/auth';
import { setSchedule } from '../../electron/core/clinicians';
import { defaultSecuritySettings, type Actor, type ServiceContext } from '../../electron/core/context';
import { createUser } from '../../electron/core/users';
import type { CrashChildConfig } from './crash-child';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const requireFromRoot = createRequire(join(root, 'package.json'));

/** Native addons stay outside the bundle, imported by absolute path so the bundle can live in /tmp. */
const NATIVE = ['better-sqlite3-multiple-ciphers', '@node-rs/argon2'];
const nativeByPath: Plugin = {
  name: 'native-by-absolute-path',
  setup(b) {
    b.onResolve({ filter: /^(better-sqlite3-multiple-ciphers|@node-rs\/argon2)$/ }, (args) => ({ path: requireFromRoot.resolve(args.path), external: true }));
  },
};

export async function bundleChild(outDir: string): Promise<string> {
  const outfile = join(outDir, 'crash-child.mjs');
  await build({
    entryPoints: [join(here, 'crash-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'error',
    minify: true,
    absWorkingDir: root,
    plugins: [nativeByPath],
    external: ['electron', 'bufferutil', 'utf-8-validate', 'pino-pretty', 'fsevents'],
    banner: { js: "import { createRequire as __acogidaCreateRequire } from 'node:module'; const require = __acogidaCreateRequire(import.meta.url);" },
  });
  if (NATIVE.length === 0) throw new Error('unreachable');
  return outfile;
}

const CLOCK_MS = Date.parse('2026-11-22T13:00:00Z');
const PASSWORD = 'caballo correcto batería grapa';

interface Template {
  dir: string;
  keyHex: string;
  config: Omit<CrashChildConfig, 'dataDir' | 'seed'>;
}

/** One initialised data dir (users, an open agenda, sessions for the child) copied for every generation. */
async function makeTemplate(dir: string): Promise<Template> {
  const { store } = await initStore(dir, 'frase de acceso del arnés de fallos');
  const ctx: ServiceContext = { db: store.db, clock: { now: () => CLOCK_MS }, security: { ...defaultSecuritySettings, idleTimeoutSeconds: 365 * 24 * 3600, absoluteTimeoutSeconds: 365 * 24 * 3600 } };
  const { user: admin } = await createUser(ctx, null, { username: 'admin', displayName: 'Administración', role: 'admin', password: PASSWORD }, 'crash-harness');
  await createUser(ctx, null, { username: 'recepcion', displayName: 'Recepción', role: 'reception', password: PASSWORD }, 'crash-harness');
  const { user: clinician } = await createUser(ctx, null, { username: 'psicologa', displayName: 'Psicóloga', role: 'clinician', password: PASSWORD }, 'crash-harness');
  const adminActor: Actor = { userId: admin.id, username: admin.username, role: 'admin', sessionId: 0, mustChangePassword: false };
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:59' }));
  await setSchedule(ctx, adminActor, { clinicianId: clinician.id, services: ['psychology'], hours: allDay }, 'crash-harness');
  const reception = await login(ctx, { username: 'recepcion', password: PASSWORD }, 'crash-harness');
  const psych = await login(ctx, { username: 'psicologa', password: PASSWORD }, 'crash-harness');
  const keyHex = store.dataKey.toString('hex');
  await store.close();
  return { dir, keyHex, config: { receptionToken: reception.token, clinicianToken: psych.token, clinicianId: clinician.id, clockMs: CLOCK_MS } };
}

interface Reported {
  P: Set<number>;
  A: Set<number>;
  S: Set<number>;
  G: Set<number>;
}

interface KillOutcome {
  lines: string[];
  earlyExit: string | null;
}

/** Starts the child, kills it at a random moment (sometimes during start-up), collects its reports. */
function runAndKill(childFile: string, keyHex: string, config: CrashChildConfig, random: () => number, maxRunMs: number): Promise<KillOutcome> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [childFile], {
      env: { PATH: process.env.PATH ?? '', ACOGIDA_CRASH_KEY: keyHex, ACOGIDA_CRASH_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    let timer: NodeJS.Timeout | null = null;
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    // One kill in eight lands during start-up (opening the file, migrations), the rest while writing.
    const duringStartup = random() < 0.125;
    if (duringStartup) timer = setTimeout(kill, Math.floor(random() * 60));
    child.stdout.on('data', (chunk: Buffer) => {
      const before = stdout.length;
      stdout += chunk.toString();
      if (!duringStartup && before === 0 && stdout.startsWith('ready\n') && !timer) timer = setTimeout(kill, Math.floor(random() * maxRunMs));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A child that never reports ready is killed anyway: the harness itself never hangs.
    const guard = setTimeout(kill, 15_000);
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      clearTimeout(guard);
      // Only complete lines count: a line cut by the kill was not reported.
      const complete = stdout.slice(0, stdout.lastIndexOf('\n') + 1);
      const earlyExit = killed && signal === 'SIGKILL' ? null : `exit ${code ?? signal}: ${stderr.trim().slice(0, 500)}`;
      resolvePromise({ lines: complete.split('\n').filter(Boolean), earlyExit });
    });
  });
}

interface Check {
  corrupt: string | null;
  lost: number;
}

function verify(dataDir: string, keyHex: string, reported: Reported): Promise<Check> {
  return (async () => {
    let raw;
    try {
      raw = openEncrypted(join(dataDir, 'acogida.db'), Buffer.from(keyHex, 'hex'));
    } catch (error) {
      return { corrupt: `does not open: ${(error as Error).message}`, lost: 0 };
    }
    const db = createKysely(raw);
    try {
      const integrity = raw.pragma('integrity_check') as { integrity_check: string }[];
      if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') return { corrupt: `integrity_check: ${JSON.stringify(integrity).slice(0, 300)}`, lost: 0 };
      const chain = await checkAuditChain(db);
      if (!chain.ok) return { corrupt: `audit chain broken at ${chain.firstBrokenId}: ${chain.reason}`, lost: 0 };
      const present = (sqlText: string) => new Set((raw.prepare(sqlText).all() as { id: number }[]).map((r) => r.id));
      const patients = present('SELECT id FROM patients');
      const appointments = present('SELECT id FROM appointments');
      const sessions = present('SELECT id FROM sessions');
      const signed = present(`SELECT id FROM sessions WHERE status = 'signed'`);
      let lost = 0;
      for (const id of reported.P) if (!patients.has(id)) lost++;
      for (const id of reported.A) if (!appointments.has(id)) lost++;
      for (const id of reported.S) if (!sessions.has(id)) lost++;
      for (const id of reported.G) if (!signed.has(id)) lost++;
      return { corrupt: null, lost };
    } finally {
      await db.destroy();
    }
  })();
}

export interface CrashSummary {
  kills: number;
  corrupt: number;
  lost: number;
  childErrors: number;
  commits: number;
  failures: string[];
}

/**
 * Runs `kills` kill cycles over `workers` independent data dirs in parallel (one writer each); each
 * data dir is replaced by a fresh copy of the template every `killsPerDatabase` kills, so the
 * full run (10,000 kills) does not verify an ever longer audit chain.
 */
export async function runCrashPart(options: { kills: number; seed: number; workers?: number; killsPerDatabase?: number; maxRunMs?: number }): Promise<CrashSummary> {
  const work = mkdtempSync(join(tmpdir(), 'acogida-crash-'));
  const summary: CrashSummary = { kills: 0, corrupt: 0, lost: 0, childErrors: 0, commits: 0, failures: [] };
  try {
    const childFile = await bundleChild(work);
    const template = await makeTemplate(join(work, 'template'));
    const workers = options.workers ?? 2;
    const perDatabase = options.killsPerDatabase ?? 250;
    const maxRunMs = options.maxRunMs ?? 120;
    let started = 0;
    let seed = options.seed >>> 0;
    const nextRandom = () => {
      seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
      return seed / 0x1_0000_0000;
    };

    const worker = async (w: number) => {
      let generation = 0;
      let dataDir = '';
      let reported: Reported = { P: new Set(), A: new Set(), S: new Set(), G: new Set() };
      let sinceFresh = perDatabase;
      while (started < options.kills) {
        started += 1;
        if (sinceFresh >= perDatabase) {
          if (dataDir) rmSync(dataDir, { recursive: true, force: true });
          dataDir = join(work, `w${w}-g${generation++}`);
          mkdirSync(dataDir);
          cpSync(template.dir, dataDir, { recursive: true });
          reported = { P: new Set(), A: new Set(), S: new Set(), G: new Set() };
          sinceFresh = 0;
        }
        sinceFresh += 1;
        const childSeed = Math.floor(nextRandom() * 0xffff_ffff) || 1;
        const outcome = await runAndKill(childFile, template.keyHex, { ...template.config, dataDir, seed: childSeed }, nextRandom, maxRunMs);
        summary.kills += 1;
        if (outcome.earlyExit) {
          summary.childErrors += 1;
          summary.failures.push(`child (seed ${childSeed}) ended by itself: ${outcome.earlyExit}`);
        }
        for (const line of outcome.lines) {
          const match = /^([PASG]) (\d+)$/.exec(line);
          if (!match) continue;
          reported[match[1] as keyof Reported].add(Number(match[2]));
          summary.commits += 1;
        }
        const check = await verify(dataDir, template.keyHex, reported);
        if (check.corrupt) {
          summary.corrupt += 1;
          summary.failures.push(`kill ${summary.kills} (seed ${childSeed}): ${check.corrupt}`);
          // Keep going on a fresh copy: one corrupt file must not hide the rest of the run.
          sinceFresh = perDatabase;
        }
        if (check.lost > 0) {
          summary.lost += check.lost;
          summary.failures.push(`kill ${summary.kills} (seed ${childSeed}): ${check.lost} reported commits missing`);
        }
      }
    };
    await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
    return summary;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
