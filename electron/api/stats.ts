import { z } from 'zod';
import { SERVICES } from './codes';
import { isoDateSchema } from './fields';
import { procedure } from './procedure';

const counts = z.record(z.string(), z.number());

export const dashboardInput = z
  .strictObject({
    from: isoDateSchema,
    to: isoDateSchema,
    service: z.enum(SERVICES).optional(),
  })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'La fecha final es anterior a la inicial' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 3 * 366 * 86_400_000, { path: ['to'], message: 'Máximo tres años por consulta' });
export type DashboardInput = z.output<typeof dashboardInput>;

const disaggregation = z.object({
  bySex: counts,
  byAgeBand: counts,
  byAgeGroup: counts,
  byNationality: counts,
  byPopulationGroup: counts,
});

export const dashboardSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  service: z.enum(SERVICES).nullable(),
  /** People with at least one signed session in the period (merged records counted once). */
  uniquePeople: z.number().int(),
  /** Records registered in the period (not service-specific). */
  newPatients: z.number().int(),
  sessions: z.object({ total: z.number().int(), byService: counts, byFormat: counts, byModality: counts }),
  people: disaggregation,
  community: z.object({ activities: z.number().int(), participants: z.number().int(), bySex: counts, byAgeBand: counts, byPopulationGroup: counts }),
  appointments: z.object({ noShows: z.number().int(), attended: z.number().int(), noShowRate: z.number().nullable() }),
  /** Registration to first signed session, for people whose first session is in the period. */
  waitingDays: z.object({ patients: z.number().int(), mean: z.number().nullable(), median: z.number().nullable() }),
  riskAlertsRaised: z.number().int(),
  instrumentChange: z.array(z.object({ instrument: z.enum(['phq9', 'gad7', 'who5']), patients: z.number().int(), meanFirst: z.number().nullable(), meanLatest: z.number().nullable(), meanChange: z.number().nullable() })),
  monthly: z.array(z.object({ month: z.string(), sessions: z.number().int(), people: z.number().int(), communityParticipants: z.number().int() })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const statsProcedures = {
  'stats.dashboard': procedure({
    summary: 'Administrator dashboard for a period (and a service): people served, sessions, community reach, no-shows, waiting days, risk alerts, disaggregations, PHQ-9/GAD-7/WHO-5 change. Runs on a read-only connection off the main thread.',
    access: ['admin'],
    input: dashboardInput,
    output: dashboardSchema,
  }),
};
