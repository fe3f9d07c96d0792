// The patient search: one box for names, document numbers, phones and record numbers.
// Names go through an FTS5 index of folded tokens and Spanish phonetic keys; typos within one
// edit of a key are found through the small dictionary of keys (SymSpell), never by scanning patients.
import { sql } from 'kysely';
import { phoneSearchKey } from '../api/phone';
import { normaliseDocumentNumber } from '../api/patients';
import type { Db } from './context';
import { keyVariants, nameScore, nameTokens, phoneticKey } from './names';

/** Candidates ranked by bm25 before the finer re-ranking by name similarity. */
const CANDIDATE_POOL = 200;
/** Keys this short have too many neighbours to be worth a typo expansion. */
const MIN_FUZZY_KEY_LENGTH = 4;

/** What the index holds for one person: folded tokens, their phonetic keys, and the keys' variants. */
export function searchEntry(givenNames: string, familyNames: string) {
  const tokens = nameTokens(`${givenNames} ${familyNames}`);
  const keys = [...new Set(tokens.map(phoneticKey))];
  return {
    names: tokens.join(' '),
    phon: keys.join(' '),
    variants: [
      ...[...new Set(tokens)].flatMap((term) => keyVariants(term).map((variant) => ({ kind: 's' as const, variant, term }))),
      ...keys.flatMap((term) => keyVariants(term).map((variant) => ({ kind: 'p' as const, variant, term }))),
    ],
  };
}

export async function indexPatientName(db: Db, patientId: number, givenNames: string, familyNames: string): Promise<void> {
  const entry = searchEntry(givenNames, familyNames);
  await sql`DELETE FROM patient_search WHERE rowid = ${patientId}`.execute(db);
  await sql`INSERT INTO patient_search (rowid, names, phon) VALUES (${patientId}, ${entry.names}, ${entry.phon})`.execute(db);
  if (entry.variants.length) await db.insertInto('name_variants').values(entry.variants).onConflict((oc) => oc.doNothing()).execute();
}

export async function unindexPatient(db: Db, patientId: number): Promise<void> {
  await sql`DELETE FROM patient_search WHERE rowid = ${patientId}`.execute(db);
}

export type MatchedBy = 'document' | 'phone' | 'record_number' | 'name';
export interface SearchHit {
  id: number;
  matchedBy: MatchedBy;
  score: number;
}

/** "CC 1.090…", "PPT 6.123…", "V-12.345.678": a document type typed before the number. */
const DOCUMENT_PREFIX = /^\s*(CC|CE|PA|PE|PEP|PT|PPT|SC|DE|RC|TI|CN|AS|MS|V|E)(?=[\s.:#-]*\d)[\s.:#-]*/i;

const RECORD_NUMBER = /^sm[\s-]?(\d{4})[\s-]?(\d{1,6})$/i;

/** Words of the dictionary within one edit of `word` (spellings for kind 's', phonetic keys for 'p'). */
async function neighbours(db: Db, kind: 's' | 'p', word: string): Promise<string[]> {
  if (word.length < MIN_FUZZY_KEY_LENGTH) return [word];
  const rows = await db.selectFrom('name_variants').select('term').distinct().where('kind', '=', kind).where('variant', 'in', keyVariants(word)).limit(64).execute();
  return [...new Set([word, ...rows.map((r) => r.term)])];
}

const quote = (term: string) => `"${term.replace(/"/g, '')}"`;

/** FTS5 expression: every query token must match, by its spelling (as a prefix) or its sound. */
export async function nameMatchExpression(db: Db, tokens: string[]): Promise<string> {
  const parts: string[] = [];
  for (const token of tokens) {
    const spellings = (await neighbours(db, 's', token)).filter((t) => t !== token);
    const keys = await neighbours(db, 'p', phoneticKey(token));
    const spelled = [`${quote(token)}*`, ...spellings.map(quote)].join(' OR ');
    parts.push(`(names : (${spelled}) OR phon : (${keys.map(quote).join(' OR ')}))`);
  }
  return parts.join(' AND ');
}

async function searchNames(db: Db, query: string, limit: number): Promise<SearchHit[]> {
  const tokens = nameTokens(query).filter((t) => !/^\d+$/.test(t));
  if (tokens.length === 0) return [];
  const expression = await nameMatchExpression(db, tokens);
  const pool = Math.max(CANDIDATE_POOL, limit);
  const rows = await sql<{ id: number; given_names: string; family_names: string }>`
    SELECT p.id, p.given_names, p.family_names
    FROM (SELECT rowid AS id, rank FROM patient_search WHERE patient_search MATCH ${expression} ORDER BY rank LIMIT ${pool}) AS m
    JOIN patients AS p ON p.id = m.id
    WHERE p.merged_into_id IS NULL
    ORDER BY m.rank`.execute(db);
  return rows.rows
    .map((row) => ({ id: row.id, matchedBy: 'name' as const, score: nameScore(tokens, nameTokens(`${row.given_names} ${row.family_names}`)) }))
    .sort((a, b) => b.score - a.score);
}

async function searchIdentifiers(db: Db, query: string): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  const record = RECORD_NUMBER.exec(query.trim());
  if (record) {
    const number = `SM-${record[1]}-${record[2]!.padStart(6, '0')}`;
    const row = await db.selectFrom('patients').select('id').where('record_number', '=', number).executeTakeFirst();
    if (row) hits.push({ id: row.id, matchedBy: 'record_number', score: 2 });
    return hits;
  }
  if (!/\d/.test(query)) return hits;
  // "1.090.123.456", "V-12.345.678", "0414-123.45.67": the digits (and letters of a passport) are what count.
  const compact = normaliseDocumentNumber(query.replace(DOCUMENT_PREFIX, ''));
  if (/^[A-Z0-9]{3,20}$/.test(compact)) {
    const rows = await db.selectFrom('patients').select('id').where('document_number', '=', compact).where('merged_into_id', 'is', null).execute();
    hits.push(...rows.map((r) => ({ id: r.id, matchedBy: 'document' as const, score: 2 })));
  }
  const phoneKey = phoneSearchKey(query);
  if (phoneKey) {
    const rows = await db
      .selectFrom('patient_phones as ph')
      .innerJoin('patients as p', 'p.id', 'ph.patient_id')
      .select('p.id')
      .distinct()
      .where('ph.search_key', '=', phoneKey)
      .where('p.merged_into_id', 'is', null)
      .execute();
    hits.push(...rows.map((r) => ({ id: r.id, matchedBy: 'phone' as const, score: 1.9 })));
  }
  return hits;
}

/** Ranked hits: identifiers (exact) first, then names by similarity. */
export async function searchPatientIds(db: Db, query: string, limit: number): Promise<SearchHit[]> {
  const byId = new Map<number, SearchHit>();
  for (const hit of [...(await searchIdentifiers(db, query)), ...(await searchNames(db, query, limit))]) {
    if (!byId.has(hit.id)) byId.set(hit.id, hit);
  }
  return [...byId.values()].slice(0, limit);
}
