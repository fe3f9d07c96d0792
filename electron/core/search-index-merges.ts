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
//
// Merging in fours still leaves a few segments per level. A host or desktop app that has had no
// write to the index for a while merges them all into one (compactSearchIndexWhenQuiet), in steps
// with pauses between, so that a request arriving meanwhile waits for one step at most.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Db } from './context';

/**
 * Pages of merge work a step may do per index write it follows: enough to keep up (the steps of
 * 1,000 registrations at a million left no level holding four segments).
 */
const MERGE_PAGES_PER_WRITE = 8;
/** One step's most, however many writes it follows: 16 pages of a merge of big segments took 12.7 ms at a million. */
const MERGE_STEP_PAGES_MAX = 16;

/** What the steps of this process cost (the benchmark reports them beside registration). */
export const searchIndexMergeSteps = { failures: 0, milliseconds: [] as number[] };
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
  noteWrite(db);
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

/** The index's shape (searchIndexShape). */
export interface SearchIndexShape {
  segments: number;
  /** A merge has begun and not ended (its inputs and its output are all segments meanwhile). */
  merging: boolean;
}

/**
 * The index's shape, from FTS5's structure record (row 10 of patient_search_data). Its format
 * (fts5_index.c, fts5StructureDecode): a 4-byte cookie; in version 2 the marker 0xFF000001; the
 * varints nLevel, nSegment and nWriteCounter; then per level nMerge and nSeg, and per segment
 * 3 varints (8 in version 2).
 */
export async function searchIndexShape(db: Db): Promise<SearchIndexShape> {
  const row = await sql<{ block: Uint8Array }>`SELECT block FROM patient_search_data WHERE id = 10`.execute(db);
  const block = row.rows[0]?.block;
  if (!block) return { segments: 0, merging: false };
  const v2 = block[4] === 0xff && block[5] === 0 && block[6] === 0 && block[7] === 1;
  let at = v2 ? 8 : 4;
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
  const levels = varint();
  const segments = varint();
  varint(); // nWriteCounter
  let merging = false;
  for (let level = 0; level < levels; level++) {
    const nMerge = varint();
    const nSeg = varint();
    if (nMerge > 0) merging = true;
    for (let i = 0; i < nSeg * (v2 ? 8 : 3); i++) varint();
  }
  return { segments, merging };
}

/** How many segments the index holds. */
export async function searchIndexSegments(db: Db): Promise<number> {
  return (await searchIndexShape(db)).segments;
}

async function mergeStep(db: Kysely<Database>): Promise<void> {
  const writes = owed.get(db) ?? 0;
  owed.delete(db);
  if (writes === 0) return;
  const started = performance.now();
  try {
    await mergeSearchIndex(db, Math.min(MERGE_STEP_PAGES_MAX, writes * MERGE_PAGES_PER_WRITE));
    if (searchIndexMergeSteps.milliseconds.length < TIMES_KEPT) searchIndexMergeSteps.milliseconds.push(performance.now() - started);
  } catch {
    searchIndexMergeSteps.failures += 1;
    // Maintenance only: the index answers the same unmerged (a closed store ends here), and FTS5
    // still merges a level once it holds sixteen segments (crisismerge) whatever happens to steps.
  }
}

/** Compacted only when there are at least this many segments: one more is worth little. */
const COMPACT_AT_SEGMENTS = 3;
/**
 * Pages of one compaction step, and the pause after each. A step reads every segment's next pages
 * and commits: 16 pages took 12.7 ms at a million (64 took 33 ms), and the whole compaction of its
 * 22,000 pages 794 steps, 8.7 s of CPU.
 */
const COMPACTION_STEP_PAGES = 16;
const COMPACTION_PAUSE_MS = 20;

/** When the last write to the index was noted, per database (performance.now()). */
const lastWrite = new WeakMap<Kysely<Database>, number>();

function noteWrite(db: Kysely<Database>): void {
  lastWrite.set(db, performance.now());
}

/**
 * Merges every segment into one, in steps of COMPACTION_STEP_PAGES with a pause after each. The
 * first step starts a merge of every segment (a negative 'merge'); the next ones carry it on, while
 * the writes that come meanwhile add segments of their own (merged by their steps, or the next
 * compaction). Only when the index holds `atSegments` segments or more (2), or a merge is under way.
 * Answers the steps taken.
 */
export async function compactSearchIndex(db: Kysely<Database>, options: { atSegments?: number; pauseMs?: number; stopped?: () => boolean } = {}): Promise<number> {
  const shape = await searchIndexShape(db);
  if (shape.segments < (options.atSegments ?? 2) && !shape.merging) return 0;
  const pages = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM patient_search_data`.execute(db)).rows[0]?.n ?? 0);
  // Every page is written once; a safety bound in case a step ever does no work.
  const most = 2 * Math.ceil(pages / COMPACTION_STEP_PAGES) + 8;
  let steps = 0;
  do {
    await mergeSearchIndex(db, steps === 0 ? -COMPACTION_STEP_PAGES : COMPACTION_STEP_PAGES);
    steps += 1;
    await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? COMPACTION_PAUSE_MS));
  } while (steps < most && !options.stopped?.() && (await searchIndexShape(db)).merging);
  return steps;
}

/**
 * For a long-lived process (the host, the desktop app): every `checkMs`, once no write has come to
 * the index for `quietMs` (since the start, too) and it holds COMPACT_AT_SEGMENTS segments or more,
 * compacts it. `stop` ends it after the step under way (before the database is closed); a failure
 * is passed to `onError` and tried again later.
 */
export function compactSearchIndexWhenQuiet(
  db: Kysely<Database>,
  options: { quietMs?: number; checkMs?: number; pauseMs?: number; onError?: (error: unknown) => void } = {},
): { stop(): Promise<void> } {
  const quietMs = options.quietMs ?? 60_000;
  const started = performance.now();
  let running: Promise<void> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped || performance.now() - (lastWrite.get(db) ?? started) < quietMs) return;
    running = (async () => {
      try {
        await compactSearchIndex(db, { atSegments: COMPACT_AT_SEGMENTS, pauseMs: options.pauseMs, stopped: () => stopped });
      } catch (error) {
        if (!stopped) options.onError?.(error);
      } finally {
        running = null;
      }
    })();
  }, options.checkMs ?? 15_000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
