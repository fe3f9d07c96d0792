// Exports for the Ministry, donors and R4V: started as jobs (one of each kind at a time), computed
// on the read-only worker, kept in memory for an hour, each audited when it ends.
import { randomBytes } from 'node:crypto';
import type { CreateExportInput, ExportJob, R4vConfig } from '../api/exports';
import { r4vConfigSchema } from '../api/exports';
import { appendAudit, recordAudit } from './audit';
import { isoNow, type Actor, type ServiceContext } from './context';
import { deriveExportKey, EXPORT_SALT_BYTES, newUnitExportKey } from './disclosure/pseudonym';
import { AppError, conflict, notFound } from './errors';
import type { ExportFile } from './exports/files';
import { TASKS, type ExportResult, type ExportTaskArgs } from './jobs/tasks';

const KEEP_MS = 60 * 60 * 1000;

interface JobRecord {
  job: ExportJob;
  file: ExportFile | null;
}

/** Jobs of one host process (one per service context). */
const registries = new WeakMap<ServiceContext, { nextId: number; jobs: Map<number, JobRecord> }>();
function registry(ctx: ServiceContext) {
  let r = registries.get(ctx);
  if (!r) registries.set(ctx, (r = { nextId: 1, jobs: new Map() }));
  return r;
}

async function setting(ctx: ServiceContext, key: string): Promise<string | null> {
  return (await ctx.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;
}

/** The pseudonym key: from the admin's export passphrase (with the unit's salt), or the unit's own random key. */
async function pseudonymKey(ctx: ServiceContext, passphrase: string | undefined): Promise<Buffer> {
  const name = passphrase ? 'export_salt' : 'export_key';
  let stored = await setting(ctx, name);
  if (!stored) {
    const value = (passphrase ? randomBytes(EXPORT_SALT_BYTES) : newUnitExportKey()).toString('hex');
    await ctx.db.insertInto('settings').values({ key: name, value }).onConflict((oc) => oc.doNothing()).execute();
    stored = (await setting(ctx, name))!;
  }
  return passphrase ? deriveExportKey(passphrase, Buffer.from(stored, 'hex')) : Buffer.from(stored, 'hex');
}

export const R4V_DEFAULTS: Partial<R4vConfig> = {
  implementationSetUp: 'Direct Implementation',
  subsector: 'Health - Mental Health and Psychosocial Support (MHPSS)',
  unitMunicipalityCode: '54001',
  mappings: [
    ...(['individual', 'family', 'group'] as const).map((format) => ({
      source: `sessions:${format}` as const,
      indicator: 'Number of people receiving mental health and psychosocial support services',
      indicatorType: 'PiN' as const,
      activityName: 'Atención en salud mental y apoyo psicosocial',
      activityDescription: '',
      rmrpActivity: '',
    })),
    ...(['self_care', 'emotion_management', 'positive_parenting', 'xenophobia_prevention', 'violence_prevention', 'psychological_first_aid_training', 'community_network_meeting', 'group_session', 'outreach', 'other'] as const).map((kind) => ({
      source: `activities:${kind}` as const,
      indicator: 'Number of people reached through community-based MHPSS activities',
      indicatorType: 'PiN' as const,
      activityName: 'Actividades comunitarias de salud mental',
      activityDescription: '',
      rmrpActivity: '',
    })),
  ],
};

export async function r4vConfig(ctx: ServiceContext) {
  const stored = await setting(ctx, 'r4v');
  const parsed = stored ? r4vConfigSchema.safeParse(JSON.parse(stored)) : null;
  return { config: parsed?.success ? parsed.data : null, defaults: R4V_DEFAULTS };
}

export async function setR4vConfig(ctx: ServiceContext, actor: Actor, config: R4vConfig, origin: string | null) {
  await ctx.db.transaction().execute(async (trx) => {
    const value = JSON.stringify(config);
    await trx.insertInto('settings').values({ key: 'r4v', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    await appendAudit(ctx, trx, { action: 'exports.setR4vConfig', actor, origin, targetType: 'settings', details: { organisation: config.appealingOrganisation, mappings: config.mappings.length } });
  });
  return { config };
}

function prune(ctx: ServiceContext): void {
  const now = ctx.clock.now();
  for (const [id, record] of registry(ctx).jobs) {
    if (record.job.finishedAt && now - Date.parse(record.job.finishedAt) > KEEP_MS) registry(ctx).jobs.delete(id);
  }
}

export async function createExport(ctx: ServiceContext, actor: Actor, input: CreateExportInput, origin: string | null): Promise<{ job: ExportJob }> {
  prune(ctx);
  const reg = registry(ctx);
  const running = [...reg.jobs.values()].find((r) => r.job.kind === input.kind && r.job.state === 'running');
  if (running) throw conflict('Ya hay una exportación de este tipo en curso: espere a que termine.');
  let config: R4vConfig | null = null;
  if (input.kind === 'r4v_5w') {
    config = (await r4vConfig(ctx)).config;
    if (!config) throw conflict('Configure primero el 5W de R4V (organización, subsector e indicadores) en Administración → Exportaciones.');
  }
  const keyHex = input.kind.startsWith('deidentified') ? (await pseudonymKey(ctx, input.exportKey)).toString('hex') : null;
  const user = await ctx.db.selectFrom('users').select('display_name').where('id', '=', actor.userId).executeTakeFirstOrThrow();

  const id = reg.nextId++;
  const record: JobRecord = {
    job: { id, kind: input.kind, format: input.format, period: { from: input.from, to: input.to }, state: 'running', progress: 0, message: null, startedAt: isoNow(ctx), finishedAt: null, startedByName: user.display_name, fileName: null, rows: null, disclosure: null, error: null },
    file: null,
  };
  reg.jobs.set(id, record);
  const args: ExportTaskArgs = { request: { ...input, exportKey: undefined }, r4vConfig: config, keyHex };
  const onProgress = (fraction: number, message?: string) => {
    record.job = { ...record.job, progress: fraction, message: message ?? record.job.message };
  };
  const work = ctx.readOnly ? ctx.readOnly.run<ExportResult>('exports', 'export', args, onProgress) : (TASKS.export(ctx.db, args, onProgress) as Promise<ExportResult>);
  void work.then(
    async (result) => {
      record.file = result.file;
      record.job = { ...record.job, state: 'done', progress: 1, message: null, finishedAt: isoNow(ctx), fileName: result.file.fileName, rows: result.rows, disclosure: result.disclosure };
      await recordAudit(ctx, { action: 'exports.create', actor, origin, targetType: 'export', targetId: id, details: { kind: input.kind, format: input.format, from: input.from, to: input.to, rows: result.rows, ...result.disclosure } });
    },
    async (error: unknown) => {
      const message = error instanceof AppError ? error.message : 'La exportación falló; vea el registro del servidor.';
      record.job = { ...record.job, state: 'failed', finishedAt: isoNow(ctx), error: message };
      await recordAudit(ctx, { action: 'exports.create', outcome: 'failure', actor, origin, targetType: 'export', targetId: id, details: { kind: input.kind, from: input.from, to: input.to, error: message } });
    },
  );
  return { job: record.job };
}

function find(ctx: ServiceContext, jobId: number): JobRecord {
  prune(ctx);
  const record = registry(ctx).jobs.get(jobId);
  if (!record) throw notFound('No existe esa exportación (se guardan una hora).');
  return record;
}

export function exportStatus(ctx: ServiceContext, jobId: number) {
  return { job: find(ctx, jobId).job };
}

export function listExports(ctx: ServiceContext) {
  prune(ctx);
  return { jobs: [...registry(ctx).jobs.values()].map((r) => r.job).reverse() };
}

export async function downloadExport(ctx: ServiceContext, actor: Actor, jobId: number, origin: string | null) {
  const record = find(ctx, jobId);
  if (record.job.state !== 'done' || !record.file) throw conflict(record.job.state === 'failed' ? `La exportación falló: ${record.job.error}` : 'La exportación todavía está en curso.');
  await recordAudit(ctx, { action: 'exports.download', actor, origin, targetType: 'export', targetId: jobId, details: { kind: record.job.kind, fileName: record.file.fileName } });
  return record.file;
}

