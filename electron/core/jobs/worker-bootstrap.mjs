// Runs a TypeScript worker entry from the sources (tests, `npm run host` through tsx): worker
// threads do not inherit tsx's loader, so it is registered here first. The packaged app runs the
// bundled JavaScript worker instead and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
