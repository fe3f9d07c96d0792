import { z } from 'zod';
import {
  INTERVENTIONS,
  MODALITIES,
  REFERRAL_KINDS,
  REFERRAL_STATUSES,
  RISK_LEVELS,
  SERVICES,
  SESSION_FORMATS,
  SESSION_STATUSES,
  VISIT_KINDS,
} from './codes';
import { idSchema } from './fields';
import { instrumentAnswersInput, INSTRUMENT_IDS, scoredInstrumentSchema } from './instruments';
import { localDateTimeSchema } from './appointments';
import { procedure } from './procedure';
import { ICD10_DESCRIPTIONS } from './reference/diagnoses';

const longText = (max: number, what: string) =>
  z
    .string()
    .max(max, `${what}: máximo ${max} caracteres`)
    .nullish()
    .transform((s) => (s && s.trim() ? s.replace(/\r\n/g, '\n') : null));

export const referralInput = z
  .strictObject({
    kind: z.enum(REFERRAL_KINDS, { error: 'Indique si la remisión es interna o externa' }),
    service: z.enum(SERVICES).nullish().transform((s) => s ?? null),
    organisation: z.string().trim().max(160).nullish().transform((s) => s || null),
    reason: z.string({ error: 'Escriba el motivo de la remisión' }).trim().min(3, 'Escriba el motivo de la remisión').max(1000),
    status: z.enum(REFERRAL_STATUSES).default('sent'),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'internal' && !r.service) ctx.addIssue({ code: 'custom', path: ['service'], message: 'Elija el servicio al que se remite' });
    if (r.kind === 'external' && !r.organisation) ctx.addIssue({ code: 'custom', path: ['organisation'], message: 'Escriba la organización a la que se remite' });
  });

export const diagnosisInput = z.strictObject({
  code: z
    .string({ error: 'Elija un código CIE-10' })
    .trim()
    .toUpperCase()
    .transform((c) => c.replace('.', '').padEnd(4, 'X'))
    .refine((c) => ICD10_DESCRIPTIONS.has(c), 'Código CIE-10 no reconocido (capítulo F, G40–G41, R45, X60–X84, Z55–Z65, T74)'),
  primary: z.boolean().default(false),
});

/** The clinical content of a session, as the form sends it (drafts and signing use the same shape). */
export const sessionFieldsObject = z.strictObject({
  patientId: idSchema,
  appointmentId: idSchema.nullish().transform((v) => v ?? null),
  startsAt: localDateTimeSchema,
  durationMinutes: z.number({ error: 'Escriba la duración en minutos' }).int().min(5, 'Mínimo 5 minutos').max(480, 'Máximo 480 minutos'),
  visitKind: z.enum(VISIT_KINDS, { error: 'Indique si es primera vez o seguimiento' }),
  modality: z.enum(MODALITIES, { error: 'Elija la modalidad' }),
  format: z.enum(SESSION_FORMATS, { error: 'Elija el formato' }),
  service: z.enum(SERVICES, { error: 'Elija el servicio' }),
  interventions: z.array(z.enum(INTERVENTIONS)).max(INTERVENTIONS.length).default([]),
  presentingConcerns: longText(4000, 'Motivo de consulta'),
  risk: z
    .strictObject({
      violence: z.enum(RISK_LEVELS).default('not_assessed'),
      genderBasedViolence: z.enum(RISK_LEVELS).default('not_assessed'),
      protectionConcerns: longText(2000, 'Necesidades de protección'),
    })
    .default({ violence: 'not_assessed', genderBasedViolence: 'not_assessed', protectionConcerns: null }),
  instruments: z.array(instrumentAnswersInput).max(INSTRUMENT_IDS.length, 'Cada instrumento una vez por sesión').default([]),
  diagnoses: z.array(diagnosisInput).max(10, 'Máximo 10 diagnósticos').default([]),
  note: longText(20000, 'Nota clínica'),
  plan: longText(4000, 'Plan'),
  referrals: z.array(referralInput).max(10, 'Máximo 10 remisiones').default([]),
});

export const sessionFields = sessionFieldsObject.superRefine((s, ctx) => {
  const seen = new Set<string>();
  s.instruments.forEach((i, k) => {
    if (seen.has(i.instrument)) ctx.addIssue({ code: 'custom', path: ['instruments', k, 'instrument'], message: 'Este instrumento ya está en la sesión' });
    seen.add(i.instrument);
  });
  const codes = new Set<string>();
  s.diagnoses.forEach((d, k) => {
    if (codes.has(d.code)) ctx.addIssue({ code: 'custom', path: ['diagnoses', k, 'code'], message: 'Diagnóstico repetido' });
    codes.add(d.code);
  });
  if (s.diagnoses.filter((d) => d.primary).length > 1) ctx.addIssue({ code: 'custom', path: ['diagnoses'], message: 'Solo un diagnóstico principal' });
  if (new Set(s.interventions).size !== s.interventions.length) ctx.addIssue({ code: 'custom', path: ['interventions'], message: 'Intervención repetida' });
});
export type SessionFields = z.output<typeof sessionFieldsObject>;
export type SessionFieldsInput = z.input<typeof sessionFieldsObject>;

const referralOutput = z.object({
  id: z.number().int().nullable(),
  kind: z.enum(REFERRAL_KINDS),
  service: z.enum(SERVICES).nullable(),
  organisation: z.string().nullable(),
  reason: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  statusUpdatedAt: z.string().nullable(),
});

export const amendmentSchema = z.object({
  id: idSchema,
  at: z.string(),
  authorId: idSchema,
  authorName: z.string(),
  reason: z.string(),
  text: z.string(),
});

export const sessionSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  clinicianId: idSchema,
  clinicianName: z.string(),
  appointmentId: z.number().int().nullable(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  visitKind: z.enum(VISIT_KINDS),
  modality: z.enum(MODALITIES),
  format: z.enum(SESSION_FORMATS),
  service: z.enum(SERVICES),
  interventions: z.array(z.enum(INTERVENTIONS)),
  presentingConcerns: z.string().nullable(),
  risk: z.object({ violence: z.enum(RISK_LEVELS), genderBasedViolence: z.enum(RISK_LEVELS), protectionConcerns: z.string().nullable() }),
  instruments: z.array(scoredInstrumentSchema),
  diagnoses: z.array(z.object({ code: z.string(), description: z.string(), primary: z.boolean() })),
  note: z.string().nullable(),
  plan: z.string().nullable(),
  referrals: z.array(referralOutput),
  status: z.enum(SESSION_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  signedAt: z.string().nullable(),
  /** SHA-256 of the signed content: the note as signed can be checked against it. */
  signatureHash: z.string().nullable(),
  amendments: z.array(amendmentSchema),
});
export type Session = z.infer<typeof sessionSchema>;

export const sessionSummarySchema = z.object({
  id: idSchema,
  startsAt: z.string(),
  service: z.enum(SERVICES),
  clinicianName: z.string(),
  status: z.enum(SESSION_STATUSES),
  visitKind: z.enum(VISIT_KINDS),
  format: z.enum(SESSION_FORMATS),
  modality: z.enum(MODALITIES),
  instruments: z.array(z.object({ instrument: z.enum(INSTRUMENT_IDS), total: z.number().nullable(), band: z.string() })),
  amendmentCount: z.number().int(),
});

/** What reception and administration may know of a session: that it happened, for scheduling. */
export const visitSchema = z.object({
  id: idSchema,
  startsAt: z.string(),
  service: z.enum(SERVICES),
  clinicianName: z.string(),
  status: z.enum(SESSION_STATUSES),
});

export const riskAlertSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  patientRecordNumber: z.string(),
  sessionId: idSchema,
  source: z.enum(['phq9_item9', 'cssrs']),
  level: z.enum(['moderate', 'high']),
  raisedAt: z.string(),
  raisedByName: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  acknowledgementNote: z.string().nullable(),
});
export type RiskAlert = z.infer<typeof riskAlertSchema>;

const CLINICAL = ['clinician'] as const;
const sessionRef = z.strictObject({ sessionId: idSchema });

export const sessionsProcedures = {
  'sessions.create': procedure({
    summary: 'Start a session record as a draft (the author is the signed-in clinician); instruments are scored and risk alerts raised at once.',
    access: CLINICAL,
    input: sessionFields,
    output: z.object({ session: sessionSchema }),
  }),
  'sessions.update': procedure({
    summary: 'Save a draft again (autosave); only its author, only while it is a draft.',
    access: CLINICAL,
    input: z.strictObject({ sessionId: idSchema, session: sessionFields }),
    output: z.object({ session: sessionSchema }),
  }),
  'sessions.sign': procedure({
    summary: 'Sign a draft (only its author): it is locked for ever; later changes are amendments. A linked appointment becomes completed.',
    access: CLINICAL,
    input: sessionRef,
    output: z.object({ session: sessionSchema }),
  }),
  'sessions.amend': procedure({
    summary: 'Append a dated, authored amendment with a reason to a signed session; the original stays as signed.',
    access: CLINICAL,
    input: z.strictObject({
      sessionId: idSchema,
      reason: z.string({ error: 'Escriba el motivo de la enmienda' }).trim().min(5, 'Escriba el motivo de la enmienda').max(500),
      text: z.string({ error: 'Escriba la enmienda' }).trim().min(1, 'Escriba la enmienda').max(10000),
    }),
    output: z.object({ session: sessionSchema }),
  }),
  'sessions.get': procedure({
    summary: 'One session with its scores, amendments and referrals (audited clinical read).',
    access: CLINICAL,
    input: sessionRef,
    output: z.object({ session: sessionSchema }),
  }),
  'sessions.listForPatient': procedure({
    summary: 'A patient’s sessions, newest first, with instrument totals (audited clinical read).',
    access: CLINICAL,
    input: z.strictObject({ patientId: idSchema }),
    output: z.object({ sessions: z.array(sessionSummarySchema) }),
  }),
  'sessions.listDrafts': procedure({
    summary: 'The signed-in clinician’s unsigned drafts.',
    access: CLINICAL,
    input: z.strictObject({}),
    output: z.object({ sessions: z.array(sessionSummarySchema.extend({ patientId: idSchema, patientName: z.string() })) }),
  }),
  'sessions.listVisits': procedure({
    summary: 'That sessions happened (date, service, clinician), without clinical content: for reception and scheduling.',
    access: ['reception', 'clinician', 'admin'],
    input: z.strictObject({ patientId: idSchema }),
    output: z.object({ visits: z.array(visitSchema) }),
  }),
  'referrals.updateStatus': procedure({
    summary: 'Follow a referral of a signed session: sent → accepted → attended (audited).',
    access: CLINICAL,
    input: z.strictObject({ referralId: idSchema, status: z.enum(REFERRAL_STATUSES) }),
    output: z.object({ session: sessionSchema }),
  }),
  'instruments.catalog': procedure({
    summary: 'The screening instruments with their Spanish items and answer options.',
    access: CLINICAL,
    input: z.strictObject({}),
    output: z.object({
      instruments: z.array(
        z.object({ id: z.enum(INSTRUMENT_IDS), name: z.string(), kind: z.enum(['numeric', 'cssrs']), stem: z.string(), items: z.array(z.string()), options: z.array(z.string()), min: z.number().int(), max: z.number().int(), lowerIsBetter: z.boolean().nullable() }),
      ),
    }),
  }),
  'instruments.history': procedure({
    summary: 'A patient’s instrument scores over time from signed sessions, for the charts (audited clinical read).',
    access: CLINICAL,
    input: z.strictObject({ patientId: idSchema }),
    output: z.object({
      series: z.array(z.object({ instrument: z.enum(INSTRUMENT_IDS), points: z.array(z.object({ sessionId: idSchema, at: z.string(), total: z.number().nullable(), band: z.string() })) })),
    }),
  }),
  'alerts.list': procedure({
    summary: 'Risk alerts: open ones for every clinician by default, or all of one patient.',
    access: CLINICAL,
    input: z.strictObject({ patientId: idSchema.optional(), includeAcknowledged: z.boolean().optional() }),
    output: z.object({ alerts: z.array(riskAlertSchema) }),
  }),
  'alerts.acknowledge': procedure({
    summary: 'A clinician acknowledges a risk alert, with what was done (audited).',
    access: CLINICAL,
    input: z.strictObject({ alertId: idSchema, note: z.string({ error: 'Escriba qué se hizo' }).trim().min(3, 'Escriba qué se hizo').max(1000) }),
    output: z.object({ alert: riskAlertSchema }),
  }),
};
