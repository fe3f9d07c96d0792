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

/** A count as released: the number, or suppressed (shown as "<threshold"). */
export const outCellSchema = z.union([
  z.object({ suppressed: z.literal(false), value: z.number() }),
  z.object({ suppressed: z.literal(true), value: z.null(), reason: z.enum(['primary', 'complementary']) }),
]);
const suppressedList = z.object({ kind: z.literal('list'), threshold: z.number().int(), labels: z.array(z.string()), cells: z.array(outCellSchema), total: outCellSchema });
const suppressedTable = z.object({
  kind: z.literal('table'),
  threshold: z.number().int(),
  rowLabels: z.array(z.string()),
  columnLabels: z.array(z.string()),
  cells: z.array(z.array(outCellSchema)),
  rowTotals: z.array(outCellSchema),
  columnTotals: z.array(outCellSchema),
  grandTotal: outCellSchema,
});

export const REPORT_CATEGORIES = ['individual', 'family', 'group', 'community'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const thresholdSchema = z.number().int().min(2, 'El umbral va de 2 a 11').max(11, 'El umbral va de 2 a 11').default(5);

export const periodInput = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'La fecha final es anterior a la inicial' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 366 * 86_400_000, { path: ['to'], message: 'Máximo un año por informe' });

export const monthlyReportInput = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema, threshold: thresholdSchema })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'La fecha final es anterior a la inicial' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 366 * 86_400_000, { path: ['to'], message: 'Máximo un año por informe' });

export const monthlyReportSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  threshold: z.number().int(),
  categories: z.array(
    z.object({
      category: z.enum(REPORT_CATEGORIES),
      interventions: z.number().int(),
      people: outCellSchema,
      bySexAge: suppressedTable,
      byPopulationGroup: suppressedList,
      byNationality: suppressedList.nullable(),
    }),
  ),
});
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;

export const statsProcedures = {
  'stats.monthlyReport': procedure({
    summary: 'The monthly MHPSS activity report (individual, family, group, community: interventions and people reached, disaggregated), small cells suppressed; for the printable page.',
    access: ['admin'],
    input: monthlyReportInput,
    output: monthlyReportSchema,
  }),
  'stats.dashboard': procedure({
    summary: 'Administrator dashboard for a period (and a service): people served, sessions, community reach, no-shows, waiting days, risk alerts, disaggregations, PHQ-9/GAD-7/WHO-5 change. Runs on a read-only connection off the main thread.',
    access: ['admin'],
    input: dashboardInput,
    output: dashboardSchema,
  }),
};
