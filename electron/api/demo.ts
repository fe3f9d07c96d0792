import { z } from 'zod';
import { procedure } from './procedure';

export const demoSeedInput = z.strictObject({
  /** Synthetic patients to create (a demo database, never a unit's real one). */
  patients: z.number().int().min(1, 'Al menos 1 paciente').max(20_000, 'Máximo 20.000 pacientes').default(2_000),
  /** Signed sessions per patient over the last year. */
  sessionsPerPatient: z.number().int().min(0).max(10).default(3),
});
export type DemoSeedInput = z.output<typeof demoSeedInput>;

export const demoSeedOutput = z.object({
  patients: z.number().int().nonnegative(),
  sessions: z.number().int().nonnegative(),
  appointments: z.number().int().nonnegative(),
  activities: z.number().int().nonnegative(),
  cliniciansCreated: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
});

export const demoProcedures = {
  'demo.seed': procedure({
    summary: 'Fill an EMPTY database with synthetic demo data (invented patients, a year of appointments, signed sessions and community activities; clinician accounts when there are none). 409 when the database already has patients. Audited.',
    access: ['admin'],
    input: demoSeedInput,
    output: demoSeedOutput,
  }),
};
