// Reads this thread has asked of the OS (Linux: /proc/thread-self/io "syscr"). SQLite reads a page
// that is not in its page cache with one pread, so the count across a search is the pages it missed:
// on the encrypted store each is also decrypted and its HMAC checked. Null where /proc is absent.
// The thread's own count, not the process's: the checkpoint worker reads WAL frames meanwhile
// (copying a registration burst's WAL read 50–260 pages over a few registrations, counted as theirs).
import { readFileSync } from 'node:fs';

function readCalls(): number | null {
  try {
    const match = /^syscr:\s*(\d+)$/m.exec(readFileSync('/proc/thread-self/io', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** The read calls that reading the counter itself makes (readFileSync reads /proc until EOF). */
const OWN_CALLS = (() => {
  const a = readCalls();
  const b = readCalls();
  return a === null || b === null ? 0 : b - a;
})();

/** Starts counting; the answer counts the reads since, without the counter's own. */
export function countReads(): () => number | null {
  const start = readCalls();
  return () => {
    const now = readCalls();
    return start === null || now === null ? null : now - start - OWN_CALLS;
  };
}
