import { Migrator, type Kysely } from 'kysely';
import { migrationProvider } from './migrations/index';
import type { Database } from './schema';

/** Brings the schema up to date; running it again changes nothing. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
