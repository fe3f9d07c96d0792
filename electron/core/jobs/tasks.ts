// The read-only tasks a worker runs: each takes a read-only Kysely connection, its arguments and a
// progress callback, and answers plain data (it crosses a thread boundary).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { CreateExportInput, R4vConfig } from '../../api/exports';
import type { DashboardInput } from '../../api/stats';
import { defaultSecuritySettings } from '../context';
import { searchPatients } from '../patients';
import { toCsv, toXlsx, type Cell, type ExportFile } from '../exports/files';
import { monthlyReportCsvRows, monthlyReportSheets } from '../exports/monthly-export';
import { r4vTable } from '../exports/r4v-export';
import { computeDashboard } from '../reports/dashboard';
import { computeDeidentified } from '../reports/deidentified';
import { computeMonthlyReport } from '../reports/monthly-report';
import { computeR4v } from '../reports/r4v';

export type Progress = (fraction: number, message?: string) => void;
type Task = (db: Kysely<Database>, args: unknown, progress: Progress) => Promise<unknown>;

export interface ExportTaskArgs {
  request: CreateExportInput;
  r4vConfig: R4vConfig | null;
  /** The pseudonym key, resolved on the main thread (the worker cannot write settings). */
  keyHex: string | null;
}

export interface PatientSearchArgs {
  input: { query: string; page: number; pageSize: number };
  /** The caller's clock (ages are computed on the unit's today), so a worker answers as the main thread would. */
  now: number;
}

export interface ExportResult {
  file: ExportFile;
  rows: number;
  disclosure: Record<string, number | null>;
}

const SUPPRESSION_NOTE = (t: number) => `<${t} = dato suprimido: un conteo menor que ${t}, u otro ocultado para que no se pueda deducir.`;

async function file(sheets: { name: string; rows: Cell[][] }[], csvRows: Cell[][], name: string, format: 'xlsx' | 'csv'): Promise<ExportFile> {
  return format === 'xlsx' ? toXlsx(sheets, name) : toCsv(csvRows, name);
}

async function runExport(db: Kysely<Database>, args: ExportTaskArgs, progress: Progress): Promise<ExportResult> {
  const { request } = args;
  const base = `acogida-${request.kind.replace(/_/g, '-')}-${request.from}-a-${request.to}`;
  progress(0.1, 'Consultando');
  if (request.kind === 'monthly_report') {
    const report = await computeMonthlyReport(db, { from: request.from, to: request.to, threshold: request.threshold });
    progress(0.7, 'Escribiendo el archivo');
    const sheets = monthlyReportSheets(report);
    sheets[0]!.rows.push([SUPPRESSION_NOTE(request.threshold)]);
    const suppressed = report.categories.reduce((s, c) => s + c.bySexAge.cells.flat().filter((x) => x.suppressed).length + c.byPopulationGroup.cells.filter((x) => x.suppressed).length, 0);
    return { file: await file(sheets, monthlyReportCsvRows(report), base, request.format), rows: report.categories.length, disclosure: { threshold: request.threshold, suppressedCells: suppressed } };
  }
  if (request.kind === 'r4v_5w') {
    const rows = await computeR4v(db, args.r4vConfig!, request);
    progress(0.6, 'Revisando las reglas de R4V');
    const table = r4vTable(rows, args.r4vConfig!, request.threshold);
    const all = [table.header, ...table.body];
    return { file: await file([{ name: '5W', rows: all }], all, base, request.format), rows: table.body.length, disclosure: { threshold: request.threshold, suppressedCells: table.suppressedCells } };
  }
  const result = await computeDeidentified(db, { from: request.from, to: request.to, unit: request.kind === 'deidentified_sessions' ? 'session' : 'patient_month', k: request.k, keyHex: args.keyHex! });
  progress(0.7, 'Escribiendo el archivo');
  const all = [result.header, ...result.body];
  const note: Cell[][] = [[`k = ${result.report.k ?? 'sin filas'}`], [`filas generalizadas a departamento: ${result.report.generalised}`], [`filas suprimidas: ${result.report.suppressed}`]];
  return {
    file: await file([{ name: 'Filas', rows: all }, { name: 'Anonimización', rows: note }], all, base, request.format),
    rows: result.body.length,
    disclosure: { k: result.report.k, targetK: result.report.target, generalised: result.report.generalised, suppressed: result.report.suppressed, rowsIn: result.report.rowsIn },
  };
}

const tasks = {
  dashboard: (db, args) => computeDashboard(db, args as DashboardInput),
  monthlyReport: (db, args) => computeMonthlyReport(db, args as { from: string; to: string; threshold: number }),
  export: (db, args, progress) => runExport(db, args as ExportTaskArgs, progress),
  patientSearch: (db, args) => {
    const { input, now } = args as PatientSearchArgs;
    return searchPatients({ db, clock: { now: () => now }, security: defaultSecuritySettings }, input);
  },
} satisfies Record<string, Task>;

export type TaskName = keyof typeof tasks;
export const TASKS: Record<TaskName, Task> = tasks;
