// Found by the benchmark (issue 7): a name typed as its first four letters ("Mari Gonz", as a
// receptionist types) was looked up as the OR of up to 64 dictionary spellings per word, because the
// search index kept prefixes of two and three letters only; at a million patients that OR was most
// of a name-prefix search (p95 22 ms). The index now keeps four-letter prefixes too: one lookup per
// word, half the index time. FTS5 fixes its prefixes when the table is made, so the index is made
// anew, from its own terms: the table is contentless, and fts5vocab lists every live term instance
// (deleted and replaced names excluded) in its column and position.
import { sql, type Kysely } from 'kysely';

async function makeSearchIndex(db: Kysely<any>, prefix: string): Promise<void> {
  await sql.raw(`CREATE VIRTUAL TABLE patient_search_next USING fts5(
    names, phon, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='${prefix}'
  )`).execute(db);
  await sql`CREATE VIRTUAL TABLE temp.patient_search_terms USING fts5vocab(main, patient_search, 'instance')`.execute(db);
  await sql`INSERT INTO patient_search_next (rowid, names, phon)
    SELECT doc, group_concat(CASE WHEN col = 'names' THEN term END, ' ' ORDER BY offset), group_concat(CASE WHEN col = 'phon' THEN term END, ' ' ORDER BY offset)
    FROM temp.patient_search_terms GROUP BY doc`.execute(db);
  await sql`DROP TABLE temp.patient_search_terms`.execute(db);
  await sql`DROP TABLE patient_search`.execute(db);
  await sql`ALTER TABLE patient_search_next RENAME TO patient_search`.execute(db);
  await sql`INSERT INTO patient_search(patient_search) VALUES('optimize')`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await makeSearchIndex(db, '2 3 4');
}

export async function down(db: Kysely<any>): Promise<void> {
  await makeSearchIndex(db, '2 3');
}
