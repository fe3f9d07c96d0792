// The LAN host as its own process (the bundle `npm run host` runs), on loopback, and a bounded load
// generator: N concurrent clients for a fixed time, 90% reads and 10% writes.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Pool } from 'undici';
import { syntheticPatient, rng } from '../../electron/core/synthetic/generate';
import { hostNodeArgs } from '../host-bundle';
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
  const child = spawn(process.execPath, [...hostNodeArgs(repoRoot, nodeArgs), '--data-dir', dataDir, '--passphrase-file', passphraseFile, '--port', '0', '--bind', '127.0.0.1', '--no-auto-backup', ...hostArgs], {
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
    async stop() {
      await closeClient(url);
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}

/** Across runs of one process, so that a warm-up run and the measured run never register the same document. */
let documentCounter = 0;
// Unique across runs on the same store (a pid repeats): a number already registered answers 409.
const documentBase = String(Date.now() % 100_000_000).padStart(8, '0');

/**
 * One keep-alive connection pool per host URL, with undici's request API rather than fetch: the load
 * generator shares the host's two cores, and fetch's WHATWG streams cost it about twice the CPU a
 * request (measured in `load-only`, which prints the generator's own CPU per request).
 */
const pools = new Map<string, Pool>();
function poolFor(url: string): Pool {
  let pool = pools.get(url);
  if (!pool) {
    pool = new Pool(url, { connections: 64, pipelining: 1 });
    pools.set(url, pool);
  }
  return pool;
}

/** Closes the connections the calls to `url` kept open. */
export async function closeClient(url: string): Promise<void> {
  const pool = pools.get(url);
  pools.delete(url);
  await pool?.close();
}

export async function call(url: string, name: string, input: unknown, token: string | null): Promise<{ status: number; body: unknown }> {
  const response = await poolFor(url).request({
    method: 'POST',
    path: `/api/${name}`,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  return { status: response.statusCode, body: await response.body.json() };
}

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Answered with 200: without the refusals (429 from the per-session rate limit, 409, …). */
  okPerSecond: number;
  errors: number;
  /** Failed answers by HTTP status (0: no answer). */
  errorsByStatus: Record<number, number>;
  latency: Summary;
  readLatency: Summary;
  writeLatency: Summary;
}

/** One request of the mix: 10% registrations, 65% searches, 25% record reads. */
async function oneRequest(url: string, token: string, random: () => number, queries: string[], patientIds: number[]): Promise<{ write: boolean; status: number; retryAfterSeconds?: number }> {
  const roll = random();
  const answer = (write: boolean, { status, body }: { status: number; body: unknown }) => ({
    write,
    status,
    retryAfterSeconds: (body as { error?: { retryAfterSeconds?: number } } | null)?.error?.retryAfterSeconds,
  });
  try {
    if (roll < 0.1) {
      const patient = { ...syntheticPatient(random, new Date()), documentType: 'CC' as const, documentNumber: `7${documentBase}${String(++documentCounter).padStart(6, '0')}` };
      return answer(true, await call(url, 'patients.register', { patient }, token));
    }
    if (roll < 0.75) return answer(false, await call(url, 'patients.search', { query: queries[Math.floor(random() * queries.length)]!, pageSize: 20 }, token));
    return answer(false, await call(url, 'patients.get', { patientId: patientIds[Math.floor(random() * patientIds.length)]! }, token));
  } catch {
    return { write: roll < 0.1, status: 0 };
  }
}

/** Latencies and errors of a load run, as they come in. */
function loadTally() {
  const all: number[] = [];
  const reads: number[] = [];
  const writes: number[] = [];
  const errorsByStatus: Record<number, number> = {};
  let errors = 0;
  let ok = 0;
  return {
    /** An answer (or a give-up, status -1) after `ms`. */
    record(ms: number | null, write: boolean, status: number): void {
      if (ms !== null) {
        all.push(ms);
        (write ? writes : reads).push(ms);
      }
      if (status === 200) ok++;
      else {
        errors++;
        errorsByStatus[status] = (errorsByStatus[status] ?? 0) + 1;
      }
    },
    result(clients: number, started: number): LoadResult {
      const elapsed = (performance.now() - started) / 1000;
      return {
        clients,
        seconds: Math.round(elapsed),
        requests: all.length,
        requestsPerSecond: Math.round(all.length / elapsed),
        okPerSecond: Math.round(ok / elapsed),
        errors,
        errorsByStatus,
        latency: summarise(all),
        readLatency: summarise(reads),
        writeLatency: summarise(writes),
      };
    },
  };
}

const MAX_WAITING_PER_CLIENT = 10;

export interface OfferedLoadResult extends LoadResult {
  /** Requests per second offered (sent on schedule whatever the answers). */
  offeredPerSecond: number;
}

/**
 * Open loop: `clients` workstations together send `rate` requests per second on a fixed schedule,
 * whether or not earlier answers came back, for `seconds`. Latency counts from the scheduled send
 * time, so a stalled host cannot hide its queue (no coordinated omission). This is how "p95 at 300
 * requests/s" is measured; a closed loop with no think time instead holds `clients` requests in
 * flight, so by Little's law its mean latency is clients / throughput (50 / 300 = 167 ms).
 */
export async function runOfferedLoad(url: string, tokens: string[], queries: string[], patientIds: number[], options: { clients: number; seconds: number; rate: number }): Promise<OfferedLoadResult> {
  const random = rng(77);
  const tally = loadTally();
  const interval = (1000 * options.clients) / options.rate;
  const perClient = Math.floor((options.seconds * 1000) / interval);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  const client = async (index: number) => {
    const token = tokens[index % tokens.length]!;
    // Clients start spread over one interval, as workstations would.
    const phase = (index / options.clients) * interval;
    let waiting = 0;
    for (let k = 0; k < perClient; k++) {
      const scheduled = started + phase + k * interval;
      const wait = scheduled - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      // A workstation with this many requests unanswered gives up on the next one (counted as an
      // error, status -1): an overloaded host would otherwise collect an unbounded queue.
      if (waiting >= MAX_WAITING_PER_CLIENT) {
        tally.record(null, false, -1);
        continue;
      }
      waiting++;
      inFlight.push(
        oneRequest(url, token, random, queries, patientIds).then(({ write, status }) => {
          waiting--;
          tally.record(performance.now() - scheduled, write, status);
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  await Promise.all(inFlight);
  return { ...tally.result(options.clients, started), offeredPerSecond: options.rate };
}

/**
 * `clients` loops, each waiting for its answer before the next request (closed loop), for `seconds`.
 * Given several tokens, client i uses tokens[i % n]: one session per workstation, as in a unit, so the
 * per-token rate limit applies to each client rather than to all of them at once.
 */
export async function runLoad(url: string, tokens: string | string[], queries: string[], patientIds: number[], options: { clients: number; seconds: number }): Promise<LoadResult> {
  const random = rng(99);
  const deadline = performance.now() + options.seconds * 1000;
  const tally = loadTally();
  const tokenList = Array.isArray(tokens) ? tokens : [tokens];
  const started = performance.now();
  const client = async (index: number) => {
    const token = tokenList[index % tokenList.length]!;
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const result = await oneRequest(url, token, random, queries, patientIds);
      tally.record(performance.now() - t0, result.write, result.status);
      // Refused by the per-session rate limit (5/s after a burst of 120): wait as told, as the app
      // does, instead of spinning on refusals the host answers in microseconds.
      if (result.status === 429) await new Promise((resolve) => setTimeout(resolve, 1000 * (result.retryAfterSeconds ?? 1)));
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  return tally.result(options.clients, started);
}
