import { z } from 'zod';
import { ACTIVITY_KINDS, AGE_BANDS, POPULATION_GROUPS, SEXES } from './codes';
import { idSchema, isoDateSchema } from './fields';
import { procedure } from './procedure';
import { MUNICIPALITY_NAMES } from './reference/municipalities';

export const attendanceCellInput = z.strictObject({
  sex: z.enum(SEXES, { error: 'Elija el sexo' }),
  ageBand: z.enum(AGE_BANDS, { error: 'Elija el grupo de edad' }),
  populationGroup: z.enum(POPULATION_GROUPS, { error: 'Elija el grupo poblacional' }),
  count: z.number({ error: 'Escriba cuántas personas' }).int('Número entero').min(1, 'Al menos 1 persona').max(5000, 'Máximo 5000 por casilla'),
});

export const activityFieldsObject = z.strictObject({
  date: isoDateSchema,
  municipalityCode: z
    .string({ error: 'Elija el municipio' })
    .regex(/^\d{5}$/, 'El municipio es un código DIVIPOLA de 5 dígitos')
    .refine((code) => MUNICIPALITY_NAMES.has(code), 'Ese código no está en DIVIPOLA'),
  place: z.string({ error: 'Escriba el lugar' }).trim().min(2, 'Escriba el lugar').max(160),
  kind: z.enum(ACTIVITY_KINDS, { error: 'Elija el tipo de actividad' }),
  topic: z.string({ error: 'Escriba el tema' }).trim().min(2, 'Escriba el tema').max(200),
  durationMinutes: z.number().int().min(10).max(600).nullish().transform((v) => v ?? null),
  facilitatorIds: z.array(idSchema).min(1, 'Elija al menos un facilitador').max(10),
  otherFacilitators: z.string().trim().max(300).nullish().transform((s) => s || null),
  attendance: z.array(attendanceCellInput).min(1, 'Registre la asistencia').max(AGE_BANDS.length * SEXES.length * POPULATION_GROUPS.length),
  /** Optional: registered patients who attended (names stay in their records, not here). */
  patientIds: z.array(idSchema).max(500).default([]),
  notes: z.string().max(2000).nullish().transform((s) => (s && s.trim()) || null),
});

export const activityFields = activityFieldsObject.superRefine((a, ctx) => {
  const seen = new Set<string>();
  a.attendance.forEach((cell, i) => {
    const key = `${cell.sex}|${cell.ageBand}|${cell.populationGroup}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['attendance', i], message: 'Esta combinación de sexo, edad y grupo ya está en la lista' });
    seen.add(key);
  });
  if (new Set(a.patientIds).size !== a.patientIds.length) ctx.addIssue({ code: 'custom', path: ['patientIds'], message: 'Paciente repetido' });
  const total = a.attendance.reduce((s, c) => s + c.count, 0);
  if (a.patientIds.length > total) ctx.addIssue({ code: 'custom', path: ['patientIds'], message: 'Hay más pacientes vinculados que asistentes contados' });
});
export type ActivityFields = z.output<typeof activityFieldsObject>;

export const activitySchema = z.object({
  id: idSchema,
  date: z.string(),
  municipalityCode: z.string(),
  place: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  topic: z.string(),
  durationMinutes: z.number().int().nullable(),
  facilitators: z.array(z.object({ id: idSchema, name: z.string() })),
  otherFacilitators: z.string().nullable(),
  attendance: z.array(z.object({ sex: z.enum(SEXES), ageBand: z.enum(AGE_BANDS), populationGroup: z.enum(POPULATION_GROUPS), count: z.number().int() })),
  totalAttendance: z.number().int(),
  patientIds: z.array(idSchema),
  notes: z.string().nullable(),
  recordedById: idSchema,
  recordedByName: z.string(),
  recordedAt: z.string(),
  updatedAt: z.string(),
});
export type Activity = z.infer<typeof activitySchema>;

const WHO = ['clinician', 'admin'] as const;

export const activitiesProcedures = {
  'activities.record': procedure({
    summary: 'Record a community or group activity with attendance counted by sex × age band × population group.',
    access: WHO,
    input: activityFields,
    output: z.object({ activity: activitySchema }),
  }),
  'activities.update': procedure({
    summary: 'Correct an activity (its author or an admin); the previous version is kept in its history.',
    access: WHO,
    input: z.strictObject({ activityId: idSchema, activity: activityFields }),
    output: z.object({ activity: activitySchema }),
  }),
  'activities.get': procedure({
    summary: 'One activity with its attendance.',
    access: WHO,
    input: z.strictObject({ activityId: idSchema }),
    output: z.object({ activity: activitySchema }),
  }),
  'activities.list': procedure({
    summary: 'Activities in a period, newest first, with their attendance.',
    access: WHO,
    input: z.strictObject({ from: isoDateSchema, to: isoDateSchema }),
    output: z.object({ activities: z.array(activitySchema) }),
  }),
};
