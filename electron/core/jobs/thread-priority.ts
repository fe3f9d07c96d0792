// A worker thread of a background lane gives way to the main thread, which answers the desk: on two
// cores an export, a report and the requests of fifty workstations compete, and the export can wait.
// Linux schedules each thread on its own, so its niceness can be set by its task id (from
// /proc/thread-self). Elsewhere os.setPriority would lower the whole process: nothing is done.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Lowers the calling thread's priority by `niceness` (0–19); answers whether it did. */
export function lowerThisThreadPriority(niceness: number): boolean {
  if (process.platform !== 'linux' || niceness <= 0) return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, Math.min(19, getPriority(tid) + niceness));
    return true;
  } catch {
    return false;
  }
}
