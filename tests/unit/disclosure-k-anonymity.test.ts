// k-anonymity of de-identified rows: hand cases, then properties on random row sets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS } from '../../electron/api/codes';
import { departmentOf } from '../../electron/core/disclosure/generalise';
import { kAnonymise, minimumClassSize, type KRow } from '../../electron/core/disclosure/k-anonymity';

interface Row extends KRow {
  id: number;
  month: string;
}

let nextId = 0;
function rows(count: number, person: (i: number) => string, qi: Partial<KRow> = {}): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    id: nextId++,
    month: '2026-11',
    person: person(i),
    ageBand: '18-29',
    sex: 'F',
    nationality: 'VEN',
    populationGroup: 'in_destination',
    place: '54001',
    ...qi,
  }));
}
const people = (prefix: string) => (i: number) => `${prefix}${i}`;

/** Distinct people per class, counted independently of the module. */
function classSizes(out: readonly KRow[]): number[] {
  const classes = new Map<string, Set<string>>();
  for (const r of out) {
    const key = [r.ageBand, r.sex, r.nationality, r.populationGroup, r.place].join('|');
    classes.set(key, (classes.get(key) ?? new Set()).add(r.person));
  }
  return [...classes.values()].map((s) => s.size);
}

describe('k-anonymity: hand cases', () => {
  it('keeps a class of five people at municipality level', () => {
    const { rows: out, report } = kAnonymise(rows(5, people('p')));
    expect(out.map((r) => r.place)).toEqual(['54001', '54001', '54001', '54001', '54001']);
    expect(report).toEqual({ target: 5, k: 5, rowsIn: 5, rowsOut: 5, generalised: 0, suppressed: 0, personsIn: 5, personsOut: 5 });
  });

  it('counts people, not rows: ten sessions of two people are suppressed', () => {
    const { rows: out, report } = kAnonymise(rows(10, (i) => `p${i % 2}`));
    expect(out).toEqual([]);
    expect(report).toMatchObject({ k: null, rowsIn: 10, rowsOut: 0, suppressed: 10, generalised: 0, personsOut: 0 });
  });

  it('generalises two small municipality classes into one department class that reaches k', () => {
    const input = [...rows(3, people('a'), { place: '54001' }), ...rows(2, people('b'), { place: '54003' })];
    const { rows: out, report } = kAnonymise(input);
    expect(out.map((r) => r.place)).toEqual(['54', '54', '54', '54', '54']);
    expect(out.map((r) => r.id)).toEqual(input.map((r) => r.id));
    expect(report).toMatchObject({ k: 5, rowsOut: 5, generalised: 5, suppressed: 0 });
  });

  it('leaves a large class alone and suppresses a small one that stays small in its department', () => {
    const input = [...rows(6, people('a'), { place: '54001' }), ...rows(2, people('b'), { place: '54003' })];
    const { rows: out, report } = kAnonymise(input);
    expect(out.map((r) => r.place)).toEqual(Array(6).fill('54001'));
    expect(report).toMatchObject({ k: 6, rowsIn: 8, rowsOut: 6, generalised: 0, suppressed: 2 });
  });

  it('joins generalised rows with rows that were at department level already', () => {
    const input = [...rows(3, people('a'), { place: '54' }), ...rows(2, people('b'), { place: '54874' })];
    const { rows: out, report } = kAnonymise(input);
    expect(out.map((r) => r.place)).toEqual(Array(5).fill('54'));
    expect(report).toMatchObject({ k: 5, generalised: 2, suppressed: 0 });
  });

  it('does not modify its input, and other quasi-identifiers separate classes', () => {
    const input = [...rows(5, people('a'), { sex: 'F' }), ...rows(4, people('b'), { sex: 'M' })];
    const copy = structuredClone(input);
    const { report } = kAnonymise(input, { k: 5 });
    expect(input).toEqual(copy);
    expect(report).toMatchObject({ k: 5, rowsOut: 5, suppressed: 4 });
    expect(kAnonymise(input, { k: 4 }).report).toMatchObject({ k: 4, rowsOut: 9 });
  });

  it('reports k as null for an empty input and refuses k below 2 or missing person keys', () => {
    expect(kAnonymise([]).report).toEqual({ target: 5, k: null, rowsIn: 0, rowsOut: 0, generalised: 0, suppressed: 0, personsIn: 0, personsOut: 0 });
    expect(minimumClassSize([])).toBeNull();
    expect(() => kAnonymise([], { k: 1 })).toThrow(RangeError);
    expect(() => kAnonymise([], { k: 2.5 })).toThrow(RangeError);
    expect(() => kAnonymise(rows(1, () => ''))).toThrow(RangeError);
  });
});

/** A common value most of the time, so that classes of every size occur (all kept, some generalised, all dropped). */
const mostly = <T,>(common: T, ...rest: T[]) => fc.oneof({ weight: 4, arbitrary: fc.constant(common) }, { weight: 1, arbitrary: fc.constantFrom(...rest) });
const randomRows = fc.array(
  fc.record({
    person: fc.integer({ min: 1, max: 60 }).map((n) => `P${n}`),
    ageBand: mostly<string>('18-29', ...AGE_BANDS.filter((b) => b !== '18-29')),
    sex: fc.constantFrom('F', 'M'),
    nationality: mostly('VEN', 'COL', 'ECU'),
    populationGroup: mostly('in_destination', 'pendular', 'host_community'),
    place: mostly('54001', '54003', '54498', '54874', '68001', '54', '68'),
    month: fc.constantFrom('2026-10', '2026-11'),
  }),
  { maxLength: 400, size: 'max' },
);

describe('k-anonymity: properties on random row sets', () => {
  const runs = { numRuns: 150 };
  const withIds = (rs: Omit<Row, 'id'>[]): Row[] => rs.map((r, id) => ({ ...r, id }));

  it('the generator reaches every outcome: rows kept as they are, generalised and kept, suppressed', () => {
    const reports = fc.sample(fc.tuple(randomRows, fc.integer({ min: 2, max: 8 })), { numRuns: 100, seed: 1 }).map(([rs, k]) => kAnonymise(rs, { k }).report);
    expect(reports.some((r) => r.rowsOut > r.generalised)).toBe(true);
    expect(reports.some((r) => r.generalised > 0)).toBe(true);
    expect(reports.some((r) => r.suppressed > 0)).toBe(true);
  });

  it('every class of the output has at least k distinct people, and the report says so', () => {
    fc.assert(
      fc.property(randomRows, fc.integer({ min: 2, max: 8 }), (rs, k) => {
        const { rows: out, report } = kAnonymise(withIds(rs), { k });
        const sizes = classSizes(out);
        for (const size of sizes) expect(size).toBeGreaterThanOrEqual(k);
        expect(report.k).toBe(sizes.length ? Math.min(...sizes) : null);
        expect(minimumClassSize(out)).toBe(report.k);
      }),
      runs,
    );
  });

  it('rows are only generalised or dropped, in their order, never otherwise altered', () => {
    fc.assert(
      fc.property(randomRows, fc.integer({ min: 2, max: 8 }), (rs, k) => {
        const input = withIds(rs);
        const { rows: out } = kAnonymise(input, { k });
        const ids = out.map((r) => r.id);
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
        // Collect the differences and assert once: an expect per row would dominate the run time.
        const altered = out.filter((row) => {
          const original = input[row.id]!;
          const generalised = original.place.length === 5 ? departmentOf(original.place) : original.place;
          return JSON.stringify({ ...row, place: original.place }) !== JSON.stringify(original) || (row.place !== original.place && row.place !== generalised);
        });
        expect(altered).toEqual([]);
      }),
      runs,
    );
  });

  it('the counts of the report match the rows', () => {
    fc.assert(
      fc.property(randomRows, fc.integer({ min: 2, max: 8 }), (rs, k) => {
        const input = withIds(rs);
        const { rows: out, report } = kAnonymise(input, { k });
        expect(report.target).toBe(k);
        expect(report.rowsIn).toBe(input.length);
        expect(report.rowsOut).toBe(out.length);
        expect(report.suppressed).toBe(input.length - out.length);
        expect(report.generalised).toBe(out.filter((r) => r.place !== input[r.id]!.place).length);
        expect(report.personsIn).toBe(new Set(input.map((r) => r.person)).size);
        expect(report.personsOut).toBe(new Set(out.map((r) => r.person)).size);
      }),
      runs,
    );
  });

  it('rows of classes that already had k people pass through untouched', () => {
    fc.assert(
      fc.property(randomRows, fc.integer({ min: 2, max: 8 }), (rs, k) => {
        const input = withIds(rs);
        const sizeOf = new Map<string, Set<string>>();
        const key = (r: KRow) => [r.ageBand, r.sex, r.nationality, r.populationGroup, r.place].join('|');
        for (const r of input) sizeOf.set(key(r), (sizeOf.get(key(r)) ?? new Set()).add(r.person));
        const out = new Map(kAnonymise(input, { k }).rows.map((r) => [r.id, r]));
        const touched = input.filter((r) => sizeOf.get(key(r))!.size >= k && JSON.stringify(out.get(r.id)) !== JSON.stringify(r));
        expect(touched).toEqual([]);
      }),
      runs,
    );
  });
});
