import { z } from 'zod';
import { ACTIVITY_KINDS } from './codes';
import { idSchema, isoDateSchema } from './fields';
import { procedure } from './procedure';
import { MUNICIPALITY_NAMES } from './reference/municipalities';
import { thresholdSchema } from './stats';

export const INDICATOR_TYPES = ['PiN', 'People', 'Other'] as const;
/** What a 5W row counts: signed sessions of one format, or community activities of one kind. */
export const R4V_SOURCES = ['sessions:individual', 'sessions:family', 'sessions:group', ...ACTIVITY_KINDS.map((k) => `activities:${k}` as const)] as const;
export type R4vSource = (typeof R4V_SOURCES)[number];

const text = (what: string, max = 200) => z.string({ error: `Escriba ${what}` }).trim().min(1, `Escriba ${what}`).max(max);

export const r4vMappingSchema = z.strictObject({
  source: z.enum(R4V_SOURCES, { error: 'Origen no válido' }),
  indicator: text('el indicador RMRP'),
  indicatorType: z.enum(INDICATOR_TYPES, { error: 'Tipo de indicador: PiN, People u Other' }),
  activityName: text('el nombre de la actividad'),
  activityDescription: z.string().trim().max(500).default(''),
  rmrpActivity: z.string().trim().max(200).default(''),
});

const r4vConfigObject = z.strictObject({
    appealingOrganisation: text('la organización que hace el llamamiento (Appealing organisation)'),
    implementingPartner: text('la organización que implementa (Implementing partner)'),
    implementationSetUp: z.enum(['Direct Implementation', 'Implemented through partner'], { error: 'Elija la modalidad de implementación' }),
    subsector: text('el subsector'),
    /** Where the unit's sessions take place (DIVIPOLA). */
    unitMunicipalityCode: z.string().regex(/^\d{5}$/, 'Código DIVIPOLA de 5 dígitos').refine((c) => MUNICIPALITY_NAMES.has(c), 'Ese código no está en DIVIPOLA'),
    mappings: z.array(r4vMappingSchema).min(1, 'Asigne al menos un indicador').max(R4V_SOURCES.length),
  });

export const r4vConfigSchema = r4vConfigObject.superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.mappings.forEach((m, i) => {
      if (seen.has(m.source)) ctx.addIssue({ code: 'custom', path: ['mappings', i, 'source'], message: 'Este origen ya tiene indicador' });
      seen.add(m.source);
    });
    // Sources merged into one row must agree on what the row is.
    const byRow = new Map<string, string>();
    config.mappings.forEach((m, i) => {
      const key = `${m.indicator}|${m.activityName}`;
      const type = byRow.get(key);
      if (type && type !== m.indicatorType) ctx.addIssue({ code: 'custom', path: ['mappings', i, 'indicatorType'], message: 'El mismo indicador y actividad deben tener un solo tipo' });
      byRow.set(key, m.indicatorType);
    });
  });
export type R4vConfig = z.output<typeof r4vConfigSchema>;

export const EXPORT_KINDS = ['monthly_report', 'r4v_5w', 'deidentified_sessions', 'deidentified_patient_months'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const createExportInput = z
  .strictObject({
    kind: z.enum(EXPORT_KINDS, { error: 'Elija el tipo de exportación' }),
    format: z.enum(['xlsx', 'csv'], { error: 'Formato: xlsx o csv' }).default('xlsx'),
    from: isoDateSchema,
    to: isoDateSchema,
    threshold: thresholdSchema,
    /** De-identified rows: the minimum distinct people per combination of quasi-identifiers. */
    k: z.number().int().min(5, 'k mínimo 5').max(50).default(5),
    /** De-identified rows: the same export key gives the same pseudonyms; absent, the unit's own key. */
    exportKey: z.string().min(12, 'La clave de exportación tiene al menos 12 caracteres').max(200).optional(),
  })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'La fecha final es anterior a la inicial' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 366 * 86_400_000, { path: ['to'], message: 'Máximo un año por exportación' });
export type CreateExportInput = z.output<typeof createExportInput>;

export const exportJobSchema = z.object({
  id: idSchema,
  kind: z.enum(EXPORT_KINDS),
  format: z.enum(['xlsx', 'csv']),
  period: z.object({ from: z.string(), to: z.string() }),
  state: z.enum(['running', 'done', 'failed']),
  progress: z.number(),
  message: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  startedByName: z.string(),
  fileName: z.string().nullable(),
  rows: z.number().int().nullable(),
  /** What disclosure control did: k reached, rows generalised or suppressed, cells suppressed. */
  disclosure: z.record(z.string(), z.union([z.number(), z.null()])).nullable(),
  error: z.string().nullable(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

const ADMIN = ['admin'] as const;

export const exportsProcedures = {
  'exports.create': procedure({
    summary: 'Start an export (monthly report, R4V 5W, de-identified rows) for a period; one of each kind at a time (409 otherwise). Audited with who, kind, period and rows when it ends.',
    access: ADMIN,
    input: createExportInput,
    output: z.object({ job: exportJobSchema }),
  }),
  'exports.status': procedure({
    summary: 'Progress and result of an export.',
    access: ADMIN,
    input: z.strictObject({ jobId: idSchema }),
    output: z.object({ job: exportJobSchema }),
  }),
  'exports.list': procedure({
    summary: 'Exports of this host since it started, newest first.',
    access: ADMIN,
    input: z.strictObject({}),
    output: z.object({ jobs: z.array(exportJobSchema) }),
  }),
  'exports.download': procedure({
    summary: 'The file of a finished export (base64); kept in memory only, for an hour.',
    access: ADMIN,
    input: z.strictObject({ jobId: idSchema }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  }),
  'exports.r4vConfig': procedure({
    summary: 'The R4V 5W settings: organisation names, implementation set-up, subsector, and the indicator of each activity kind.',
    access: ADMIN,
    input: z.strictObject({}),
    output: z.object({ config: r4vConfigSchema.nullable(), defaults: r4vConfigObject.partial() }),
  }),
  'exports.setR4vConfig': procedure({
    summary: 'Save the R4V 5W settings (audited).',
    access: ADMIN,
    input: z.strictObject({ config: r4vConfigSchema }),
    output: z.object({ config: r4vConfigSchema }),
  }),
};
