// Background lanes give way to the main thread: an export's worker thread runs at niceness 10, a
// report's at 5, the searches and the main thread at 0 (Linux schedules threads one by one).
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

/** Niceness of every thread of this process (field 19 of /proc/self/task/TID/stat). */
function threadNiceness(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    try {
      const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[16]);
    } catch {
      return 0; // the thread ended meanwhile
    }
  });
}

let unit: TestUnit;
beforeAll(async () => {
  unit = await createTestUnit();
});
afterAll(async () => {
  await unit.cleanup();
});

describe.runIf(process.platform === 'linux')('read-only worker threads', () => {
  it('run exports at niceness 10 and reports at 5, the rest of the process at 0', async () => {
    const before = threadNiceness();
    expect(before.every((n) => n === 0)).toBe(true);
    const period = { from: '2026-11-01', to: '2026-11-30', threshold: 5 };
    await unit.ctx.readOnly!.run('exports', 'monthlyReport', period);
    await unit.ctx.readOnly!.run('interactive', 'monthlyReport', period);
    const after = threadNiceness();
    expect(after.filter((n) => n === 10).length).toBeGreaterThanOrEqual(1);
    expect(after.filter((n) => n === 5).length).toBeGreaterThanOrEqual(1);
    expect(after.filter((n) => n !== 0 && n !== 5 && n !== 10)).toEqual([]);
    // The thread answering this test (the main thread) keeps its place.
    expect(Number(readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ')[16])).toBe(0);
  });
});
