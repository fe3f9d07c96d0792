// WAL checkpoints off the request path (issue 7). SQLite checkpoints automatically inside the commit
// that takes the WAL past 1,000 pages: at a million patients that commit copied ~1,000 encrypted pages
// into the database file and synced it, 12–31 ms during which the LAN host's single thread answered
// nobody (one registration in ~35 paid for it; at 300 requests/s, every request queued behind it).
// Here a worker thread with its own connection checkpoints a few times a second
// (PASSIVE: it never waits for, nor blocks, the writer or the readers), on the second core. The
// store's connection keeps a large automatic checkpoint as a backstop, should the worker stop.
// The worker is plain JavaScript (eval), as db/backup-snapshot.ts, so that it runs the same under
// tsx, vitest and the esbuild bundle.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { RawDatabase } from './connection';

/** How often the worker checkpoints. */
export const CHECKPOINT_EVERY_MS = 250;
/** The store connection's own automatic checkpoint while the worker runs: 16,384 pages (64 MB of WAL). */
export const BACKSTOP_PAGES = 16_384;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("cipher='sqlcipher'");
db.pragma('legacy=4');
db.pragma('key="x\\'' + workerData.keyHex + '\\'"');
db.pragma('cache_size=-2048');
db.pragma('synchronous=FULL');
db.pragma('wal_autocheckpoint=0');
const checkpoint = () => {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ type: 'checkpoint', ...row });
  } catch (error) {
    parentPort.postMessage({ type: 'failed', message: String(error && error.message) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

export interface CheckpointStats {
  /** Checkpoints run by the worker. */
  runs: number;
  /** WAL frames (pages) copied into the database file by them. */
  pages: number;
  failures: number;
  lastError: string | null;
}

export interface Checkpointer {
  stats(): CheckpointStats;
  stop(): Promise<void>;
}

export function startCheckpointer(raw: RawDatabase, file: string, dataKey: Buffer, everyMs = CHECKPOINT_EVERY_MS): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, keyHex: dataKey.toString('hex'), everyMs } });
  const stats: CheckpointStats = { runs: 0, pages: 0, failures: 0, lastError: null };
  let lastCheckpointed = 0;
  worker.on('message', (message: { type: 'checkpoint'; log: number; checkpointed: number } | { type: 'failed'; message: string }) => {
    if (message.type === 'failed') {
      stats.failures += 1;
      stats.lastError = message.message;
      return;
    }
    stats.runs += 1;
    // `checkpointed` counts from the start of the WAL, which restarts after a complete checkpoint.
    stats.pages += message.checkpointed >= lastCheckpointed ? message.checkpointed - lastCheckpointed : message.checkpointed;
    lastCheckpointed = message.checkpointed;
  });
  // A worker that dies leaves the backstop in charge: the store's connection checkpoints itself again.
  const backstop = () => raw.open && raw.pragma('wal_autocheckpoint=1000');
  let exited = false;
  worker.on('error', (error) => {
    stats.failures += 1;
    stats.lastError = error.message;
    backstop();
  });
  worker.on('exit', () => {
    exited = true;
    backstop();
  });
  worker.unref();
  raw.pragma(`wal_autocheckpoint=${BACKSTOP_PAGES}`);
  return {
    stats: () => ({ ...stats }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        worker.once('exit', () => resolve());
        // Held until it has closed its connection, so that the store's closes last.
        worker.ref();
        worker.postMessage('stop');
      }),
  };
}
