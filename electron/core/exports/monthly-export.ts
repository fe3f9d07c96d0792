// The monthly MHPSS report as XLSX sheets or one CSV, from the suppressed report data.
import type { MonthlyReport } from '../../api/stats';
import { formatCell, type OutCell } from '../disclosure/small-cells';
import type { Cell, Sheet } from './files';
import { CATEGORY_LABELS, label, NATIONALITY_LABELS, POPULATION_LABELS, SEX_LABELS } from './labels';

export function monthlyReportSheets(report: MonthlyReport): Sheet[] {
  const t = report.threshold;
  const show = (cell: OutCell): Cell => (cell.suppressed ? formatCell(cell, t) : cell.value);
  const period = `${report.period.from} a ${report.period.to}`;
  const summary: Sheet = {
    name: 'Resumen',
    rows: [
      ['Categoría', 'Intervenciones', 'Personas alcanzadas', 'Periodo'],
      ...report.categories.map((c): Cell[] => [label(CATEGORY_LABELS, c.category), c.interventions, show(c.people), period]),
      [],
      [`Conteos de 1 a ${t - 1} se muestran como <${t}; otras celdas se suprimen para que no se puedan deducir de los totales.`],
    ],
  };
  const sexAge: Sheet = { name: 'Sexo y edad', rows: [] };
  const groups: Sheet = { name: 'Grupo poblacional', rows: [] };
  const nationality: Sheet = { name: 'Nacionalidad', rows: [] };
  for (const c of report.categories) {
    const name = label(CATEGORY_LABELS, c.category);
    const table = c.bySexAge;
    sexAge.rows.push([name, ...table.columnLabels, 'Total']);
    table.rowLabels.forEach((row, r) => sexAge.rows.push([label(SEX_LABELS, row), ...table.cells[r]!.map(show), show(table.rowTotals[r]!)]));
    sexAge.rows.push(['Total', ...table.columnTotals.map(show), show(table.grandTotal)], []);
    groups.rows.push([name, ...c.byPopulationGroup.labels.map((l) => label(POPULATION_LABELS, l)), 'Total']);
    groups.rows.push(['Personas', ...c.byPopulationGroup.cells.map(show), show(c.byPopulationGroup.total)], []);
    if (c.byNationality) {
      nationality.rows.push([name, ...c.byNationality.labels.map((l) => label(NATIONALITY_LABELS, l)), 'Total']);
      nationality.rows.push(['Personas', ...c.byNationality.cells.map(show), show(c.byNationality.total)], []);
    }
  }
  return [summary, sexAge, groups, nationality];
}

/** One CSV in long form: section, category, row, column, value. */
export function monthlyReportCsvRows(report: MonthlyReport): Cell[][] {
  const t = report.threshold;
  const show = (cell: OutCell): Cell => (cell.suppressed ? formatCell(cell, t) : cell.value);
  const rows: Cell[][] = [['seccion', 'categoria', 'fila', 'columna', 'valor']];
  for (const c of report.categories) {
    rows.push(['resumen', c.category, 'intervenciones', '', c.interventions], ['resumen', c.category, 'personas', '', show(c.people)]);
    const table = c.bySexAge;
    table.rowLabels.forEach((row, r) => {
      table.columnLabels.forEach((col, k) => rows.push(['sexo_edad', c.category, row, col, show(table.cells[r]![k]!)]));
      rows.push(['sexo_edad', c.category, row, 'total', show(table.rowTotals[r]!)]);
    });
    table.columnLabels.forEach((col, k) => rows.push(['sexo_edad', c.category, 'total', col, show(table.columnTotals[k]!)]));
    rows.push(['sexo_edad', c.category, 'total', 'total', show(table.grandTotal)]);
    c.byPopulationGroup.labels.forEach((l, i) => rows.push(['grupo_poblacional', c.category, l, '', show(c.byPopulationGroup.cells[i]!)]));
    rows.push(['grupo_poblacional', c.category, 'total', '', show(c.byPopulationGroup.total)]);
    if (c.byNationality) {
      c.byNationality.labels.forEach((l, i) => rows.push(['nacionalidad', c.category, l, '', show(c.byNationality!.cells[i]!)]));
      rows.push(['nacionalidad', c.category, 'total', '', show(c.byNationality.total)]);
    }
  }
  return rows;
}
