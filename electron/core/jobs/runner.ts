// Runs read-only tasks in worker threads, persistent workers per lane, so that a long export
// never delays the dashboard and neither ever blocks the main thread. The 'search' lane is a pool
// (opt-in on the LAN host): patient searches are most of its work, and on one thread use one core.
import { Worker } from 'node:worker_threads';
import type { ErrorCode, FieldIssue } from '../../api/envelope';
import { AppError } from '../errors';
import type { TaskName } from './tasks';

export type Lane = 'interactive' | 'exports' | 'search';

interface Pending {
  slot: string;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: (fraction: number, message?: string) => void;
}

const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * How far each lane's worker lowers its own priority (thread-priority.ts): exports run for seconds or
 * minutes and nobody watches them; reports are an administrator waiting at a screen; searches are the desk.
 */
const LANE_NICENESS: Record<Lane, number> = { exports: 10, interactive: 5, search: 0 };

function spawn(databaseFile: string, dataKey: Buffer, lane: Lane): Worker {
  const workerData = { databaseFile, keyHex: dataKey.toString('hex'), niceness: LANE_NICENESS[lane] };
  if (FROM_SOURCES) {
    return new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), { workerData: { ...workerData, entry: new URL('./worker.ts', import.meta.url).href } });
  }
  // The packaged main process is one bundle; scripts/build-electron.mjs writes the worker beside it.
  return new Worker(new URL('./readonly-worker.js', import.meta.url), { workerData });
}

export class ReadOnlyRunner {
  /** Workers by slot: "interactive:0", "exports:0", "search:0" … "search:N-1". */
  private readonly workers = new Map<string, Worker>();
  private readonly pending = new Map<number, Pending>();
  /** Tasks in flight per slot, to give a search to the least busy worker of the pool. */
  private readonly load = new Map<string, number>();
  private nextId = 1;

  /**
   * `searchWorkers` > 0 runs patient searches on that many workers (the LAN host); 0 keeps them on the
   * caller's connection (the desktop app, tests).
   */
  constructor(
    private readonly databaseFile: string,
    private readonly dataKey: Buffer,
    readonly searchWorkers = 0,
  ) {}

  /** Tasks queued on the least busy search worker (running included). */
  searchBacklog(): number {
    let least = Infinity;
    for (let i = 0; i < this.searchWorkers; i++) least = Math.min(least, this.load.get(`search:${i}`) ?? 0);
    return least;
  }

  private slotFor(lane: Lane): string {
    if (lane !== 'search') return `${lane}:0`;
    let best = 'search:0';
    let bestLoad = Infinity;
    for (let i = 0; i < Math.max(1, this.searchWorkers); i++) {
      const slot = `search:${i}`;
      const load = this.load.get(slot) ?? 0;
      if (load < bestLoad) [best, bestLoad] = [slot, load];
    }
    return best;
  }

  private worker(slot: string): Worker {
    const existing = this.workers.get(slot);
    if (existing) return existing;
    const worker = spawn(this.databaseFile, this.dataKey, slot.split(':')[0] as Lane);
    worker.on('message', (message: { id: number; progress?: number; message?: string; result?: unknown; error?: { code: ErrorCode; message: string; issues?: FieldIssue[] } }) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      if (message.progress !== undefined) {
        pending.onProgress?.(message.progress, message.message);
        return;
      }
      this.pending.delete(message.id);
      this.load.set(slot, (this.load.get(slot) ?? 1) - 1);
      if (message.error) pending.reject(new AppError(message.error.code, message.error.message, message.error.issues));
      else pending.resolve(message.result);
    });
    // A dead worker fails what it was running; the next task starts a fresh one.
    const fail = (error: unknown) => {
      this.workers.delete(slot);
      this.load.delete(slot);
      for (const [id, pending] of this.pending) {
        if (pending.slot === slot) {
          this.pending.delete(id);
          pending.reject(error instanceof AppError ? error : new AppError('internal', 'El proceso de reportes se detuvo; intente de nuevo.'));
        }
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => code !== 0 && fail(new Error(`worker exited with ${code}`)));
    worker.unref();
    this.workers.set(slot, worker);
    return worker;
  }

  run<T>(lane: Lane, task: TaskName, args: unknown, onProgress?: (fraction: number, message?: string) => void): Promise<T> {
    const id = this.nextId++;
    const slot = this.slotFor(lane);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { slot, resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.load.set(slot, (this.load.get(slot) ?? 0) + 1);
      this.worker(slot).postMessage({ id, task, args });
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.terminate()));
    this.workers.clear();
    this.load.clear();
  }
}
