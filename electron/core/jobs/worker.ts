// A worker thread with its own READ-ONLY connection to the encrypted database: statistics and
// exports run here so that the main thread (the receptionists' searches) never waits for them.
import { parentPort, workerData } from 'node:worker_threads';
import { createKysely, openEncrypted } from '../../../db/connection';
import { AppError } from '../errors';
import { TASKS, type TaskName } from './tasks';
import { lowerThisThreadPriority } from './thread-priority';

interface Request {
  id: number;
  task: TaskName;
  args: unknown;
}

const { databaseFile, keyHex, niceness } = workerData as { databaseFile: string; keyHex: string; niceness?: number };
lowerThisThreadPriority(niceness ?? 0);
const db = createKysely(openEncrypted(databaseFile, Buffer.from(keyHex, 'hex'), { readonly: true }));

parentPort!.on('message', async (request: Request) => {
  const progress = (fraction: number, message?: string) => parentPort!.postMessage({ id: request.id, progress: fraction, message });
  try {
    const result = await TASKS[request.task](db, request.args, progress);
    parentPort!.postMessage({ id: request.id, result });
  } catch (error) {
    const appError = error instanceof AppError ? { code: error.code, message: error.message, issues: error.issues } : null;
    parentPort!.postMessage({ id: request.id, error: appError ?? { code: 'internal', message: String((error as Error)?.message ?? error) } });
  }
});
