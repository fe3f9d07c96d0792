// Found by the benchmark (issue 7): a name typed as its first four letters ("Mari Gonz", as a
// receptionist types) was looked up as the OR of up to 64 dictionary spellings per word, because the
// search index kept prefixes of two and three letters only; at a million patients that OR was most
// of a name-prefix search (p95 22 ms). The index now keeps four-letter prefixes too: one lookup per
// word, half the index time. FTS5 fixes its prefixes when the table is made, so the index is made
// anew from its own terms (./search-index.ts).
import type { Kysely } from 'kysely';
import { makeSearchIndex } from './search-index';

export async function up(db: Kysely<any>): Promise<void> {
  await makeSearchIndex(db, { prefix: '2 3 4', detail: 'full' });
}

export async function down(db: Kysely<any>): Promise<void> {
  await makeSearchIndex(db, { prefix: '2 3', detail: 'full' });
}
