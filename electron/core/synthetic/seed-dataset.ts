// A whole synthetic unit for demos and benchmarks: patients (with their search index), a year of
// appointments and signed sessions with scores and diagnoses, and community activities. Written in
// chunks, one transaction each, so that a million patients take minutes and memory stays flat.
import type { RawDatabase } from '../../../db/connection';
import { appendAudit } from '../audit';
import type { Actor, ServiceContext } from '../context';
import { createUser } from '../users';
import { randomBytes } from 'node:crypto';
import { rng, syntheticPatient } from './generate';
import { insertPatientsBulk } from './seed';
import { seedCare } from './seed-care';
import { addReachOfRange } from '../reports/reach';

export interface DatasetOptions {
  patients: number;
  /** Signed sessions per patient (missed and cancelled appointments come on top). */
  sessionsPerPatient: number;
  seed?: number;
  /** Patients per transaction. */
  chunkSize?: number;
  actor?: Actor | null;
  origin?: string | null;
  onProgress?: (progress: DatasetProgress) => void;
}

export interface DatasetProgress {
  patientsDone: number;
  patientsTotal: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

export interface DatasetResult {
  patients: number;
  sessions: number;
  appointments: number;
  activities: number;
  /** Every row written: patients, phones, search index, appointments, sessions, scores, diagnoses, activities. */
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  cliniciansCreated: number;
  from: string;
  to: string;
}

const CLINICIANS = [
  ['psicologa1', 'Psicóloga Andrea Villamizar'],
  ['psicologo2', 'Psicólogo Daniel Rincón'],
  ['psiquiatra1', 'Psiquiatra Carmen Urdaneta'],
  ['trabajosocial1', 'Trabajadora social Luisa Peñaloza'],
] as const;

/** The active clinicians, creating a few accounts (random passwords, to be reset by an admin) when there are none. */
async function ensureClinicians(ctx: ServiceContext, actor: Actor | null): Promise<{ ids: number[]; created: number }> {
  const existing = await ctx.db.selectFrom('users').select('id').where('role', '=', 'clinician').where('active', '=', 1).execute();
  if (existing.length > 0) return { ids: existing.map((u) => u.id), created: 0 };
  const ids: number[] = [];
  for (const [username, displayName] of CLINICIANS) {
    const password = `${randomBytes(18).toString('base64url')} clave`;
    const { user } = await createUser(ctx, actor, { username, displayName, role: 'clinician', password }, 'seed');
    ids.push(user.id);
  }
  return { ids, created: ids.length };
}

/** The year that ends on the clock's day (UTC date), as YYYY-MM-DD bounds. */
export function lastYear(now: number): { from: string; to: string } {
  const to = new Date(now).toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

export async function seedDataset(ctx: ServiceContext, raw: RawDatabase, options: DatasetOptions): Promise<DatasetResult> {
  const started = performance.now();
  const random = rng(options.seed ?? 1);
  const chunkSize = options.chunkSize ?? 50_000;
  const clinicians = await ensureClinicians(ctx, options.actor ?? null);
  const byUserId = options.actor?.userId ?? clinicians.ids[0]!;
  const { from, to } = lastYear(ctx.clock.now());
  const at = new Date(ctx.clock.now()).toISOString();
  const seen = new Set<string>();
  const totals = { patients: 0, sessions: 0, appointments: 0, activities: 0, rows: 0 };
  // Random inserts into large indexes thrash the default 2 MB page cache (each miss decrypts a page):
  // a larger cache while seeding, the connection's own afterwards.
  const cacheSize = raw.pragma('cache_size', { simple: true }) as number;
  raw.pragma('cache_size=-262144');
  try {
    for (let chunk = 0; totals.patients < options.patients; chunk++) {
      const count = Math.min(chunkSize, options.patients - totals.patients);
      const patients = Array.from({ length: count }, () => syntheticPatient(random));
      const { firstId } = insertPatientsBulk(raw, patients, byUserId, at, seen);
      const phones = patients.reduce((s, p) => s + p.phones.length, 0);
      const care = seedCare(raw, {
        patientIds: Array.from({ length: count }, (_, i) => firstId + i),
        clinicianIds: clinicians.ids,
        from,
        to,
        sessionsPerPatient: options.sessionsPerPatient,
        activities: Math.max(1, Math.round(count / 250)),
        seed: (options.seed ?? 1) * 1000 + chunk,
        exactSessions: true,
      });
      // Bulk rows bypass the services: the reports' reach cells of the chunk's people are added here.
      await addReachOfRange(ctx.db, firstId, firstId + count - 1);
      totals.patients += count;
      totals.sessions += care.sessions;
      totals.appointments += care.appointments;
      totals.activities += care.activities;
      // patient + search index, phones, appointments, sessions + diagnosis, scores, activities.
      totals.rows += 2 * count + phones + care.appointments + 2 * care.sessions + care.scores + care.activities;
      const seconds = (performance.now() - started) / 1000;
      options.onProgress?.({ patientsDone: totals.patients, patientsTotal: options.patients, rows: totals.rows, seconds, rowsPerSecond: totals.rows / seconds });
      // Let the event loop breathe between chunks (the host keeps answering during a demo seeding).
      await new Promise((resolve) => setImmediate(resolve));
    }
    // A bulk import leaves the search index in many segments (14 at a million people), each looked up
    // by every search: merged into one (4 s at a million), name searches read fewer pages.
    raw.exec(`INSERT INTO patient_search(patient_search) VALUES('optimize')`);
  } finally {
    raw.pragma(`cache_size=${cacheSize}`);
  }
  const seconds = (performance.now() - started) / 1000;
  await ctx.db.transaction().execute((trx) =>
    appendAudit(ctx, trx, {
      action: 'patients.seed',
      actor: options.actor ?? null,
      actorUsername: options.actor ? null : 'seed',
      origin: options.origin ?? null,
      details: { count: totals.patients, sessions: totals.sessions, appointments: totals.appointments, activities: totals.activities, seed: options.seed ?? 1, from, to },
    }),
  );
  return { ...totals, seconds, rowsPerSecond: totals.rows / seconds, cliniciansCreated: clinicians.created, from, to };
}
