// Found by the benchmark (issue 7): every page of name candidates is the newest people who match,
// read in descending rowid order, and FTS5 reads its lists about twice as fast ascending. The index
// is made anew (from its own terms, as search-index.ts does) with each person under rowid
// SEARCH_ROWID_BASE − id (db/search-rowid.ts), so the newest come first ascending. About two
// minutes on a million patients, seconds on a unit's store. The same mapping undoes it.
import type { Kysely } from 'kysely';
import { SEARCH_ROWID_BASE } from '../search-rowid';
import { makeSearchIndex } from './search-index';

const OPTIONS = { prefix: '2 3 4', detail: 'column' } as const;

export async function up(db: Kysely<any>): Promise<void> {
  await makeSearchIndex(db, OPTIONS, `${SEARCH_ROWID_BASE} - doc`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await makeSearchIndex(db, OPTIONS, `${SEARCH_ROWID_BASE} - doc`);
}
