// CPU time the hypervisor took from this VM during a measurement (/proc/stat): on the shared 2-core
// machines the bench runs on it reached a quarter of the CPU time, and runs so taken measure a
// slower machine. Every bench entry point prints it beside its numbers.
import { readFileSync } from 'node:fs';

export type CpuTimes = { total: number; steal: number } | null;

/** The machine's CPU time counters, in seconds; null where /proc/stat is not there. */
export function cpuTimes(): CpuTimes {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0) / 100, steal: (fields[7] ?? 0) / 100 };
  } catch {
    return null;
  }
}

/** CPU time stolen between two readings, in seconds and as a share of the machine's CPU time. */
export function stealDuring(start: CpuTimes, end: CpuTimes): { stealSeconds?: number; stealPercent?: number } {
  if (!start || !end || end.total <= start.total) return {};
  const steal = end.steal - start.steal;
  return { stealSeconds: Math.round(steal), stealPercent: Math.round((1000 * steal) / (end.total - start.total)) / 10 };
}
