// The 5W as a file: rows checked against R4V's rules on the exact numbers, then small beneficiary
// counts suppressed per row (the population columns and the age/sex columns both add up to "New
// beneficiaries", so a suppression in one list is matched in the other).
import type { R4vConfig } from '../../api/exports';
import { assertReleasable, formatCell, suppressList, type OutCell, type SuppressedList } from '../disclosure/small-cells';
import { AppError } from '../errors';
import { assertR4vRows, R4V_COLUMNS, type R4vRow } from '../reports/r4v';
import type { Cell } from './files';

const POPULATION = ['Refugees and Migrants IN DESTINATION', 'Refugees and Migrants IN TRANSIT', 'Host Communities Beneficiaries', 'Refugees and Migrants PENDULARS', 'Colombian Returnees'] as const;
const AGE_SEX = ['Women under 18', 'Men under 18', 'Women above 18', 'Men above 18', 'Other under 18', 'Other above 18'] as const;

/** Suppresses the smallest released non-zero cell of a list (else a zero one) so that a suppressed total cannot be worked out from it. */
function withOneMoreSuppressed(list: SuppressedList): SuppressedList {
  const candidates = list.cells.map((c, i) => ({ c, i })).filter(({ c }) => !c.suppressed) as { c: Extract<OutCell, { suppressed: false }>; i: number }[];
  const nonZero = candidates.filter(({ c }) => c.value > 0).sort((a, b) => a.c.value - b.c.value || a.i - b.i);
  const pick = nonZero[0] ?? candidates[0];
  if (!pick) return list;
  const cells = [...list.cells];
  cells[pick.i] = { suppressed: true, value: null, reason: 'complementary' };
  return { ...list, cells };
}

function suppressRow(row: R4vRow, threshold: number): Record<string, Cell> {
  const out: Record<string, Cell> = { ...row };
  const listOf = (columns: readonly string[]) => suppressList({ labels: [...columns], counts: columns.map((c) => Number(row[c as keyof R4vRow])) }, { threshold });
  let populations = listOf(POPULATION);
  let ageSex = listOf(AGE_SEX);
  const freshSuppressed = populations.total.suppressed || ageSex.total.suppressed;
  if (freshSuppressed) {
    const hidden: OutCell = { suppressed: true, value: null, reason: 'complementary' };
    populations = { ...populations, total: populations.total.suppressed ? populations.total : hidden };
    ageSex = { ...ageSex, total: ageSex.total.suppressed ? ageSex.total : hidden };
    // With the total hidden, a list with nothing else hidden would give the total back.
    if (!populations.cells.some((c) => c.suppressed) && Number(row['New beneficiaries of the month']) > 0) populations = withOneMoreSuppressed(populations);
    if (!ageSex.cells.some((c) => c.suppressed) && Number(row['New beneficiaries of the month']) > 0) ageSex = withOneMoreSuppressed(ageSex);
  }
  for (const list of [populations, ageSex]) {
    try {
      assertReleasable(list);
    } catch {
      throw new AppError('internal', 'Una fila del 5W revelaría celdas suprimidas; no se generó el archivo.');
    }
    list.labels.forEach((label, i) => (out[label] = list.cells[i]!.suppressed ? formatCell(list.cells[i]!, threshold) : (list.cells[i] as { value: number }).value));
  }
  if (freshSuppressed) out['New beneficiaries of the month'] = `<${threshold}`;
  const total = Number(row['Total monthly beneficiaries']);
  if (total > 0 && total < threshold) out['Total monthly beneficiaries'] = `<${threshold}`;
  return out;
}

export function r4vTable(rows: R4vRow[], config: R4vConfig, threshold: number): { header: string[]; body: Cell[][]; suppressedCells: number } {
  assertR4vRows(rows, config);
  let suppressedCells = 0;
  const body = rows.map((row) => {
    const out = suppressRow(row, threshold);
    return R4V_COLUMNS.map((c) => {
      if (typeof out[c] === 'string' && String(out[c]).startsWith('<') && typeof row[c] === 'number') suppressedCells++;
      return out[c] ?? null;
    });
  });
  return { header: [...R4V_COLUMNS], body, suppressedCells };
}
