// Found by the benchmark (issue 7): on the encrypted store every leaf of the name index spilled
// into an overflow page (search-index.ts, SEARCH_INDEX_LEAF_BYTES), so a name search read and
// decrypted about three pages more than on a plain copy. The leaves are made to fit and the index
// rewritten in them: 2.6 s on a million patients, nothing to notice on a unit's store.
import type { Kysely } from 'kysely';
import { rewriteSearchIndex, setSearchIndexLeafSize } from './search-index';

export async function up(db: Kysely<any>): Promise<void> {
  await setSearchIndexLeafSize(db);
  await rewriteSearchIndex(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await setSearchIndexLeafSize(db, 4050);
  await rewriteSearchIndex(db);
}
