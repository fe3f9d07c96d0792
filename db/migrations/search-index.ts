// Makes the contentless patient search index anew with other FTS5 options, from its own terms:
// FTS5 fixes its options when the table is made, and the table keeps no content to re-index from,
// but fts5vocab 'instance' lists every live term instance (deleted and replaced names excluded) in
// its column and position. Used by the migrations that change the index's options.
import { sql, type Kysely } from 'kysely';
import { SEARCH_ROWID_BASE } from '../search-rowid';

export interface SearchIndexOptions {
  /** FTS5 prefix option, e.g. '2 3 4'. */
  prefix: string;
  /** FTS5 detail option; 'full' keeps token positions, 'column' only which column holds the token. */
  detail: 'full' | 'column';
}

/**
 * FTS5's own merging (automerge): 0 turns it off (FTS5's default is 4). It merged only every 64 leaf
 * pages written, up to a thousand pages inside one registration; the services merge a little after
 * each write instead (electron/core/search-index-merges.ts). FTS5 keeps it in the index's config table.
 */
export async function setSearchIndexAutomerge(db: Kysely<any>, segments: 0 | 4): Promise<void> {
  await sql`INSERT INTO patient_search(patient_search, rank) VALUES('automerge', ${sql.lit(segments)})`.execute(db);
}

/**
 * FTS5 writes the index in leaves of up to `pgsz` bytes, 4,050 by default: sized so that a leaf, one
 * row of patient_search_data, stays on a 4,096-byte page of a plain database (up to 4,061 bytes of
 * a row do). SQLCipher keeps 80 bytes of each page for its IV and HMAC, so on the encrypted store
 * at most 3,981 stay and every leaf spilled its end into an overflow page: each leaf a search read
 * was two pages to read, decrypt and check (at a million patients 2,765 leaf pages and 18,612
 * overflow pages; the plain copy, 19,274 leaf pages and none). 3,970 keeps the default's margin.
 */
export const SEARCH_INDEX_LEAF_BYTES = 3970;

export async function setSearchIndexLeafSize(db: Kysely<any>, bytes: number = SEARCH_INDEX_LEAF_BYTES, table = 'patient_search'): Promise<void> {
  await sql.raw(`INSERT INTO ${table}(${table}, rank) VALUES('pgsz', ${Number(bytes)})`).execute(db);
}

/**
 * Writes the whole index anew as one segment, in leaves of the size set now. 'optimize' leaves an
 * index that is one segment without deletions as it is, so one row (under rowid SEARCH_ROWID_BASE,
 * which no patient has) is added and deleted first: two segments and a deletion, merged into one.
 */
export async function rewriteSearchIndex(db: Kysely<any>): Promise<void> {
  await sql`INSERT INTO patient_search (rowid, names, phon) VALUES (${SEARCH_ROWID_BASE}, 'x', 'x')`.execute(db);
  await sql`DELETE FROM patient_search WHERE rowid = ${SEARCH_ROWID_BASE}`.execute(db);
  await sql`INSERT INTO patient_search(patient_search) VALUES('optimize')`.execute(db);
}

/** `rowid`: each row's new rowid as an SQL expression of `doc`, its rowid now (kept as it is by default). */
export async function makeSearchIndex(db: Kysely<any>, options: SearchIndexOptions, rowid = 'doc'): Promise<void> {
  await sql.raw(`CREATE VIRTUAL TABLE patient_search_next USING fts5(
    names, phon, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='${options.prefix}'${options.detail === 'full' ? '' : `, detail=${options.detail}`}
  )`).execute(db);
  await setSearchIndexLeafSize(db, SEARCH_INDEX_LEAF_BYTES, 'patient_search_next');
  await sql`CREATE VIRTUAL TABLE temp.patient_search_terms USING fts5vocab(main, patient_search, 'instance')`.execute(db);
  // Under detail=column the offsets are NULL and a person's words come in term order: only phrase
  // queries would care, and a name is never looked up as a phrase (one token per quoted string).
  await sql`INSERT INTO patient_search_next (rowid, names, phon)
    SELECT ${sql.raw(rowid)}, group_concat(CASE WHEN col = 'names' THEN term END, ' ' ORDER BY offset), group_concat(CASE WHEN col = 'phon' THEN term END, ' ' ORDER BY offset)
    FROM temp.patient_search_terms GROUP BY doc`.execute(db);
  await sql`DROP TABLE temp.patient_search_terms`.execute(db);
  await sql`DROP TABLE patient_search`.execute(db);
  await sql`ALTER TABLE patient_search_next RENAME TO patient_search`.execute(db);
  await sql`INSERT INTO patient_search(patient_search) VALUES('optimize')`.execute(db);
  await setSearchIndexAutomerge(db, 0);
}
