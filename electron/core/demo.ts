// Demo data from the UI: an admin fills an empty database with a synthetic unit. Never on a
// database that already holds patients: demo people must not mix with real ones.
import type { DemoSeedInput } from '../api/demo';
import type { Actor, ServiceContext } from './context';
import { conflict } from './errors';
import { seedDataset } from './synthetic/seed-dataset';
import type { RawDatabase } from '../../db/connection';

export async function seedDemo(ctx: ServiceContext, actor: Actor, input: DemoSeedInput, origin: string | null) {
  const any = await ctx.db.selectFrom('patients').select('id').limit(1).executeTakeFirst();
  if (any) throw conflict('La base de datos ya tiene pacientes: los datos de demostración solo se cargan en una base vacía.');
  const raw = rawOf(ctx);
  const result = await seedDataset(ctx, raw, { patients: input.patients, sessionsPerPatient: input.sessionsPerPatient, seed: Date.now() % 100_000 || 1, chunkSize: 5_000, actor, origin });
  return {
    patients: result.patients,
    sessions: result.sessions,
    appointments: result.appointments,
    activities: result.activities,
    cliniciansCreated: result.cliniciansCreated,
    seconds: result.seconds,
  };
}

/** The better-sqlite3 handle under the Kysely instance: bulk inserts use prepared statements directly. */
function rawOf(ctx: ServiceContext): RawDatabase {
  if (!ctx.raw) throw new Error('The service context has no raw database handle');
  return ctx.raw;
}
