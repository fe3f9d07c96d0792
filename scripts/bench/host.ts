// The LAN host as its own process (as `npm run host` runs it), on loopback, and a bounded load
// generator: N concurrent clients for a fixed time, 90% reads and 10% writes.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { syntheticPatient, rng } from '../../electron/core/synthetic/generate';
import { summarise, type Summary } from './stats';

export interface HostProcess {
  url: string;
  child: ChildProcess;
  rssMB(): number;
  /** CPU time the host process has used (all threads), in seconds: less noisy than req/s on a shared machine. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** `nodeArgs` go to node itself (e.g. `--cpu-prof --cpu-prof-dir DIR` to profile the host), `hostArgs` to the host. */
export async function startHost(repoRoot: string, dataDir: string, passphraseFile: string, nodeArgs: string[] = [], hostArgs: string[] = []): Promise<HostProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'electron/host/main.ts', '--data-dir', dataDir, '--passphrase-file', passphraseFile, '--port', '0', '--bind', '127.0.0.1', '--no-auto-backup', ...hostArgs], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /listening on (http:\/\/[^\s]+)/.exec(line);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  return {
    url,
    child,
    rssMB() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
    },
    cpuSeconds() {
      // Fields 14 and 15 of /proc/PID/stat (after the parenthesised name): utime and stime in clock ticks (100/s on Linux).
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Across runs of one process, so that a warm-up run and the measured run never register the same document. */
let documentCounter = 0;

export async function call(url: string, name: string, input: unknown, token: string | null): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: await response.json() };
}

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  /** Failed answers by HTTP status (0: no answer). */
  errorsByStatus: Record<number, number>;
  latency: Summary;
  readLatency: Summary;
  writeLatency: Summary;
}

/**
 * `clients` loops, each waiting for its answer before the next request (closed loop), for `seconds`.
 * Given several tokens, client i uses tokens[i % n]: one session per workstation, as in a unit, so the
 * per-token rate limit applies to each client rather than to all of them at once.
 */
export async function runLoad(url: string, tokens: string | string[], queries: string[], patientIds: number[], options: { clients: number; seconds: number }): Promise<LoadResult> {
  const random = rng(99);
  const deadline = performance.now() + options.seconds * 1000;
  const all: number[] = [];
  const reads: number[] = [];
  const writes: number[] = [];
  let errors = 0;
  const errorsByStatus: Record<number, number> = {};
  const tokenList = Array.isArray(tokens) ? tokens : [tokens];
  const started = performance.now();
  const client = async (index: number) => {
    const token = tokenList[index % tokenList.length]!;
    while (performance.now() < deadline) {
      const roll = random();
      const t0 = performance.now();
      let result;
      try {
        if (roll < 0.1) {
          const patient = { ...syntheticPatient(random), documentType: 'CC' as const, documentNumber: String(7_000_000_000 + process.pid * 10_000 + ++documentCounter) };
          result = await call(url, 'patients.register', { patient }, token);
        } else if (roll < 0.75) {
          result = await call(url, 'patients.search', { query: queries[Math.floor(random() * queries.length)]!, pageSize: 20 }, token);
        } else {
          result = await call(url, 'patients.get', { patientId: patientIds[Math.floor(random() * patientIds.length)]! }, token);
        }
      } catch {
        result = { status: 0 };
      }
      const ms = performance.now() - t0;
      all.push(ms);
      (roll < 0.1 ? writes : reads).push(ms);
      if (result.status !== 200) {
        errors++;
        errorsByStatus[result.status] = (errorsByStatus[result.status] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  const elapsed = (performance.now() - started) / 1000;
  return {
    clients: options.clients,
    seconds: Math.round(elapsed),
    requests: all.length,
    requestsPerSecond: Math.round(all.length / elapsed),
    errors,
    errorsByStatus,
    latency: summarise(all),
    readLatency: summarise(reads),
    writeLatency: summarise(writes),
  };
}
