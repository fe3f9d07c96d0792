import { z } from 'zod';
import { procedure } from './procedure';
import { emptyInput, idSchema } from './fields';

export const auditEntrySchema = z.object({
  id: idSchema,
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['success', 'failure', 'denied']),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  patientId: z.number().int().nullable(),
  details: z.record(z.string(), z.unknown()),
  origin: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const dateFilter = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'Use una fecha AAAA-MM-DD');

export const auditListInput = z.strictObject({
  userId: idSchema.optional(),
  patientId: idSchema.optional(),
  action: z.string().max(64).optional(),
  from: dateFilter.optional(),
  to: dateFilter.optional(),
  beforeId: idSchema.optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type AuditListInput = z.infer<typeof auditListInput>;

export const auditVerifyOutput = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyOutput = z.infer<typeof auditVerifyOutput>;

export const auditProcedures = {
  'audit.list': procedure({
    summary: 'Audit entries, newest first, filtered by user, patient, action and period; page with beforeId.',
    access: ['admin'],
    input: auditListInput,
    output: z.object({ entries: z.array(auditEntrySchema), nextBeforeId: z.number().int().nullable() }),
  }),
  'audit.verify': procedure({
    summary: 'Recompute the hash chain and name the first broken row.',
    access: ['admin'],
    input: emptyInput,
    output: auditVerifyOutput,
  }),
};
