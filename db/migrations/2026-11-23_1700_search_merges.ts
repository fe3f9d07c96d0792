// Found by the benchmark (issue 7): FTS5 merged the name index's segments only every 64 leaf pages
// written, so at one page per registration up to fifteen one-page segments stood beside the big
// ones, each looked up by every word of every name search, and every 64th registration merged up
// to a thousand pages inside its own transaction. Its automerge is turned off here; the services
// merge a step after each write instead (electron/core/search-index-merges.ts).
import type { Kysely } from 'kysely';
import { setSearchIndexAutomerge } from './search-index';

export async function up(db: Kysely<any>): Promise<void> {
  await setSearchIndexAutomerge(db, 0);
}

export async function down(db: Kysely<any>): Promise<void> {
  await setSearchIndexAutomerge(db, 4);
}
