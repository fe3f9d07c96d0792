// The name index's segments are merged a little after every write, outside the write's transaction.
//
// FTS5 keeps its index as segments (b-trees), one more for every transaction that writes to it,
// and merges them in groups of four. Its own merging (automerge) runs only once 64 leaf pages have
// been written: at one page per registration, a million-patient index carried up to fifteen
// one-page segments beside its big ones, and every 64th registration merged up to a thousand pages
// inside its own transaction (20–45 ms). Each word of a name search is looked up in every segment:
// fourteen one-page segments cost a name search 0.1–1 ms of CPU more than one (measured at a
// million, pages cached). Automerge is off (migration 2026-11-23_1700); instead, after a
// transaction that wrote to the index has committed, one merge step runs in a transaction of its
// own: a registration's answer never waits for it, and the small segments are merged while few.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Db } from './context';

/** Pages of merge work a step may do per index write it follows: four are needed on average at a million. */
const MERGE_PAGES_PER_WRITE = 8;
/** One step's most: some 5 ms of work the main thread does between requests. */
const MERGE_STEP_PAGES_MAX = 64;

/** What the steps of this process cost (the benchmark reports them beside registration). */
export const searchIndexMergeSteps = { count: 0, failures: 0, milliseconds: [] as number[] };
const TIMES_KEPT = 10_000;

/** Writes whose merge step has not run yet, per database. */
const owed = new WeakMap<Kysely<Database>, number>();
/** The step scheduled or running, per database. */
const pending = new WeakMap<Kysely<Database>, Promise<void>>();

/**
 * Call after a transaction that wrote to patient_search has committed, with the database (not the
 * transaction). The step runs once the event loop turns (setImmediate), for all writes since the last.
 */
export function searchIndexWritten(db: Kysely<Database>): void {
  const before = owed.get(db) ?? 0;
  owed.set(db, before + 1);
  if (before > 0) return;
  const step = new Promise<void>((resolve) => setImmediate(() => void mergeStep(db).finally(resolve)));
  pending.set(db, step);
  void step.then(() => pending.get(db) === step && pending.delete(db));
}

/** Resolves once no merge step is waiting or running: for tests that compare the database's bytes. */
export async function searchIndexMergesSettled(db: Kysely<Database>): Promise<void> {
  for (let step = pending.get(db); step; step = pending.get(db)) await step;
}

/** FTS5's 'merge': levels holding four segments or more are merged, up to `pages` pages written. */
export async function mergeSearchIndex(db: Kysely<Database>, pages: number): Promise<void> {
  // An integer literal: FTS5 refuses a bound value here (better-sqlite3 binds numbers as REAL).
  await db.transaction().execute((trx) => sql`INSERT INTO patient_search(patient_search, rank) VALUES('merge', ${sql.lit(Math.trunc(pages))})`.execute(trx));
}

/**
 * How many segments the index holds, from FTS5's structure record (row 10 of patient_search_data;
 * fts5_index.c: a 4-byte cookie, a 4-byte 0xFF000001 marker in version 2, then the varints nLevel and
 * nSegment). Diagnostics and tests: the search never needs it.
 */
export async function searchIndexSegments(db: Db): Promise<number> {
  const row = await sql<{ block: Uint8Array }>`SELECT block FROM patient_search_data WHERE id = 10`.execute(db);
  const block = row.rows[0]?.block;
  if (!block) return 0;
  let at = block[4] === 0xff && block[5] === 0 && block[6] === 0 && block[7] === 1 ? 8 : 4;
  const varint = (): number => {
    let value = 0;
    for (let i = 0; i < 9; i++) {
      const byte = block[at++]!;
      if (i === 8) return value * 256 + byte;
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return value;
    }
    return value;
  };
  varint(); // nLevel
  return varint();
}

async function mergeStep(db: Kysely<Database>): Promise<void> {
  const writes = owed.get(db) ?? 0;
  owed.delete(db);
  if (writes === 0) return;
  const started = performance.now();
  try {
    await mergeSearchIndex(db, Math.min(MERGE_STEP_PAGES_MAX, writes * MERGE_PAGES_PER_WRITE));
    searchIndexMergeSteps.count += 1;
    if (searchIndexMergeSteps.milliseconds.length < TIMES_KEPT) searchIndexMergeSteps.milliseconds.push(performance.now() - started);
  } catch {
    searchIndexMergeSteps.failures += 1;
    // Maintenance only: the index answers the same unmerged (a closed store ends here), and FTS5
    // still merges a level once it holds sixteen segments (crisismerge) whatever happens to steps.
  }
}
