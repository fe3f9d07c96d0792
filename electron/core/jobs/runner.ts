// Runs read-only tasks in worker threads, one persistent worker per lane, so that a long export
// never delays the dashboard and neither ever blocks the main thread.
import { Worker } from 'node:worker_threads';
import type { ErrorCode, FieldIssue } from '../../api/envelope';
import { AppError } from '../errors';
import type { TaskName } from './tasks';

export type Lane = 'interactive' | 'exports';

interface Pending {
  lane: Lane;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: (fraction: number, message?: string) => void;
}

const FROM_SOURCES = import.meta.url.endsWith('.ts');

function spawn(databaseFile: string, dataKey: Buffer): Worker {
  const workerData = { databaseFile, keyHex: dataKey.toString('hex') };
  if (FROM_SOURCES) {
    return new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), { workerData: { ...workerData, entry: new URL('./worker.ts', import.meta.url).href } });
  }
  // The packaged main process is one bundle; scripts/build-electron.mjs writes the worker beside it.
  return new Worker(new URL('./readonly-worker.js', import.meta.url), { workerData });
}

export class ReadOnlyRunner {
  private readonly workers = new Map<Lane, Worker>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly databaseFile: string,
    private readonly dataKey: Buffer,
  ) {}

  private worker(lane: Lane): Worker {
    const existing = this.workers.get(lane);
    if (existing) return existing;
    const worker = spawn(this.databaseFile, this.dataKey);
    worker.on('message', (message: { id: number; progress?: number; message?: string; result?: unknown; error?: { code: ErrorCode; message: string; issues?: FieldIssue[] } }) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      if (message.progress !== undefined) {
        pending.onProgress?.(message.progress, message.message);
        return;
      }
      this.pending.delete(message.id);
      if (message.error) pending.reject(new AppError(message.error.code, message.error.message, message.error.issues));
      else pending.resolve(message.result);
    });
    // A dead worker fails what it was running; the next task starts a fresh one.
    const fail = (error: unknown) => {
      this.workers.delete(lane);
      for (const [id, pending] of this.pending) {
        if (pending.lane === lane) {
          this.pending.delete(id);
          pending.reject(error instanceof AppError ? error : new AppError('internal', 'El proceso de reportes se detuvo; intente de nuevo.'));
        }
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => code !== 0 && fail(new Error(`worker exited with ${code}`)));
    worker.unref();
    this.workers.set(lane, worker);
    return worker;
  }

  run<T>(lane: Lane, task: TaskName, args: unknown, onProgress?: (fraction: number, message?: string) => void): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { lane, resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.worker(lane).postMessage({ id, task, args });
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.terminate()));
    this.workers.clear();
  }
}
