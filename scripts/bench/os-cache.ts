// Reads a file through once so that the OS keeps it in its page cache, as it keeps the store of a
// host that has been serving. On this bench machine the kernel reclaims file pages that are idle
// (and the plain copy's 6 GB push the store's out), so phases that followed found most of the store
// on disk and measured the disk. SQLite's own page cache is untouched here (the bench warms the names searches re-rank into it).
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 8 * 1024 * 1024;

/** Answers the seconds it took. */
export function readIntoOsCache(file: string): number {
  const t0 = performance.now();
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(file, 'r');
  try {
    let position = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, position);
      if (read === 0) break;
      position += read;
    }
  } finally {
    closeSync(fd);
  }
  return Math.round((performance.now() - t0) / 100) / 10;
}
