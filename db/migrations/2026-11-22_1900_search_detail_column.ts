// Found by the benchmark (issue 7): at a million patients a name search spends its time reading
// the doclists of common words ("rodriguez": 162,000 people), and on the encrypted store every
// page of them missing from the page cache is decrypted and its HMAC checked (tens of µs a page on
// the bench machine, a few for a plain page; README "Performance"). The index kept every token's position, which only
// phrase and NEAR queries use, and a name is never looked up as a phrase: detail=column keeps only
// which column (names or phon) holds the token. Measured at a million patients: index 116 → 84 MB,
// the same rows for 400 captured searches, FTS time per search 5–10% less.
import type { Kysely } from 'kysely';
import { makeSearchIndex } from './search-index';

export async function up(db: Kysely<any>): Promise<void> {
  await makeSearchIndex(db, { prefix: '2 3 4', detail: 'column' });
}

export async function down(db: Kysely<any>): Promise<void> {
  await makeSearchIndex(db, { prefix: '2 3 4', detail: 'full' });
}
