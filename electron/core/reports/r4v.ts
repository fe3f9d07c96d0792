// The R4V 5W: one row per month, place, indicator and activity, with the columns and the consistency
// rules of ../shared/reference/r4v-5w.md. Every row is checked before a file is written.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { R4vConfig, R4vSource } from '../../api/exports';
import { DEPARTMENTS, MUNICIPALITY_NAMES } from '../../api/reference/municipalities';
import { AppError } from '../errors';
import { ageSql, PATIENTS_REPORT } from './people-sql';
import { dayAfter } from './period';
import { signedSessionsByPersonIndex } from './session-index';

export const R4V_COLUMNS = [
  'Country', 'Country Admin1', 'Admin2', 'Appealing organisation Name', 'Implementation Set up', 'Implementing partner Name', 'Month',
  'Subsector', 'Indicator', 'Activity Name', 'Activity Description', 'RMRP Activity', 'COVID 19 Situation', 'CVA', 'Value (in USD)',
  'Delivery mechanism', 'Quantity of output', 'Total monthly beneficiaries', 'New beneficiaries of the month',
  'Refugees and Migrants IN DESTINATION', 'Refugees and Migrants IN TRANSIT', 'Host Communities Beneficiaries',
  'Refugees and Migrants PENDULARS', 'Colombian Returnees', 'Women under 18', 'Men under 18', 'Women above 18', 'Men above 18',
  'Other under 18', 'Other above 18',
] as const;

const POPULATION_COLUMNS = {
  in_destination: 'Refugees and Migrants IN DESTINATION',
  in_transit: 'Refugees and Migrants IN TRANSIT',
  host_community: 'Host Communities Beneficiaries',
  pendular: 'Refugees and Migrants PENDULARS',
  colombian_returnee: 'Colombian Returnees',
} as const;

export type R4vRow = Record<(typeof R4V_COLUMNS)[number], string | number>;

interface Bucket {
  month: string;
  municipality: string;
  indicator: string;
  indicatorType: 'PiN' | 'People' | 'Other';
  activityName: string;
  activityDescription: string;
  rmrpActivity: string;
  outputs: number;
  total: number;
  /** New beneficiaries of the month: identified people first reached this year under the indicator, plus community attendance. */
  freshCounted: { sex: string; under18: boolean; populationGroup: string; count: number }[];
}

function ageSexColumn(sex: string, under18: boolean): keyof R4vRow {
  const who = sex === 'F' ? 'Women' : sex === 'M' ? 'Men' : 'Other';
  return `${who} ${under18 ? 'under' : 'above'} 18` as keyof R4vRow;
}

export async function computeR4v(db: Kysely<Database>, config: R4vConfig, input: { from: string; to: string }): Promise<R4vRow[]> {
  const buckets = new Map<string, Bucket>();
  const bucket = (month: string, municipality: string, mapping: R4vConfig['mappings'][number]) => {
    const key = JSON.stringify([month, municipality, mapping.indicator, mapping.activityName]);
    let b = buckets.get(key);
    if (!b) {
      b = { month, municipality, indicator: mapping.indicator, indicatorType: mapping.indicatorType, activityName: mapping.activityName, activityDescription: mapping.activityDescription, rmrpActivity: mapping.rmrpActivity, outputs: 0, total: 0, freshCounted: [] };
      buckets.set(key, b);
    }
    return b;
  };
  const mappingOf = (source: R4vSource) => config.mappings.find((m) => m.source === source);

  // Sessions: people by month; "new" = first reached in the calendar year under the same indicator.
  // Counted in SQL (issue 7): one row per (month, indicator, activity, sex, age group, population group,
  // new or not) instead of one per session. Demographics from the narrow patients_report index.
  const formats = new Map<string, R4vConfig['mappings'][number]>();
  for (const format of ['individual', 'family', 'group']) {
    const mapping = mappingOf(`sessions:${format}` as R4vSource);
    if (mapping) formats.set(format, mapping);
  }
  if (formats.size) {
    for (const r of await sessionPeople(db, formats, input)) {
      const b = bucket(r.month, config.unitMunicipalityCode, formats.get(r.format)!);
      b.outputs += Number(r.sessions);
      b.total += Number(r.people);
      if (r.fresh) b.freshCounted.push({ sex: r.sex, under18: r.under18 === 1, populationGroup: r.population_group, count: Number(r.people) });
    }
  }

  // Community activities are counted, not identified: everyone counted is new that month.
  const activities = await db.selectFrom('activities').select(['date', 'municipality_code', 'kind', 'attendance', 'total_attendance']).where('date', '>=', input.from).where('date', '<=', input.to).execute();
  for (const a of activities) {
    const mapping = mappingOf(`activities:${a.kind}` as R4vSource);
    if (!mapping) continue;
    const b = bucket(a.date.slice(0, 7), a.municipality_code, mapping);
    b.outputs += 1;
    b.total += a.total_attendance;
    for (const cell of JSON.parse(a.attendance) as { sex: string; ageBand: string; populationGroup: string; count: number }[]) {
      b.freshCounted.push({ sex: cell.sex, under18: ['0-5', '6-11', '12-17'].includes(cell.ageBand), populationGroup: cell.populationGroup, count: cell.count });
    }
  }

  const rows: R4vRow[] = [];
  for (const b of [...buckets.values()].sort((x, y) => (x.month + x.municipality + x.indicator + x.activityName).localeCompare(y.month + y.municipality + y.indicator + y.activityName))) {
    const row = Object.fromEntries(R4V_COLUMNS.map((c) => [c, 0])) as R4vRow;
    Object.assign(row, {
      Country: 'Colombia',
      'Country Admin1': DEPARTMENTS[b.municipality.slice(0, 2)] ?? '',
      Admin2: MUNICIPALITY_NAMES.get(b.municipality) ?? '',
      'Appealing organisation Name': config.appealingOrganisation,
      'Implementation Set up': config.implementationSetUp,
      'Implementing partner Name': config.implementingPartner,
      Month: b.month,
      Subsector: config.subsector,
      Indicator: b.indicator,
      'Activity Name': b.activityName,
      'Activity Description': b.activityDescription,
      'RMRP Activity': b.rmrpActivity,
      'COVID 19 Situation': 'No',
      CVA: 'No',
      'Value (in USD)': 0,
      'Delivery mechanism': '',
    });
    const fresh = b.freshCounted;
    const newCount = fresh.reduce((s, f) => s + f.count, 0);
    if (b.indicatorType === 'Other') {
      row['Quantity of output'] = b.outputs;
    } else {
      row['Total monthly beneficiaries'] = b.total;
      row['New beneficiaries of the month'] = newCount;
      for (const f of fresh) {
        row[ageSexColumn(f.sex, f.under18)] = (row[ageSexColumn(f.sex, f.under18)] as number) + f.count;
        // People indicators carry no population-type breakdown.
        if (b.indicatorType === 'PiN') {
          const column = POPULATION_COLUMNS[f.populationGroup as keyof typeof POPULATION_COLUMNS] ?? POPULATION_COLUMNS.in_destination;
          row[column] = (row[column] as number) + f.count;
        }
      }
    }
    rows.push(row);
  }
  return rows;
}

/**
 * People reached by sessions, per month and mapped format. A person counts once per month under an
 * (indicator, activity), classified at their first session of that month in the period; they are new
 * in the month of their first session of the calendar year under the indicator (earlier sessions of
 * the year, before the period, are read for that alone). A merged record counts under the record it
 * was merged into. `format` is a mapped format of the (indicator, activity).
 */
async function sessionPeople(db: Kysely<Database>, formats: Map<string, R4vConfig['mappings'][number]>, input: { from: string; to: string }) {
  const yearStart = `${input.from.slice(0, 4)}-01-01`;
  const index = await signedSessionsByPersonIndex(db, yearStart, input.to);
  // Formats mapped to the same (indicator, activity) share a bucket, and to the same indicator a "new" count.
  const buckets: string[] = [];
  const indicators: string[] = [];
  const codes = [...formats].map(([format, m]) => {
    const bucket = JSON.stringify([m.indicator, m.activityName]);
    if (!buckets.includes(bucket)) buckets.push(bucket);
    if (!indicators.includes(m.indicator)) indicators.push(m.indicator);
    return { format, bucket: buckets.indexOf(bucket), indicator: indicators.indexOf(m.indicator) };
  });
  const caseOf = (key: 'bucket' | 'indicator') => sql`CASE s.format ${sql.join(codes.map((c) => sql`WHEN ${c.format} THEN ${c[key]}`), sql` `)} END`;
  const age = ageSql('k', sql`w.first_in`);
  const { rows } = await sql<{ month: string; format: string; sex: string; population_group: string; under18: number; fresh: number; people: number; sessions: number }>`
    WITH pm AS (
      SELECT COALESCE(p.merged_into_id, p.id) AS person, ${caseOf('bucket')} AS bucket, ${caseOf('indicator')} AS indicator,
        MIN(s.format) AS format, substr(s.starts_at, 1, 7) AS month,
        MIN(CASE WHEN s.starts_at >= ${input.from} THEN s.starts_at END) AS first_in, SUM(s.starts_at >= ${input.from}) AS n_in
      FROM sessions AS s INDEXED BY ${index} JOIN patients AS p INDEXED BY ${PATIENTS_REPORT} ON p.id = s.patient_id
      WHERE s.status = 'signed' AND s.starts_at >= ${yearStart} AND s.starts_at < ${dayAfter(input.to)}
        AND s.format IN (${sql.join(codes.map((c) => c.format))})
      GROUP BY person, bucket, month
    ), w AS (
      SELECT pm.*, MIN(pm.month) OVER (PARTITION BY pm.person, pm.indicator, substr(pm.month, 1, 4)) AS first_month FROM pm
    )
    SELECT w.month, MIN(w.format) AS format, k.sex, k.population_group, (COALESCE(${age}, 18) < 18) AS under18,
      (w.month = w.first_month) AS fresh, COUNT(*) AS people, SUM(w.n_in) AS sessions
    FROM w JOIN patients AS k INDEXED BY ${PATIENTS_REPORT} ON k.id = w.person
    WHERE w.n_in > 0
    GROUP BY w.month, w.bucket, k.sex, k.population_group, under18, fresh`.execute(db);
  return rows;
}

const num = (row: R4vRow, column: keyof R4vRow) => Number(row[column]);

/** R4V's consistency rules; answers the problems of each row (1-based, as a spreadsheet shows them after the header). */
export function checkR4vRow(row: R4vRow, type: 'PiN' | 'People' | 'Other'): string[] {
  const problems: string[] = [];
  const populations = Object.values(POPULATION_COLUMNS).reduce((s, c) => s + num(row, c), 0);
  const ageSex = (['Women under 18', 'Men under 18', 'Women above 18', 'Men above 18', 'Other under 18', 'Other above 18'] as const).reduce((s, c) => s + num(row, c), 0);
  const fresh = num(row, 'New beneficiaries of the month');
  const total = num(row, 'Total monthly beneficiaries');
  for (const column of R4V_COLUMNS) {
    if (typeof row[column] === 'number' && (!Number.isInteger(row[column]) || (row[column] as number) < 0)) problems.push(`${column} debe ser un entero no negativo`);
  }
  if (!row['Country Admin1'] || !row.Admin2) problems.push('falta el departamento o el municipio');
  if (!row.Indicator || !row['Activity Name']) problems.push('falta el indicador o la actividad');
  if (type === 'PiN') {
    if (fresh !== populations) problems.push(`Nuevos beneficiarios (${fresh}) ≠ suma de los cinco grupos poblacionales (${populations})`);
    if (fresh !== ageSex) problems.push(`Nuevos beneficiarios (${fresh}) ≠ suma de las seis columnas de edad y sexo (${ageSex})`);
    if (total < fresh) problems.push(`Total mensual (${total}) menor que nuevos beneficiarios (${fresh})`);
    if (num(row, 'Quantity of output') !== 0) problems.push('Quantity of output debe ser 0 en indicadores PiN');
  }
  if (type === 'People' && populations !== 0) problems.push('Los indicadores People no llevan desagregación por grupo poblacional');
  if (type === 'People' && total < fresh) problems.push(`Total mensual (${total}) menor que nuevos beneficiarios (${fresh})`);
  return problems;
}

export function assertR4vRows(rows: R4vRow[], config: R4vConfig): void {
  rows.forEach((row, i) => {
    const type = config.mappings.find((m) => m.indicator === row.Indicator && m.activityName === row['Activity Name'])?.indicatorType ?? 'PiN';
    const problems = checkR4vRow(row, type);
    if (problems.length) {
      throw new AppError('conflict', `La fila ${i + 2} del 5W (${row.Month}, ${row.Admin2}, ${row.Indicator}) no cumple las reglas de R4V: ${problems.join('; ')}. No se generó el archivo.`);
    }
  });
}
