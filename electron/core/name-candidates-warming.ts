// The names a search re-ranks, read into SQLite's page cache once the store opens.
//
// A name search takes up to a hundred candidates from the name index and reads each one's name from
// the narrow index patients_name_candidates (migration 2026-11-23_0100). The candidates of one
// search are scattered over the whole index, so on a store just opened almost every one is a page
// to read from the file, decrypt and check (SQLCipher 4: about 40 µs a page, a plain file's about
// 7). A host that has served for a while holds most of that index in its cache, because every
// search touches some of it; warming it at the start, newest people first (those likeliest to come
// back), gives the first hour's searches what the rest of the day has. The budget keeps the warmed
// pages to a share of the cache, so that the pages of other lookups still find room.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** The share of the connection's page cache the warmed pages may take. */
const CACHE_SHARE = 0.6;
/** Patients per step: about a hundred pages of the narrow index, a few milliseconds. */
const STEP_PATIENTS = 8_192;
/** Between steps, so that a request arriving meanwhile waits for one step at most. */
const PAUSE_MS = 5;
/** An entry's bytes besides its names: the record header, id, date of birth, year, cell pointer. */
const ENTRY_OVERHEAD_BYTES = 24;

export interface NameCandidatesWarming {
  /** Resolves when warming has ended (done, stopped or failed), with the patients read. */
  readonly done: Promise<number>;
  /** Ends it after the step under way, before the database is closed. */
  stop(): Promise<void>;
}

/** The page cache's size in bytes, from PRAGMA cache_size (negative: KiB; positive: pages). */
async function cacheBytes(db: Kysely<Database>): Promise<number> {
  const size = Number((await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db)).rows[0]?.cache_size ?? 0);
  if (size < 0) return -size * 1024;
  const pageSize = Number((await sql<{ page_size: number }>`PRAGMA page_size`.execute(db)).rows[0]?.page_size ?? 4096);
  return size * pageSize;
}

/**
 * Reads patients_name_candidates, newest patients first, until the entries read fill the budget
 * (CACHE_SHARE of the cache unless given) or the index ends. Answers the patients read.
 */
export async function warmNameCandidates(
  db: Kysely<Database>,
  options: { budgetBytes?: number; stepPatients?: number; pauseMs?: number; stopped?: () => boolean } = {},
): Promise<number> {
  const budget = options.budgetBytes ?? CACHE_SHARE * (await cacheBytes(db));
  const step = options.stepPatients ?? STEP_PATIENTS;
  let high = Number((await sql<{ id: number | null }>`SELECT max(id) AS id FROM patients`.execute(db)).rows[0]?.id ?? 0) + 1;
  let bytes = 0;
  let patients = 0;
  while (high > 1 && bytes < budget && !options.stopped?.()) {
    const low = Math.max(1, high - step);
    // Counted through the index alone (INDEXED BY): each of its leaf pages in the range is read once.
    const { rows } = await sql<{ n: number; names: number | null }>`
      SELECT count(*) AS n, sum(length(CAST(given_names AS BLOB)) + length(CAST(family_names AS BLOB))) AS names
      FROM patients INDEXED BY patients_name_candidates WHERE id >= ${low} AND id < ${high}`.execute(db);
    const n = Number(rows[0]?.n ?? 0);
    patients += n;
    bytes += Number(rows[0]?.names ?? 0) + n * ENTRY_OVERHEAD_BYTES;
    high = low;
    await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? PAUSE_MS));
  }
  return patients;
}

/** For a long-lived process (the host, the desktop app): warms in the background from now. */
export function warmNameCandidatesInBackground(
  db: Kysely<Database>,
  options: { stepPatients?: number; pauseMs?: number; onError?: (error: unknown) => void } = {},
): NameCandidatesWarming {
  let stopped = false;
  const done = warmNameCandidates(db, { stepPatients: options.stepPatients, pauseMs: options.pauseMs, stopped: () => stopped }).catch((error: unknown) => {
    if (!stopped) options.onError?.(error);
    return 0;
  });
  return {
    done,
    async stop() {
      stopped = true;
      await done;
    },
  };
}
