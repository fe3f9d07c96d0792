// Small-cell suppression: hand cases, then property tests on random tables (issue 5, "What it must show").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertReleasable,
  formatCell,
  recoverableCells,
  rowReduce,
  suppressList,
  suppressTable,
  type CountTable,
  type OutCell,
  type SuppressedTable,
} from '../../electron/core/disclosure/small-cells';

const labels = (n: number) => Array.from({ length: n }, (_, i) => `L${i}`);
const table = (counts: number[][]): CountTable => ({ rowLabels: labels(counts.length), columnLabels: labels(counts[0]?.length ?? 0), counts });
const hidden = (cell: OutCell) => cell.suppressed;
/** The table as text, `<5` for suppressed, the totals as last row and column. */
function render(t: SuppressedTable): string[][] {
  const f = (c: OutCell) => formatCell(c, t.threshold);
  return [...t.cells.map((row, r) => [...row.map(f), f(t.rowTotals[r]!)]), [...t.columnTotals.map(f), f(t.grandTotal)]];
}

/** A released table with the given suppressed positions of the extended grid (last row/column = totals). */
function pattern(rows: number, columns: number, suppressed: [number, number][]): SuppressedTable {
  const hide = new Set(suppressed.map(([r, c]) => `${r},${c}`));
  const cell = (r: number, c: number): OutCell => (hide.has(`${r},${c}`) ? { suppressed: true, value: null, reason: 'primary' } : { suppressed: false, value: 10 });
  return {
    kind: 'table',
    threshold: 5,
    rowLabels: labels(rows),
    columnLabels: labels(columns),
    cells: labels(rows).map((_, r) => labels(columns).map((_, c) => cell(r, c))),
    rowTotals: labels(rows).map((_, r) => cell(r, columns)),
    columnTotals: labels(columns).map((_, c) => cell(rows, c)),
    grandTotal: cell(rows, columns),
  };
}

describe('small cells: hand cases', () => {
  it('the textbook 3×3: one small cell gets complementary suppressions in its row and column', () => {
    const t = suppressTable(table([[20, 3, 15], [12, 18, 9], [14, 22, 30]]));
    expect(render(t)).toEqual([
      ['20', '<5', '<5', '38'],
      ['12', '<5', '<5', '39'],
      ['14', '22', '30', '66'],
      ['46', '43', '54', '143'],
    ]);
    expect(t.cells[0]![1]).toEqual({ suppressed: true, value: null, reason: 'primary' });
    expect(t.cells[1]![2]).toEqual({ suppressed: true, value: null, reason: 'complementary' });
    expect(recoverableCells(t)).toEqual([]);
  });

  it('a row of zeros but one small cell: its total is suppressed with it, and nothing is recoverable', () => {
    const t = suppressTable(table([[0, 0, 3], [10, 12, 8], [7, 9, 11]]));
    expect(t.cells[0]!.map(hidden)).toEqual([false, false, true]);
    expect(t.rowTotals[0]!.suppressed).toBe(true);
    // Zeros are structural and stay released.
    expect(t.cells[0]![0]).toEqual({ suppressed: false, value: 0 });
    expect(recoverableCells(t)).toEqual([]);
  });

  it('a small total is suppressed even when its cells are released zeros elsewhere', () => {
    const t = suppressTable(table([[2, 2, 0], [30, 40, 50]]));
    expect(t.rowTotals[0]!.suppressed).toBe(true);
    expect(t.columnTotals[0]!.suppressed || t.columnTotals[1]!.suppressed).toBe(false);
    expect(recoverableCells(t)).toEqual([]);
  });

  it('a table whose equations all hold two suppressions but which still gives a cell away is repaired', () => {
    // Found by search: the row/column rule alone leaves a "bridge" between two groups of suppressions.
    const t = suppressTable(table([[6, 0, 19, 2], [11, 10, 1, 0], [2, 17, 11, 0]]));
    expect(recoverableCells(t)).toEqual([]);
    expect(render(t)).toEqual([
      ['<5', '0', '19', '<5', '27'],
      ['<5', '<5', '<5', '0', '22'],
      ['<5', '<5', '<5', '0', '30'],
      ['<5', '27', '31', '<5', '79'],
    ]);
  });

  it('a 1×1 table and an all-zero table', () => {
    expect(render(suppressTable(table([[3]])))).toEqual([['<5', '<5'], ['<5', '<5']]);
    expect(render(suppressTable(table([[7]])))).toEqual([['7', '7'], ['7', '7']]);
    expect(render(suppressTable(table([[0, 0], [0, 0]])))).toEqual([['0', '0', '0'], ['0', '0', '0'], ['0', '0', '0']]);
  });

  it('a table with no rows releases its zero totals', () => {
    const t = suppressTable({ rowLabels: [], columnLabels: ['a', 'b'], counts: [] });
    expect(t.columnTotals).toEqual([{ suppressed: false, value: 0 }, { suppressed: false, value: 0 }]);
    expect(recoverableCells(t)).toEqual([]);
  });

  it('a 1-D list: the small count and the smallest other non-zero count are suppressed, the total is released', () => {
    const l = suppressList({ labels: labels(4), counts: [12, 3, 0, 40] });
    expect(l.cells.map((c) => formatCell(c, 5))).toEqual(['<5', '<5', '0', '40']);
    expect(l.total).toEqual({ suppressed: false, value: 55 });
    expect(recoverableCells(l)).toEqual([]);
  });

  it('a 1-D list whose only non-zero count is small: the total is small too', () => {
    const l = suppressList({ labels: labels(3), counts: [0, 3, 0] }, { threshold: 11 });
    expect(l.cells.map((c) => formatCell(c, 11))).toEqual(['0', '<11', '0']);
    expect(formatCell(l.total, 11)).toBe('<11');
    expect(recoverableCells(l)).toEqual([]);
  });

  it('a 1-D list where a zero is the only complement left', () => {
    const l = suppressList({ labels: labels(2), counts: [3, 0] });
    // 3 = total and 3 is small: both hidden; nothing else needed.
    expect(l.cells.map(hidden)).toEqual([true, false]);
    expect(l.total.suppressed).toBe(true);
    expect(recoverableCells(l)).toEqual([]);
  });

  it('rejects thresholds outside 2..11, negative or fractional counts and ragged tables', () => {
    expect(() => suppressTable(table([[1]]), { threshold: 1 })).toThrow(RangeError);
    expect(() => suppressTable(table([[1]]), { threshold: 12 })).toThrow(RangeError);
    expect(() => suppressTable(table([[-1]]))).toThrow(RangeError);
    expect(() => suppressTable(table([[1.5]]))).toThrow(RangeError);
    expect(() => suppressTable({ rowLabels: ['a'], columnLabels: ['x', 'y'], counts: [[1]] })).toThrow(RangeError);
    expect(() => suppressList({ labels: ['a'], counts: [1, 2] })).toThrow(RangeError);
  });

  it('the exporter self-check passes suppressed output and names what is wrong in tampered output', () => {
    const t = suppressTable(table([[20, 3, 15], [12, 18, 9], [14, 22, 30]]));
    expect(() => assertReleasable(t)).not.toThrow();
    const leaked = structuredClone(t);
    leaked.cells[0]![1] = { suppressed: false, value: 3 };
    expect(() => assertReleasable(leaked)).toThrow(/released small count at L0 × L1/);
    const derivable = structuredClone(t);
    derivable.cells[1]![1] = { suppressed: false, value: 18 };
    expect(() => assertReleasable(derivable)).toThrow(/recoverable/);
    const list = suppressList({ labels: ['a', 'b'], counts: [3, 30] });
    expect(() => assertReleasable(list)).not.toThrow();
    expect(() => assertReleasable({ ...list, total: { suppressed: false, value: 4 } })).toThrow(/small total/);
  });

  it('formatCell prints numbers and the threshold marker', () => {
    expect(formatCell({ suppressed: false, value: 0 }, 5)).toBe('0');
    expect(formatCell({ suppressed: false, value: 1234 }, 5)).toBe('1234');
    expect(formatCell({ suppressed: true, value: null, reason: 'complementary' }, 7)).toBe('<7');
  });
});

describe('small cells: the derivability check', () => {
  it('finds a cell alone in its row', () => {
    expect(recoverableCells(pattern(2, 2, [[0, 0]]))).toEqual([{ row: 0, column: 0 }]);
  });

  it('finds a suppressed total alone in the margin', () => {
    expect(recoverableCells(pattern(2, 2, [[0, 2], [2, 2]]))).toEqual([
      { row: 0, column: 'total' },
      { row: 'total', column: 'total' },
    ]);
  });

  it('accepts a rectangle of four suppressions', () => {
    expect(recoverableCells(pattern(3, 3, [[0, 1], [0, 2], [1, 1], [1, 2]]))).toEqual([]);
  });

  it('finds the bridge between two rectangles although every row and column holds two or more suppressions', () => {
    const dumbbell = pattern(4, 4, [[0, 0], [0, 1], [1, 0], [1, 1], [2, 2], [2, 3], [3, 2], [3, 3], [1, 2]]);
    expect(recoverableCells(dumbbell)).toEqual([{ row: 1, column: 2 }]);
  });

  it('a list is safe with two suppressions and unsafe with one', () => {
    const released = (value: number): OutCell => ({ suppressed: false, value });
    const gone: OutCell = { suppressed: true, value: null, reason: 'primary' };
    expect(recoverableCells({ kind: 'list', threshold: 5, labels: labels(3), cells: [gone, released(9), released(8)], total: released(20) })).toEqual([{ index: 0 }]);
    expect(recoverableCells({ kind: 'list', threshold: 5, labels: labels(3), cells: [gone, released(9), released(8)], total: gone })).toEqual([]);
  });

  it('row reduction keeps exact integers', () => {
    expect(rowReduce([[2n, 4n], [1n, 3n]], 2)).toEqual([[1n, 0n], [0n, 1n]]);
    expect(rowReduce([[1n, 1n, 0n], [0n, 1n, 1n], [1n, 2n, 1n]], 3)).toEqual([[1n, 0n, -1n], [0n, 1n, 1n]]);
  });

  /** Independent characterisation: in a table's extended grid, a suppressed entry is determined iff it is a bridge of the bipartite graph rows–columns of suppressed entries. */
  function bridges(rows: number, columns: number, hide: boolean[][]): string[] {
    const edges: [number, number][] = [];
    hide.forEach((row, r) => row.forEach((h, c) => h && edges.push([r, rows + 1 + c])));
    const connected = (skip: number, from: number, to: number) => {
      const seen = new Set([from]);
      const stack = [from];
      while (stack.length) {
        const v = stack.pop()!;
        edges.forEach(([a, b], i) => {
          if (i === skip) return;
          const w = a === v ? b : b === v ? a : -1;
          if (w >= 0 && !seen.has(w)) {
            seen.add(w);
            stack.push(w);
          }
        });
      }
      return seen.has(to);
    };
    return edges.flatMap(([a, b], i) => (connected(i, a, b) ? [] : [`${a},${b - rows - 1}`]));
  }

  it('agrees with the bridge characterisation on random suppression patterns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((rows) =>
          fc.integer({ min: 1, max: 5 }).chain((columns) =>
            fc.tuple(fc.constant(rows), fc.constant(columns), fc.array(fc.array(fc.boolean(), { minLength: columns + 1, maxLength: columns + 1 }), { minLength: rows + 1, maxLength: rows + 1 })),
          ),
        ),
        ([rows, columns, hide]) => {
          const positions = hide.flatMap((row, r) => row.flatMap((h, c) => (h ? [[r, c] as [number, number]] : [])));
          const found = recoverableCells(pattern(rows, columns, positions)).map(({ row, column }) => `${row === 'total' ? rows : row},${column === 'total' ? columns : column}`);
          expect(found.sort()).toEqual(bridges(rows, columns, hide).sort());
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** Counts skewed to small values, where suppression has the most to do. */
const skewedCount = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 20 }) });
const randomTable = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }))
  .chain(([rows, columns]) => fc.array(fc.array(skewedCount, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));
const threshold = fc.integer({ min: 2, max: 11 });

describe('small cells: properties on random tables (1..8 × 1..8, counts 0..20, thresholds 2..11)', () => {
  const runs = { numRuns: 400 };

  it('no released cell or total lies in 1..t−1; suppressed entries carry no value', () => {
    fc.assert(
      fc.property(randomTable, threshold, (counts, t) => {
        const out = suppressTable(table(counts), { threshold: t });
        for (const cell of [...out.cells.flat(), ...out.rowTotals, ...out.columnTotals, out.grandTotal]) {
          if (cell.suppressed) expect(cell.value).toBeNull();
          else expect(cell.value === 0 || cell.value >= t).toBe(true);
        }
      }),
      runs,
    );
  });

  it('every small count is suppressed as primary, and only those', () => {
    fc.assert(
      fc.property(randomTable, threshold, (counts, t) => {
        const out = suppressTable(table(counts), { threshold: t });
        counts.forEach((row, r) =>
          row.forEach((v, c) => {
            const cell = out.cells[r]![c]!;
            expect(cell.suppressed && cell.reason === 'primary').toBe(v >= 1 && v < t);
          }),
        );
      }),
      runs,
    );
  });

  it('no suppressed entry can be recovered from the released numbers', () => {
    fc.assert(
      fc.property(randomTable, threshold, (counts, t) => {
        expect(recoverableCells(suppressTable(table(counts), { threshold: t }))).toEqual([]);
      }),
      runs,
    );
  });

  it('released cells and totals equal the true values', () => {
    fc.assert(
      fc.property(randomTable, threshold, (counts, t) => {
        const out = suppressTable(table(counts), { threshold: t });
        const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
        const check = (cell: OutCell, truth: number) => {
          if (!cell.suppressed) expect(cell.value).toBe(truth);
        };
        counts.forEach((row, r) => {
          row.forEach((v, c) => check(out.cells[r]![c]!, v));
          check(out.rowTotals[r]!, sum(row));
        });
        counts[0]!.forEach((_, c) => check(out.columnTotals[c]!, sum(counts.map((row) => row[c]!))));
        check(out.grandTotal, sum(counts.flat()));
      }),
      runs,
    );
  });

  it('is deterministic: the same counts give the same output', () => {
    fc.assert(
      fc.property(randomTable, threshold, (counts, t) => {
        const out = suppressTable(table(counts), { threshold: t });
        expect(suppressTable(table(counts.map((r) => [...r])), { threshold: t })).toEqual(out);
      }),
      runs,
    );
  });

  it('lists: no released count in 1..t−1, nothing recoverable, released values true', () => {
    fc.assert(
      fc.property(fc.array(skewedCount, { minLength: 1, maxLength: 12 }), threshold, (counts, t) => {
        const out = suppressList({ labels: labels(counts.length), counts }, { threshold: t });
        for (const [i, cell] of out.cells.entries()) {
          if (!cell.suppressed) expect(cell.value).toBe(counts[i]);
          expect(!cell.suppressed && counts[i]! >= 1 && counts[i]! < t).toBe(false);
        }
        const total = counts.reduce((s, v) => s + v, 0);
        if (!out.total.suppressed) expect(out.total.value).toBe(total);
        expect(total >= 1 && total < t && !out.total.suppressed).toBe(false);
        expect(recoverableCells(out)).toEqual([]);
      }),
      runs,
    );
  });
});
