import { z } from 'zod';
import {
  CONSENT_TEXT_VERSION,
  DOCUMENT_TYPES,
  ETHNICITIES,
  INSURANCE_REGIMES,
  LGBTIQ_ANSWERS,
  NUMERIC_DOCUMENTS,
  POPULATION_GROUPS,
  REFERRAL_SOURCES,
  SEXES,
  ZONES,
} from './codes';
import { idSchema, isoDateSchema, unitLocalDate } from './fields';
import { procedure } from './procedure';
import { MUNICIPALITY_NAMES } from './reference/municipalities';
import { isCountryCode } from './reference/countries';
import { normalisePhone } from './phone';

/** What reception types: no dots, spaces or dashes; letters upper case. */
export function normaliseDocumentNumber(raw: string): string {
  return raw.replace(/[\s.\-_/]/g, '').toUpperCase();
}

const personName = (what: string) =>
  z
    .string({ error: `Escriba ${what}` })
    .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, `Escriba ${what}`)
        .max(80, `${what[0]!.toUpperCase()}${what.slice(1)}: máximo 80 caracteres`)
        .regex(/^[\p{L}\p{M}' .-]+$/u, `${what[0]!.toUpperCase()}${what.slice(1)}: solo letras, espacios, apóstrofo y guion`),
    );

const optionalText = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max, `Máximo ${max} caracteres`))
    .nullish()
    .transform((s) => s || null);

export const phoneInput = z.strictObject({
  number: z
    .string({ error: 'Escriba el número' })
    .max(30, 'Número demasiado largo')
    .transform((raw, ctx) => {
      const phone = normalisePhone(raw);
      if (!phone) {
        ctx.addIssue({ code: 'custom', message: 'Número no válido: celular colombiano (300 123 4567), venezolano (0414 123 4567) o internacional con +' });
        return z.NEVER;
      }
      return phone;
    }),
  whatsapp: z.boolean().default(false),
});

const contactPerson = z.strictObject({
  name: personName('el nombre'),
  relationship: z.string().trim().min(1, 'Escriba el parentesco').max(60),
  phone: phoneInput.shape.number.nullish().transform((p) => p ?? null),
});

const guardian = contactPerson.extend({
  documentType: z.enum(DOCUMENT_TYPES).default('none'),
  documentNumber: z.string().max(30).nullish().transform((s) => (s ? normaliseDocumentNumber(s) : null)),
});

const consent = z.strictObject({
  given: z.boolean({ error: 'Indique si la persona da su consentimiento' }),
  version: z.string().min(1).max(20).default(CONSENT_TEXT_VERSION),
});

const currentYear = () => unitLocalDate().getUTCFullYear();

/** Age in whole years on `today` (a unit-local date, read through its UTC fields: see unitLocalDate). */
function ageOn(dateOfBirth: string | null | undefined, estimatedYear: number | null | undefined, today = unitLocalDate()): number | null {
  if (dateOfBirth) {
    const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
    let age = today.getUTCFullYear() - y;
    if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age -= 1;
    return age;
  }
  return estimatedYear ? today.getUTCFullYear() - estimatedYear : null;
}
export { ageOn };

/** The demographic record, as the intake form and patients.register/update take it. */
export const patientFieldsObject = z.strictObject({
  givenNames: personName('los nombres'),
  familyNames: personName('los apellidos'),
  sex: z.enum(SEXES, { error: 'Elija el sexo (F, M o I)' }),
  genderIdentity: optionalText(60),
  dateOfBirth: isoDateSchema.nullish().transform((s) => s ?? null),
  estimatedBirthYear: z.number().int().min(1900, 'Año no válido').max(currentYear(), 'Año no válido').nullish().transform((n) => n ?? null),
  documentType: z.enum(DOCUMENT_TYPES, { error: 'Elija el tipo de documento (o "sin documento")' }),
  documentNumber: z.string().max(30, 'Número de documento demasiado largo').nullish().transform((s) => (s ? normaliseDocumentNumber(s) : null)),
  nationality: z
    .string({ error: 'Elija la nacionalidad' })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, 'Nacionalidad no válida (código ISO de tres letras: VEN, COL…)'),
  populationGroup: z.enum(POPULATION_GROUPS, { error: 'Elija el grupo poblacional' }),
  arrivalDate: isoDateSchema.nullish().transform((s) => s ?? null),
  phones: z.array(phoneInput).max(5, 'Máximo 5 teléfonos').default([]),
  municipalityCode: z
    .string({ error: 'Elija el municipio' })
    .regex(/^\d{5}$/, 'El municipio es un código DIVIPOLA de 5 dígitos')
    .refine((code) => MUNICIPALITY_NAMES.has(code), 'Ese código no está en DIVIPOLA'),
  neighbourhood: optionalText(120),
  address: optionalText(200),
  zone: z.enum(ZONES).nullish().transform((s) => s ?? null),
  insuranceRegime: z.enum(INSURANCE_REGIMES, { error: 'Elija el régimen de salud' }),
  eps: optionalText(120),
  sisbenGroup: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(A[1-5]|B[1-7]|C([1-9]|1[0-8])|D([1-9]|1\d|2[01]))$/, 'Grupo SISBÉN IV no válido (A1–A5, B1–B7, C1–C18, D1–D21)')
    .nullish()
    .transform((s) => s ?? null),
  pregnant: z.boolean().default(false),
  disability: z.boolean().default(false),
  ethnicity: z.enum(ETHNICITIES).default('none'),
  lgbtiq: z.enum(LGBTIQ_ANSWERS).default('not_asked'),
  unaccompaniedMinor: z.boolean().default(false),
  referralSource: z.enum(REFERRAL_SOURCES, { error: 'Elija cómo llegó a la unidad' }),
  emergencyContact: contactPerson.nullish().transform((c) => c ?? null),
  guardian: guardian.nullish().transform((g) => g ?? null),
  consentToCare: consent,
  consentToDataProcessing: consent,
});

type PatientFieldsShape = z.output<typeof patientFieldsObject>;

/** Rules across fields; the same in the form and the service. */
export function checkPatientFields(p: PatientFieldsShape, ctx: z.RefinementCtx, today = unitLocalDate()): void {
  const todayIso = today.toISOString().slice(0, 10);
  if (!p.dateOfBirth && !p.estimatedBirthYear) {
    ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'Escriba la fecha de nacimiento o, si no se conoce, el año estimado' });
  }
  if (p.dateOfBirth && p.dateOfBirth > todayIso) ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'La fecha de nacimiento no puede ser futura' });
  if (p.dateOfBirth && p.dateOfBirth < '1900-01-01') ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'Fecha de nacimiento no válida' });
  if (p.documentType === 'none' && p.documentNumber) {
    ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: 'Sin documento: deje el número vacío' });
  }
  if (p.documentType !== 'none') {
    if (!p.documentNumber) ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: 'Escriba el número de documento' });
    else if (NUMERIC_DOCUMENTS.includes(p.documentType) && !/^\d{3,15}$/.test(p.documentNumber)) {
      ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: `El ${p.documentType} lleva solo dígitos (3 a 15)` });
    } else if (!/^[A-Z0-9]{3,20}$/.test(p.documentNumber)) {
      ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: 'Número de documento: solo letras y dígitos (3 a 20)' });
    }
  }
  if (p.arrivalDate && p.arrivalDate > todayIso) ctx.addIssue({ code: 'custom', path: ['arrivalDate'], message: 'La fecha de llegada no puede ser futura' });
  if (p.arrivalDate && p.dateOfBirth && p.arrivalDate < p.dateOfBirth) {
    ctx.addIssue({ code: 'custom', path: ['arrivalDate'], message: 'La fecha de llegada es anterior al nacimiento' });
  }
  if (p.pregnant && p.sex === 'M') ctx.addIssue({ code: 'custom', path: ['pregnant'], message: 'Embarazo marcado con sexo M: revise' });
  const age = ageOn(p.dateOfBirth, p.estimatedBirthYear, today);
  if (age !== null && age < 18 && !p.guardian) {
    ctx.addIssue({ code: 'custom', path: ['guardian'], message: 'Menor de 18 años: registre el acudiente o tutor' });
  }
  if (p.unaccompaniedMinor && age !== null && age >= 18) {
    ctx.addIssue({ code: 'custom', path: ['unaccompaniedMinor'], message: 'Solo aplica a menores de 18 años' });
  }
  if (!p.consentToCare.given) {
    ctx.addIssue({ code: 'custom', path: ['consentToCare', 'given'], message: 'Sin consentimiento para la atención no se puede registrar a la persona' });
  }
}

export const patientFields = patientFieldsObject.superRefine((p, ctx) => checkPatientFields(p, ctx));
export type PatientFieldsInput = z.input<typeof patientFieldsObject>;
export type PatientFields = z.output<typeof patientFieldsObject>;

export const registerPatientInput = z.strictObject({
  patient: patientFields,
  /** Ids the receptionist saw in the duplicate warning and confirmed are other people (audited). */
  confirmedNotDuplicateOf: z.array(idSchema).max(50).default([]),
});

export const updatePatientInput = z.strictObject({
  patientId: idSchema,
  patient: patientFields,
});

const phoneOutput = z.object({ number: z.string(), whatsapp: z.boolean() });
const contactOutput = z.object({ name: z.string(), relationship: z.string(), phone: z.string().nullable() });
const consentOutput = z.object({ given: z.boolean(), version: z.string(), at: z.string(), byUserId: z.number().int(), byName: z.string() });

export const patientSchema = z.object({
  id: idSchema,
  recordNumber: z.string(),
  givenNames: z.string(),
  familyNames: z.string(),
  sex: z.enum(SEXES),
  genderIdentity: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  estimatedBirthYear: z.number().int().nullable(),
  age: z.number().int().nullable(),
  documentType: z.enum(DOCUMENT_TYPES),
  documentNumber: z.string().nullable(),
  nationality: z.string(),
  populationGroup: z.enum(POPULATION_GROUPS),
  arrivalDate: z.string().nullable(),
  phones: z.array(phoneOutput),
  municipalityCode: z.string(),
  neighbourhood: z.string().nullable(),
  address: z.string().nullable(),
  zone: z.enum(ZONES).nullable(),
  insuranceRegime: z.enum(INSURANCE_REGIMES),
  eps: z.string().nullable(),
  sisbenGroup: z.string().nullable(),
  pregnant: z.boolean(),
  disability: z.boolean(),
  ethnicity: z.enum(ETHNICITIES),
  lgbtiq: z.enum(LGBTIQ_ANSWERS),
  unaccompaniedMinor: z.boolean(),
  referralSource: z.enum(REFERRAL_SOURCES),
  emergencyContact: contactOutput.nullable(),
  guardian: contactOutput.extend({ documentType: z.enum(DOCUMENT_TYPES), documentNumber: z.string().nullable() }).nullable(),
  consentToCare: consentOutput,
  consentToDataProcessing: consentOutput,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set when an admin merged this record into another: read that one instead. */
  mergedIntoId: z.number().int().nullable(),
  mergedIntoRecordNumber: z.string().nullable(),
  noShowCount: z.number().int(),
});
export type Patient = z.infer<typeof patientSchema>;

export const patientSummarySchema = z.object({
  id: idSchema,
  recordNumber: z.string(),
  givenNames: z.string(),
  familyNames: z.string(),
  sex: z.enum(SEXES),
  dateOfBirth: z.string().nullable(),
  estimatedBirthYear: z.number().int().nullable(),
  age: z.number().int().nullable(),
  documentType: z.enum(DOCUMENT_TYPES),
  documentNumber: z.string().nullable(),
  nationality: z.string(),
  phone: z.string().nullable(),
  municipalityCode: z.string(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

export const searchPatientsInput = z.strictObject({
  query: z.string().max(120, 'Búsqueda demasiado larga').transform((s) => s.trim()).pipe(z.string().min(1, 'Escriba algo para buscar')),
  page: z.number().int().min(1).max(50).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
});

export const searchResultSchema = patientSummarySchema.extend({
  /** Why it matched: document, phone, record number, or name. */
  matchedBy: z.enum(['document', 'phone', 'record_number', 'name']),
});

export const DUPLICATE_REASONS = ['same_document', 'same_phone', 'similar_names_same_birth', 'similar_names_close_birth', 'surnames_swapped', 'second_surname_missing', 'similar_names'] as const;

export const duplicateCandidateSchema = z.object({
  patient: patientSummarySchema,
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
  score: z.number(),
});

export const historyEntrySchema = z.object({
  id: idSchema,
  at: z.string(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
});

export const patientsProcedures = {
  'patients.register': procedure({
    summary: 'Register a patient (consent to care required); answers the record with its unit record number (SM-2026-000123).',
    access: ['reception', 'admin'],
    input: registerPatientInput,
    output: z.object({ patient: patientSchema }),
  }),
  'patients.update': procedure({
    summary: 'Correct or complete the demographic record; every changed field goes to the history.',
    access: ['reception', 'admin'],
    input: updatePatientInput,
    output: z.object({ patient: patientSchema }),
  }),
  'patients.get': procedure({
    summary: 'One patient’s demographic record (audited read).',
    access: ['reception', 'clinician', 'admin'],
    input: z.strictObject({ patientId: idSchema }),
    output: z.object({ patient: patientSchema }),
  }),
  'patients.history': procedure({
    summary: 'Every change of a patient’s record: who, when, old and new value (audited read).',
    access: ['reception', 'clinician', 'admin'],
    input: z.strictObject({ patientId: idSchema }),
    output: z.object({ entries: z.array(historyEntrySchema) }),
  }),
  'patients.search': procedure({
    summary: 'One box: names in any order (accents, case and typos forgiven), document with or without dots, phone, record number. Ranked, paginated.',
    access: ['reception', 'clinician', 'admin'],
    input: searchPatientsInput,
    output: z.object({ results: z.array(searchResultSchema), page: z.number().int(), hasMore: z.boolean() }),
  }),
  'patients.checkDuplicates': procedure({
    summary: 'Likely existing records for a registration draft, each with the reasons.',
    access: ['reception', 'admin'],
    input: z.strictObject({
      patient: patientFieldsObject.pick({ givenNames: true, familyNames: true }).extend({
        dateOfBirth: isoDateSchema.nullish(),
        estimatedBirthYear: z.number().int().nullish(),
        documentType: z.enum(DOCUMENT_TYPES).nullish(),
        documentNumber: z.string().max(30).nullish(),
        phones: z.array(z.strictObject({ number: z.string().max(30), whatsapp: z.boolean().optional() })).max(5).optional(),
      }),
      excludePatientId: idSchema.optional(),
    }),
    output: z.object({ candidates: z.array(duplicateCandidateSchema) }),
  }),
  'patients.merge': procedure({
    summary: 'Admin: merge a duplicate into the record kept; appointments, phones and history move, the duplicate stays readable and points to the kept one.',
    access: ['admin'],
    input: z.strictObject({
      keepPatientId: idSchema,
      mergePatientId: idSchema,
      reason: z.string().trim().min(5, 'Explique por qué son la misma persona').max(500),
    }),
    output: z.object({ patient: patientSchema }),
  }),
};
