// Timing helpers for the benchmark: percentiles over samples in milliseconds.
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  /**
   * The median in whole microseconds, for ratios: p50 is rounded to 0.01 ms, which for an exact
   * document (0.13 ms) moved a ratio by up to 8% (runs before 2026-11-23 22:48 divided rounded p50s).
   */
  p50Us: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  const p50 = percentile(sorted, 50);
  return { n: sorted.length, p50: round(p50), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), p50Us: Math.round(p50 * 1000) };
}

/** Runs `fn` for every input, after `warmup` untimed runs; answers the latencies in ms. `between` is awaited after each, untimed. */
export async function timeEach<T>(inputs: T[], fn: (input: T) => Promise<unknown> | unknown, warmup = 5, between?: () => Promise<void>): Promise<number[]> {
  for (const input of inputs.slice(0, warmup)) await fn(input);
  const out: number[] = [];
  for (const input of inputs) {
    const t0 = performance.now();
    await fn(input);
    out.push(performance.now() - t0);
    if (between) await between();
  }
  return out;
}

/**
 * One turn of the event loop, as between two requests on the host or two IPC calls in the app:
 * what the code defers (setImmediate, a worker's messages) runs here. A loop of awaits alone never
 * lets it, since its promises settle as microtasks.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function seconds<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, seconds: Math.round((performance.now() - t0) / 10) / 100 };
}
