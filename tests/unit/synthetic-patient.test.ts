// The synthetic generator makes people the intake form accepts, whatever the hour: the bench and
// the demo register them through the same contract as the desk.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract } from '../../electron/api';
import { rng, syntheticPatient } from '../../electron/core/synthetic/generate';

afterEach(() => {
  vi.useRealTimers();
});

describe('syntheticPatient', () => {
  // 01:10 UTC is 20:10 of the day before in the unit (UTC−5): the hours when dates taken from the
  // UTC day were "in the future" for intake (arrival today, an eighteenth birthday today).
  it.each(['2026-11-23T01:10:00Z', '2026-11-23T04:59:00Z', '2026-11-23T12:00:00Z', '2026-12-31T23:30:00Z'])('at %s every person passes the registration contract', (instant) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(instant));
    const input = contract['patients.register'].input;
    const random = rng(11);
    const failures: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const patient = { ...syntheticPatient(random, new Date()), documentType: 'CC' as const, documentNumber: String(9_000_000_000 + i) };
      const parsed = input.safeParse({ patient });
      if (!parsed.success) failures.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    }
    expect([...new Set(failures)]).toEqual([]);
  });
});
