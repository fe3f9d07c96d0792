// Cell suppression for aggregate tables (ARCHITECTURE.md "re-identification from statistics",
// issue 5 item 4). Counts from 1 to threshold−1 are never released; complementary suppressions
// make sure no suppressed value can be solved for exactly from the released numbers and the
// table's row and column equations. Pure: no I/O.
//
// Limits, on purpose: protection is against exact solving of the linear equations over the
// rationals. Bounds are not considered: an attacker who adds non-negativity, or reads `<5` as
// "between 1 and 4", may narrow a suppressed value to an interval, and in rare patterns to a
// single value. Each table is protected on its own; tables sharing cells or totals are not
// audited together. Every suppressed entry shows the same marker, so readers cannot tell
// complementary suppressions (any size) from primary ones.

export const DEFAULT_THRESHOLD = 5;
export const MIN_THRESHOLD = 2;
export const MAX_THRESHOLD = 11;

export type SuppressionReason = 'primary' | 'complementary';
/** A released number, or a suppressed one whose value is deliberately not carried along. */
export type OutCell = { suppressed: false; value: number } | { suppressed: true; value: null; reason: SuppressionReason };

export interface CountTable {
  rowLabels: readonly string[];
  columnLabels: readonly string[];
  /** counts[row][column], non-negative integers. */
  counts: readonly (readonly number[])[];
}

export interface CountList {
  labels: readonly string[];
  counts: readonly number[];
}

export interface SuppressionOptions {
  /** Counts 1..threshold−1 are suppressed; 2..11, default 5. */
  threshold?: number;
}

export interface SuppressedTable {
  kind: 'table';
  threshold: number;
  rowLabels: string[];
  columnLabels: string[];
  cells: OutCell[][];
  rowTotals: OutCell[];
  columnTotals: OutCell[];
  grandTotal: OutCell;
}

export interface SuppressedList {
  kind: 'list';
  threshold: number;
  labels: string[];
  cells: OutCell[];
  total: OutCell;
}

/** A position in a table's output; 'total' names the margin. */
export type Index = number | 'total';
export interface TableRef {
  row: Index;
  column: Index;
}
export interface ListRef {
  index: Index;
}

/**
 * Every entry (cells and totals) is numbered; an equation says sum(members) = total.
 * A table of R×C is laid out as the extended grid (R+1)×(C+1) whose last row and column
 * are the margins, so each entry lies in exactly one row equation and one column equation.
 */
interface Layout {
  size: number;
  equations: { members: number[]; total: number }[];
  /** The equations each entry takes part in. */
  equationsOf: number[][];
  isTotal: boolean[];
}

function tableLayout(rows: number, columns: number): Layout {
  const width = columns + 1;
  const size = (rows + 1) * width;
  const id = (r: number, c: number) => r * width + c;
  const equations: Layout['equations'] = [];
  for (let r = 0; r <= rows; r++) equations.push({ members: range(columns).map((c) => id(r, c)), total: id(r, columns) });
  for (let c = 0; c <= columns; c++) equations.push({ members: range(rows).map((r) => id(r, c)), total: id(rows, c) });
  const isTotal = range(size).map((i) => Math.floor(i / width) === rows || i % width === columns);
  return { size, equations, equationsOf: equationsOf(size, equations), isTotal };
}

function listLayout(length: number): Layout {
  const equations = [{ members: range(length), total: length }];
  const size = length + 1;
  return { size, equations, equationsOf: equationsOf(size, equations), isTotal: range(size).map((i) => i === length) };
}

function equationsOf(size: number, equations: Layout['equations']): number[][] {
  const of: number[][] = range(size).map(() => []);
  equations.forEach((eq, e) => {
    for (const m of [...eq.members, eq.total]) of[m]!.push(e);
  });
  return of;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function checkThreshold(threshold: number): number {
  if (!Number.isInteger(threshold) || threshold < MIN_THRESHOLD || threshold > MAX_THRESHOLD) {
    throw new RangeError(`threshold must be an integer from ${MIN_THRESHOLD} to ${MAX_THRESHOLD}, got ${threshold}`);
  }
  return threshold;
}

function checkCount(value: number, where: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${where}: counts are non-negative integers, got ${value}`);
  return value;
}

type State = (SuppressionReason | null)[];

/**
 * Primary suppression, then complementary suppression until no suppressed entry is a unique
 * solution of the equations. Returns the reason per entry (null = released).
 */
function suppressEntries(values: readonly number[], layout: Layout, threshold: number, grid: { rows: number; columns: number } | null): State {
  const state: State = values.map((v) => (v >= 1 && v < threshold ? 'primary' : null));
  const suppressedIn = (e: number) => {
    const eq = layout.equations[e]!;
    return [...eq.members, eq.total].filter((m) => state[m] !== null);
  };

  for (;;) {
    // The rule of the issue: an equation with exactly one suppressed entry would give it away.
    let changed = true;
    while (changed) {
      changed = false;
      layout.equations.forEach((eq, e) => {
        const hidden = suppressedIn(e);
        if (hidden.length !== 1) return;
        const released = eq.members.filter((m) => state[m] === null);
        const pick = released.length > 0 ? cheapest(released, values, layout, (m) => crossingNeedsOne(m, e)) : eq.total;
        state[pick] = 'complementary';
        changed = true;
      });
    }
    const recoverable = determinedEntries(layout, state);
    if (recoverable.length === 0) return state;
    // Every equation holding two or more suppressions is not enough: an entry joining two
    // otherwise separate groups of suppressions (a "bridge") can still be solved for, which
    // the random tables hit in about 3% of cases. Only tables get here: a list's single
    // equation is safe once it holds two suppressions.
    if (!grid) throw new Error('internal: a list with two suppressions cannot have a recoverable entry');
    state[bridgeComplement(recoverable[0]!, values, layout, state, grid)] = 'complementary';
  }

  function crossingNeedsOne(entry: number, from: number): boolean {
    // Prefer, among equal values, an entry that also completes another equation holding one suppression.
    return layout.equationsOf[entry]!.some((e) => e !== from && suppressedIn(e).length === 1);
  }
}

/** Cells before totals; smallest non-zero value first, then zeros; ties go to `preferred`, then the lowest position. */
function cheapest(candidates: readonly number[], values: readonly number[], layout: Layout, preferred: (entry: number) => boolean): number {
  const key = (m: number) => [layout.isTotal[m] ? 1 : 0, values[m] === 0 ? 1 : 0, values[m]!, preferred(m) ? 0 : 1, m];
  return [...candidates].sort((a, b) => compareKeys(key(a), key(b)))[0]!;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * In a table, suppressed entries are the edges of a bipartite graph between row and column
 * equations, and an entry is determined exactly when its edge lies on no cycle. Removing the
 * edge splits the graph in two sides; suppressing one released entry that joins the two sides
 * closes a cycle through it.
 */
function bridgeComplement(entry: number, values: readonly number[], layout: Layout, state: State, grid: { rows: number; columns: number }): number {
  const width = grid.columns + 1;
  const height = grid.rows + 1;
  // Vertices: rows 0..height−1, then columns height..height+width−1.
  const adjacency: number[][] = range(height + width).map(() => []);
  for (let i = 0; i < layout.size; i++) {
    if (state[i] === null || i === entry) continue;
    const r = Math.floor(i / width);
    const c = height + (i % width);
    adjacency[r]!.push(c);
    adjacency[c]!.push(r);
  }
  const side = new Array<boolean>(height + width).fill(false);
  const stack = [Math.floor(entry / width)];
  side[stack[0]!] = true;
  while (stack.length > 0) {
    for (const next of adjacency[stack.pop()!]!) {
      if (!side[next]) {
        side[next] = true;
        stack.push(next);
      }
    }
  }
  if (side[height + (entry % width)]) throw new Error('internal: a determined entry must be a bridge of the suppression graph');
  const candidates = range(layout.size).filter((i) => state[i] === null && side[Math.floor(i / width)] !== side[height + (i % width)]);
  if (candidates.length === 0) throw new Error('internal: no released entry joins the two sides of a bridge');
  return cheapest(candidates, values, layout, () => false);
}

/**
 * Suppressed entries whose value follows uniquely from the equations, with the released
 * values as constants: row-reduce the equations restricted to the suppressed variables (exact
 * integer arithmetic) and look for a unit vector among the reduced rows. Only which entries are
 * suppressed matters, not the released values: a consistent linear system determines a
 * variable or not whatever its right-hand side.
 */
function determinedEntries(layout: Layout, state: State): number[] {
  const variables = range(layout.size).filter((i) => state[i] !== null);
  if (variables.length === 0) return [];
  const column = new Map(variables.map((v, j) => [v, j]));
  const matrix: bigint[][] = [];
  for (const eq of layout.equations) {
    const row = new Array<bigint>(variables.length).fill(0n);
    for (const m of eq.members) if (column.has(m)) row[column.get(m)!]! += 1n;
    if (column.has(eq.total)) row[column.get(eq.total)!]! -= 1n;
    if (row.some((x) => x !== 0n)) matrix.push(row);
  }
  const reduced = rowReduce(matrix, variables.length);
  const determined: number[] = [];
  for (const row of reduced) {
    const nonZero = row.flatMap((x, j) => (x !== 0n ? [j] : []));
    if (nonZero.length === 1) determined.push(variables[nonZero[0]!]!);
  }
  return determined.sort((a, b) => a - b);
}

/**
 * Fraction-free Gauss–Jordan elimination: every pivot column ends up non-zero only in its pivot
 * row. Then e_j is in the row space iff some reduced row is a multiple of e_j (its coordinates
 * on the pivot columns force the combination to be that row alone).
 */
export function rowReduce(input: readonly (readonly bigint[])[], columns: number): bigint[][] {
  const rows = input.map((r) => [...r]);
  let pivotRow = 0;
  for (let col = 0; col < columns && pivotRow < rows.length; col++) {
    const found = rows.findIndex((r, i) => i >= pivotRow && r[col] !== 0n);
    if (found < 0) continue;
    [rows[pivotRow], rows[found]] = [rows[found]!, rows[pivotRow]!];
    const pivot = rows[pivotRow]!;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (i === pivotRow || row[col] === 0n) continue;
      const a = pivot[col]!;
      const b = row[col]!;
      rows[i] = normalise(row.map((x, k) => x * a - pivot[k]! * b));
    }
    pivotRow++;
  }
  return rows.slice(0, pivotRow);
}

function normalise(row: bigint[]): bigint[] {
  let g = 0n;
  for (const x of row) g = gcd(g, x < 0n ? -x : x);
  return g > 1n ? row.map((x) => x / g) : row;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function outCell(value: number, reason: SuppressionReason | null): OutCell {
  return reason === null ? { suppressed: false, value } : { suppressed: true, value: null, reason };
}

/** Suppresses a rows × columns table with its row, column and grand totals. */
export function suppressTable(table: CountTable, options: SuppressionOptions = {}): SuppressedTable {
  const threshold = checkThreshold(options.threshold ?? DEFAULT_THRESHOLD);
  const rows = table.rowLabels.length;
  const columns = table.columnLabels.length;
  if (table.counts.length !== rows) throw new RangeError(`${rows} row labels but ${table.counts.length} rows of counts`);
  table.counts.forEach((row, r) => {
    if (row.length !== columns) throw new RangeError(`row ${r} has ${row.length} counts, expected ${columns}`);
    row.forEach((v, c) => checkCount(v, `cell [${r}][${c}]`));
  });
  const width = columns + 1;
  const values = new Array<number>((rows + 1) * width).fill(0);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const v = table.counts[r]![c]!;
      values[r * width + c] = v;
      values[r * width + columns]! += v;
      values[rows * width + c]! += v;
      values[rows * width + columns]! += v;
    }
  }
  const state = suppressEntries(values, tableLayout(rows, columns), threshold, { rows, columns });
  const at = (r: number, c: number) => outCell(values[r * width + c]!, state[r * width + c]!);
  return {
    kind: 'table',
    threshold,
    rowLabels: [...table.rowLabels],
    columnLabels: [...table.columnLabels],
    cells: range(rows).map((r) => range(columns).map((c) => at(r, c))),
    rowTotals: range(rows).map((r) => at(r, columns)),
    columnTotals: range(columns).map((c) => at(rows, c)),
    grandTotal: at(rows, columns),
  };
}

/** Suppresses a one-way list of counts with its total (one equation: the counts add up to the total). */
export function suppressList(list: CountList, options: SuppressionOptions = {}): SuppressedList {
  const threshold = checkThreshold(options.threshold ?? DEFAULT_THRESHOLD);
  if (list.counts.length !== list.labels.length) throw new RangeError(`${list.labels.length} labels but ${list.counts.length} counts`);
  list.counts.forEach((v, i) => checkCount(v, `count [${i}]`));
  const values = [...list.counts, list.counts.reduce((s, v) => s + v, 0)];
  const state = suppressEntries(values, listLayout(list.counts.length), threshold, null);
  return {
    kind: 'list',
    threshold,
    labels: [...list.labels],
    cells: list.counts.map((v, i) => outCell(v, state[i]!)),
    total: outCell(values[list.counts.length]!, state[list.counts.length]!),
  };
}

/**
 * The suppressed entries of a released table or list that the row and column equations
 * determine uniquely. The exporter writes nothing unless this is empty.
 */
export function recoverableCells(result: SuppressedTable): TableRef[];
export function recoverableCells(result: SuppressedList): ListRef[];
export function recoverableCells(result: SuppressedTable | SuppressedList): TableRef[] | ListRef[];
export function recoverableCells(result: SuppressedTable | SuppressedList): TableRef[] | ListRef[] {
  const reason = (cell: OutCell) => (cell.suppressed ? cell.reason : null);
  if (result.kind === 'list') {
    const n = result.cells.length;
    const state = [...result.cells.map(reason), reason(result.total)];
    return determinedEntries(listLayout(n), state).map((i): ListRef => ({ index: i === n ? 'total' : i }));
  }
  const rows = result.rowLabels.length;
  const columns = result.columnLabels.length;
  if (result.cells.length !== rows || result.cells.some((r) => r.length !== columns) || result.rowTotals.length !== rows || result.columnTotals.length !== columns) {
    throw new RangeError('cells and totals do not match the labels');
  }
  const width = columns + 1;
  const state: State = new Array<SuppressionReason | null>((rows + 1) * width).fill(null);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) state[r * width + c] = reason(result.cells[r]![c]!);
    state[r * width + columns] = reason(result.rowTotals[r]!);
  }
  for (let c = 0; c < columns; c++) state[rows * width + c] = reason(result.columnTotals[c]!);
  state[rows * width + columns] = reason(result.grandTotal);
  return determinedEntries(tableLayout(rows, columns), state).map((i): TableRef => {
    const r = Math.floor(i / width);
    const c = i % width;
    return { row: r === rows ? 'total' : r, column: c === columns ? 'total' : c };
  });
}

/**
 * The self-check an exporter runs on the table it is about to write: throws, naming the
 * entries, if a released number lies in 1..threshold−1 or a suppressed one can be recovered.
 */
export function assertReleasable(result: SuppressedTable | SuppressedList): void {
  const t = checkThreshold(result.threshold);
  const problems: string[] = [];
  const flag = (cell: OutCell, where: string) => {
    if (!cell.suppressed && cell.value >= 1 && cell.value < t) problems.push(`released small ${where}`);
  };
  if (result.kind === 'list') {
    result.cells.forEach((cell, i) => flag(cell, `count at ${result.labels[i]}`));
    flag(result.total, 'total');
  } else {
    result.cells.forEach((row, r) => row.forEach((cell, c) => flag(cell, `count at ${result.rowLabels[r]} × ${result.columnLabels[c]}`)));
    result.rowTotals.forEach((cell, r) => flag(cell, `total of ${result.rowLabels[r]}`));
    result.columnTotals.forEach((cell, c) => flag(cell, `total of ${result.columnLabels[c]}`));
    flag(result.grandTotal, 'grand total');
  }
  for (const ref of recoverableCells(result)) problems.push(`suppressed value recoverable at ${JSON.stringify(ref)}`);
  if (problems.length > 0) throw new Error(`table not releasable: ${problems.join('; ')}`);
}

/** The text of an output cell: the number, or `<threshold` (e.g. `<5`) when suppressed. */
export function formatCell(cell: OutCell, threshold: number): string {
  return cell.suppressed ? `<${checkThreshold(threshold)}` : String(cell.value);
}
