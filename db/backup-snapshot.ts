// A consistent, encrypted snapshot of the live database, taken in a worker thread.
//
// Why VACUUM INTO and not the online backup API: better-sqlite3's db.backup() opens the
// destination itself, without a key, and SQLite3MultipleCiphers refuses to copy an encrypted
// database into an unkeyed one ("backup is not supported with incompatible source and target
// databases"), even when the destination was created beforehand as a keyed database. VACUUM INTO
// on a keyed connection writes the copy encrypted with the same cipher and key, as one read
// transaction: a snapshot that never blocks writers (WAL) and never exists in clear on disk.
//
// Why a worker: VACUUM INTO and integrity_check are single synchronous statements; off the main
// thread they cannot stall the host's requests. The worker is plain JavaScript (eval) so that it
// runs the same under tsx, vitest and the esbuild bundle, without a TypeScript loader.
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { StoreError } from './errors';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const Database = require(workerData.driver);
function open(file) {
  const db = new Database(file, { fileMustExist: true, readonly: true });
  try {
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    db.pragma('key="x\\'' + workerData.keyHex + '\\'"');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    throw error;
  }
  db.pragma('temp_store=MEMORY');
  db.pragma('busy_timeout=5000');
  return db;
}
const source = open(workerData.source);
try {
  const pages = source.pragma('page_count', { simple: true }) - source.pragma('freelist_count', { simple: true });
  parentPort.postMessage({ type: 'copying', expectedBytes: pages * source.pragma('page_size', { simple: true }) });
  source.prepare('VACUUM INTO ?').run(workerData.target);
} finally {
  source.close();
}
parentPort.postMessage({ type: 'checking' });
const copy = open(workerData.target);
let integrity;
try {
  integrity = copy.pragma('integrity_check').map((row) => String(Object.values(row)[0]));
} finally {
  copy.close();
}
const fd = fs.openSync(workerData.target, 'r+');
const hash = crypto.createHash('sha256');
const chunk = Buffer.alloc(1 << 20);
let bytes = 0;
for (;;) {
  const n = fs.readSync(fd, chunk, 0, chunk.length, bytes);
  if (n === 0) break;
  hash.update(chunk.subarray(0, n));
  bytes += n;
}
fs.fsyncSync(fd);
fs.closeSync(fd);
parentPort.postMessage({ type: 'done', integrity, bytes, sha256: hash.digest('hex') });
`;

export interface SnapshotResult {
  /** integrity_check of the copy, opened with the key: ['ok'] when sound. */
  integrity: string[];
  bytes: number;
  sha256: string;
}

type WorkerMessage =
  | { type: 'copying'; expectedBytes: number }
  | { type: 'checking' }
  | { type: 'done'; integrity: string[]; bytes: number; sha256: string };

/** Share of the progress bar given to the copy; integrity_check and hashing take the rest. */
const COPY_SHARE = 0.8;

/**
 * Writes a snapshot of `source` (opened read-only with `dataKey`) to `target`, which must not
 * exist, checks its integrity with the same key and fsyncs it. Progress goes from 0 to 0.95;
 * the caller reports 1 once the file is in place.
 */
export function snapshotDatabase(source: string, target: string, dataKey: Buffer, onProgress: (fraction: number) => void = () => {}): Promise<SnapshotResult> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, source, target, keyHex: dataKey.toString('hex') } });
  let expectedBytes = 0;
  let poll: NodeJS.Timeout | undefined;
  const stopPolling = () => {
    if (poll) clearInterval(poll);
    poll = undefined;
  };
  onProgress(0);
  return new Promise<SnapshotResult>((resolve, reject) => {
    let result: SnapshotResult | null = null;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'copying') {
        expectedBytes = message.expectedBytes;
        poll = setInterval(() => {
          const written = sizeOf(target);
          if (expectedBytes > 0) onProgress(Math.min(COPY_SHARE, (written / expectedBytes) * COPY_SHARE));
        }, 100);
        poll.unref();
      } else if (message.type === 'checking') {
        stopPolling();
        onProgress(COPY_SHARE);
      } else {
        onProgress(0.95);
        result = { integrity: message.integrity, bytes: message.bytes, sha256: message.sha256 };
      }
    });
    worker.on('error', (error) => {
      stopPolling();
      reject(new StoreError('backup_failed', `No se pudo copiar la base de datos: ${error.message}. La copia incompleta se descarta.`));
    });
    worker.on('exit', (code) => {
      stopPolling();
      if (result) resolve(result);
      else reject(new StoreError('backup_failed', `La copia de seguridad se interrumpió (código ${code}). La copia incompleta se descarta.`));
    });
  });
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
