// Exports on a generated dataset: the monthly report equals plain SQL counts (with small cells
// suppressed), the 5W obeys R4V's rules, the de-identified file is k-anonymous and carries no
// identifier, one export of a kind at a time, each audited.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportJob } from '../../electron/api/exports';
import type { MonthlyReport } from '../../electron/api/stats';
import type { R4V_DEFAULTS } from '../../electron/core/exports';
import { checkR4vRow, R4V_COLUMNS, type R4vRow } from '../../electron/core/reports/r4v';
import { seedPatients } from '../../electron/core/synthetic/seed';
import { seedCare } from '../../electron/core/synthetic/seed-care';
import { rebuildReachCells } from '../../db/reach-cells';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let admin: string;
let names: string[] = [];
let documents: string[] = [];
let phones: string[] = [];
const FROM = '2026-01-01';
const TO = '2026-06-30';

beforeAll(async () => {
  unit = await createTestUnit({ security: { idleTimeoutSeconds: 86_400, absoluteTimeoutSeconds: 86_400 } });
  const clinicians = [await unit.addUser('ana', 'clinician'), await unit.addUser('beto', 'clinician')];
  const seeded = await seedPatients(unit.ctx, unit.store.raw, { count: 1200, seed: 21, byUserId: clinicians[0]! });
  const ids = Array.from({ length: seeded.count }, (_, i) => seeded.firstId + i);
  seedCare(unit.store.raw, { patientIds: ids.slice(0, 800), clinicianIds: clinicians, from: FROM, to: TO, sessionsPerPatient: 3, activities: 30, seed: 8 });
  await rebuildReachCells(unit.store.db); // seedCare writes sessions in bulk, past the services that keep the cells
  names = seeded.patients.flatMap((p) => [p.familyNames]).filter((n) => n.length > 8);
  documents = seeded.patients.map((p) => p.documentNumber).filter((d): d is string => Boolean(d && d.length >= 7));
  phones = seeded.patients.flatMap((p) => p.phones.map((ph) => ph.number.slice(3)));
  admin = await unit.login('admin');
}, 120_000);
afterAll(() => unit.cleanup());

async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await unit.call(name, input, admin);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function finished(input: Record<string, unknown>): Promise<{ job: ExportJob; bytes: Buffer }> {
  let { job } = await ok<{ job: ExportJob }>('exports.create', input);
  for (let i = 0; i < 600 && job.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    job = (await ok<{ job: ExportJob }>('exports.status', { jobId: job.id })).job;
  }
  if (job.state !== 'done') throw new Error(`export ${job.state}: ${job.error}`);
  const file = await ok<{ contentBase64: string }>('exports.download', { jobId: job.id });
  return { job, bytes: Buffer.from(file.contentBase64, 'base64') };
}

async function sheetRows(bytes: Buffer, sheet: string): Promise<(string | number | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: (string | number | null)[][] = [];
  workbook.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1)));
  return rows;
}

function parseCsv(bytes: Buffer): string[][] {
  return bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));
}

const one = (sqlText: string, ...params: unknown[]) => Number(Object.values(unit.store.raw.prepare(sqlText).get(...params) as object)[0]);
const END = '2026-07-01';

describe('monthly MHPSS report', () => {
  it('equals independent SQL counts, with every count from 1 to 4 suppressed', async () => {
    const report = await ok<MonthlyReport>('stats.monthlyReport', { from: FROM, to: TO });
    for (const format of ['individual', 'family', 'group'] as const) {
      const c = report.categories.find((x) => x.category === format)!;
      expect(c.interventions).toBe(one(`SELECT COUNT(*) FROM sessions WHERE status = 'signed' AND format = ? AND starts_at >= ? AND starts_at < ?`, format, FROM, END));
      const people = one(`SELECT COUNT(DISTINCT COALESCE(p.merged_into_id, p.id)) FROM sessions s JOIN patients p ON p.id = s.patient_id WHERE s.status = 'signed' AND s.format = ? AND s.starts_at >= ? AND s.starts_at < ?`, format, FROM, END);
      expect(c.people).toEqual(people >= 5 || people === 0 ? { suppressed: false, value: people } : { suppressed: true, value: null, reason: 'primary' });
      const women = one(`SELECT COUNT(DISTINCT COALESCE(p.merged_into_id, p.id)) FROM sessions s JOIN patients p ON p.id = s.patient_id WHERE s.status = 'signed' AND s.format = ? AND s.starts_at >= ? AND s.starts_at < ? AND p.sex = 'F'`, format, FROM, END);
      const row = c.bySexAge.rowTotals[c.bySexAge.rowLabels.indexOf('F')]!;
      if (!row.suppressed) expect(row.value).toBe(women);
      const grand = c.bySexAge.grandTotal;
      if (!grand.suppressed) expect(grand.value).toBe(people);
      const inDestination = one(`SELECT COUNT(DISTINCT COALESCE(p.merged_into_id, p.id)) FROM sessions s JOIN patients p ON p.id = s.patient_id WHERE s.status = 'signed' AND s.format = ? AND s.starts_at >= ? AND s.starts_at < ? AND p.population_group = 'in_destination'`, format, FROM, END);
      const cell = c.byPopulationGroup.cells[c.byPopulationGroup.labels.indexOf('in_destination')]!;
      if (!cell.suppressed) expect(cell.value).toBe(inDestination);
      else expect(inDestination).toBeLessThan(100_000);
    }
    const community = report.categories.find((x) => x.category === 'community')!;
    expect(community.interventions).toBe(one('SELECT COUNT(*) FROM activities WHERE date BETWEEN ? AND ?', FROM, TO));
    expect(community.people).toEqual({ suppressed: false, value: one('SELECT SUM(total_attendance) FROM activities WHERE date BETWEEN ? AND ?', FROM, TO) });
    for (const c of report.categories) {
      const released = [...c.bySexAge.cells.flat(), ...c.bySexAge.rowTotals, ...c.bySexAge.columnTotals, c.bySexAge.grandTotal, ...c.byPopulationGroup.cells, c.byPopulationGroup.total];
      for (const cell of released) if (!cell.suppressed) expect(cell.value === 0 || cell.value >= 5).toBe(true);
    }
    expect(report.categories.some((c) => c.bySexAge.cells.flat().some((x) => x.suppressed))).toBe(true);
  });

  it('writes the same numbers to XLSX and CSV, and audits who, kind, period and rows', async () => {
    const report = await ok<MonthlyReport>('stats.monthlyReport', { from: FROM, to: TO });
    const { job, bytes } = await finished({ kind: 'monthly_report', format: 'xlsx', from: FROM, to: TO });
    expect(job.fileName).toBe('acogida-monthly-report-2026-01-01-a-2026-06-30.xlsx');
    const summary = await sheetRows(bytes, 'Resumen');
    const individual = report.categories.find((c) => c.category === 'individual')!;
    expect(summary[1]).toEqual(['Intervención individual', individual.interventions, individual.people.suppressed ? '<5' : individual.people.value, '2026-01-01 a 2026-06-30']);
    const csv = parseCsv((await finished({ kind: 'monthly_report', format: 'csv', from: FROM, to: TO })).bytes);
    expect(csv[0]).toEqual(['seccion', 'categoria', 'fila', 'columna', 'valor']);
    expect(csv.find((r) => r[0] === 'resumen' && r[1] === 'individual' && r[2] === 'intervenciones')?.[4]).toBe(String(individual.interventions));
    const audit = await unit.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'exports.create').orderBy('id').execute();
    expect(audit.map((a) => [a.actor_username, JSON.parse(a.details).kind, JSON.parse(a.details).from, JSON.parse(a.details).rows])).toContainEqual(['admin', 'monthly_report', FROM, 4]);
  });
});

describe('R4V 5W', () => {
  it('needs the organisation configured first', async () => {
    const result = await unit.call('exports.create', { kind: 'r4v_5w', from: FROM, to: TO }, admin);
    expect(!result.ok && result.error.code).toBe('conflict');
  });

  it('writes rows that obey R4V’s rules, in R4V’s columns', async () => {
    const defaults = (await ok<{ defaults: typeof R4V_DEFAULTS }>('exports.r4vConfig', {})).defaults;
    await ok('exports.setR4vConfig', { config: { ...defaults, appealingOrganisation: 'Hospital Universitario Erasmo Meoz', implementingPartner: 'Hospital Universitario Erasmo Meoz' } });
    const { job, bytes } = await finished({ kind: 'r4v_5w', format: 'xlsx', from: FROM, to: TO, threshold: 2 });
    const rows = await sheetRows(bytes, '5W');
    expect(rows[0]).toEqual([...R4V_COLUMNS]);
    expect(rows.length - 1).toBe(job.rows);
    expect(job.rows).toBeGreaterThan(6);
    for (const values of rows.slice(1)) {
      const row = Object.fromEntries(R4V_COLUMNS.map((c, i) => [c, values[i] ?? ''])) as R4vRow;
      expect(row.Country).toBe('Colombia');
      // With threshold 2 only counts of 1 are hidden; rows without a hidden count are checked to the unit.
      if (!Object.values(row).some((v) => String(v).startsWith('<'))) expect(checkR4vRow(row, 'PiN')).toEqual([]);
    }
    const sessionsRow = rows.slice(1).find((r) => r[R4V_COLUMNS.indexOf('Month')] === '2026-03' && String(r[R4V_COLUMNS.indexOf('Indicator')]).startsWith('Number of people receiving'))!;
    const total = one(`SELECT COUNT(DISTINCT COALESCE(p.merged_into_id, p.id)) FROM sessions s JOIN patients p ON p.id = s.patient_id WHERE s.status = 'signed' AND substr(s.starts_at, 1, 7) = '2026-03'`);
    expect(sessionsRow[R4V_COLUMNS.indexOf('Total monthly beneficiaries')]).toBe(total);
  });

  it('names the row that breaks a rule', () => {
    const row = Object.fromEntries(R4V_COLUMNS.map((c) => [c, 0])) as R4vRow;
    Object.assign(row, { 'Country Admin1': 'NORTE DE SANTANDER', Admin2: 'SAN JOSÉ DE CÚCUTA', Indicator: 'x', 'Activity Name': 'y', 'New beneficiaries of the month': 3, 'Total monthly beneficiaries': 3, 'Women above 18': 3, 'Refugees and Migrants IN DESTINATION': 2 });
    expect(checkR4vRow(row, 'PiN')).toEqual(['Nuevos beneficiarios (3) ≠ suma de los cinco grupos poblacionales (2)']);
  });
});

describe('de-identified rows', () => {
  it('hold k ≥ 5 on their own output and carry no name, document or phone', async () => {
    for (const kind of ['deidentified_sessions', 'deidentified_patient_months'] as const) {
      const { job, bytes } = await finished({ kind, format: 'csv', from: FROM, to: TO, k: 5 });
      const [header, ...body] = parseCsv(bytes);
      expect(job.disclosure?.k).toBeGreaterThanOrEqual(5);
      const qi = ['grupo_edad', 'sexo', 'nacionalidad', 'grupo_poblacional', 'lugar'].map((c) => header!.indexOf(c));
      const person = header!.indexOf('persona');
      const classes = new Map<string, Set<string>>();
      for (const row of body) {
        const key = qi.map((i) => row[i]).join('|');
        (classes.get(key) ?? classes.set(key, new Set()).get(key)!).add(row[person]!);
      }
      expect(Math.min(...[...classes.values()].map((s) => s.size))).toBeGreaterThanOrEqual(5);
      expect(body.length).toBe(job.rows);
      const text = bytes.toString('utf8');
      for (const n of names) expect(text.includes(n), n).toBe(false);
      for (const d of documents) expect(text.includes(d), d).toBe(false);
      for (const p of phones) expect(text.includes(p), p).toBe(false);
      expect(job.disclosure).toMatchObject({ targetK: 5 });
    }
  });

  it('gives the same pseudonyms with the same export key, others with another key', async () => {
    const first = parseCsv((await finished({ kind: 'deidentified_sessions', format: 'csv', from: FROM, to: '2026-01-31', exportKey: 'clave de exportación del estudio' })).bytes);
    const again = parseCsv((await finished({ kind: 'deidentified_sessions', format: 'csv', from: FROM, to: '2026-01-31', exportKey: 'clave de exportación del estudio' })).bytes);
    const other = parseCsv((await finished({ kind: 'deidentified_sessions', format: 'csv', from: FROM, to: '2026-01-31', exportKey: 'otra clave distinta del todo' })).bytes);
    expect(first.length).toBeGreaterThan(20);
    expect(again.map((r) => r[0])).toEqual(first.map((r) => r[0]));
    const firstTokens = new Set(first.slice(1).map((r) => r[0]));
    expect(other.slice(1).filter((r) => firstTokens.has(r[0])).length).toBe(0);
  });
});

describe('jobs', () => {
  it('refuse a second export of the same kind while one runs', async () => {
    const first = await ok<{ job: ExportJob }>('exports.create', { kind: 'deidentified_patient_months', from: FROM, to: TO });
    const second = await unit.call('exports.create', { kind: 'deidentified_patient_months', from: FROM, to: TO }, admin);
    expect(!second.ok && second.error.code).toBe('conflict');
    for (let i = 0; i < 600; i++) {
      const { job } = await ok<{ job: ExportJob }>('exports.status', { jobId: first.job.id });
      if (job.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const list = await ok<{ jobs: ExportJob[] }>('exports.list', {});
    expect(list.jobs[0]!.id).toBe(first.job.id);
  });
});
