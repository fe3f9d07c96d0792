// The patient search: one box for names, document numbers, phones and record numbers.
// Names go through an FTS5 index of folded tokens and Spanish phonetic keys; typos within one
// edit of a key are found through the small dictionary of keys (SymSpell), never by scanning patients.
import { sql, type Kysely } from 'kysely';
import { prepared } from '../../db/prepared';
import type { Database } from '../../db/schema';
import { SEARCH_ROWID_BASE, searchRowid } from '../../db/search-rowid';
import { phoneSearchKey } from '../api/phone';
import { normaliseDocumentNumber } from '../api/patients';
import type { Db } from './context';
import { keyVariants, nameScorer, nameTokens, phoneticKey } from './names';

/** Candidates taken from the index before the finer re-ranking by name similarity. */
const CANDIDATE_POOL = 100;
/** Candidates spelled exactly as typed: they all score alike but for word order. */
const EXACT_POOL = 60;
/** Keys this short have too many neighbours to be worth a typo expansion. */
const MIN_FUZZY_KEY_LENGTH = 4;
/** Longest prefix the FTS table indexes (prefix='2 3 4', migration 2026-11-22_1710). */
const PREFIX_INDEX_MAX = 4;
/** A longer typed prefix is looked up as the OR of the dictionary's spellings that start with it, up to this many. */
const PREFIX_EXPANSION_MAX = 64;
/** Shorter tokens are initials. */
const MIN_TOKEN_LENGTH = 2;

/**
 * The dictionary's answers for words already asked: a name search asks it about every word typed,
 * and the same words come again and again (a receptionist types a name a letter at a time, and
 * names repeat). The dictionary only grows: through this module and seeding in this process
 * (dictionaryGrew drops the answers of every database), or through another connection's commit
 * (PRAGMA data_version changes: that database's answers are dropped).
 */
const DICTIONARY_MEMO_SIZE = 5_000;
let dictionaryGeneration = 0;
interface DictionaryMemo {
  generation: number;
  dataVersion: number;
  answers: Map<string, unknown>;
}
const dictionaryMemos = new WeakMap<object, DictionaryMemo>();

/** Words were added to the dictionary by this process. */
export function dictionaryGrew(): void {
  dictionaryGeneration += 1;
}

async function dictionaryMemo(db: Db): Promise<DictionaryMemo> {
  const dataVersion = Number((await sql<{ data_version: number }>`PRAGMA data_version`.execute(db)).rows[0]?.data_version ?? 0);
  let memo = dictionaryMemos.get(db);
  if (!memo || memo.generation !== dictionaryGeneration || memo.dataVersion !== dataVersion || memo.answers.size >= DICTIONARY_MEMO_SIZE) {
    memo = { generation: dictionaryGeneration, dataVersion, answers: new Map() };
    dictionaryMemos.set(db, memo);
  }
  return memo;
}

async function remembered<T>(memo: DictionaryMemo, key: string, ask: () => Promise<T>): Promise<T> {
  if (memo.answers.has(key)) return memo.answers.get(key) as T;
  const answer = await ask();
  memo.answers.set(key, answer);
  return answer;
}

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

/** Indexes a person's name; `isNew` for a record just inserted (nothing of it is in the index yet). */
export async function indexPatientName(db: Db, patientId: number, givenNames: string, familyNames: string, options: { isNew?: boolean } = {}): Promise<void> {
  const entry = searchEntry(givenNames, familyNames);
  if (!options.isNew) await sql`DELETE FROM patient_search WHERE rowid = ${searchRowid(patientId)}`.execute(db);
  await sql`INSERT INTO patient_search (rowid, names, phon) VALUES (${searchRowid(patientId)}, ${entry.names}, ${entry.phon})`.execute(db);
  const variants = await unknownTermsOnly(db, entry.variants);
  if (variants.length) {
    await db.insertInto('name_variants').values(variants).onConflict((oc) => oc.doNothing()).execute();
    dictionaryGrew();
  }
}

// Every registration asks it: compiled once (db/prepared.ts), its word lists as JSON (json_each).
const knownTerms = prepared((db: Kysely<Database>, p: { spellings: string; keys: string }) =>
  db
    .selectFrom('name_variants')
    .select(['kind', 'term'])
    .whereRef('variant', '=', 'term')
    .where(sql<boolean>`((kind = 's' AND variant IN (SELECT value FROM json_each(${p.spellings}))) OR (kind = 'p' AND variant IN (SELECT value FROM json_each(${p.keys}))))`),
);

/**
 * The variants of terms the dictionary does not hold yet. A term's variants are always written
 * together with the term itself (variant = term), so a known term has them all: most names are
 * known, and this saves rewriting some eighty rows per registration.
 */
async function unknownTermsOnly<T extends { kind: 's' | 'p'; variant: string; term: string }>(db: Db, variants: T[]): Promise<T[]> {
  const terms = (kind: 's' | 'p') => [...new Set(variants.filter((v) => v.kind === kind).map((v) => v.term))];
  const spellings = terms('s');
  const keys = terms('p');
  if (!spellings.length && !keys.length) return [];
  const known = await knownTerms.rows(db, { spellings: JSON.stringify(spellings), keys: JSON.stringify(keys) });
  const held = new Set(known.map((k) => `${k.kind} ${k.term}`));
  return variants.filter((v) => !held.has(`${v.kind} ${v.term}`));
}

export async function unindexPatient(db: Db, patientId: number): Promise<void> {
  await sql`DELETE FROM patient_search WHERE rowid = ${searchRowid(patientId)}`.execute(db);
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

interface Neighbours {
  /** The word itself is in the dictionary. */
  known: boolean;
  /** The dictionary's other words within one edit of it. */
  within: string[];
  /** Every such word was read (the lookup stops at NEIGHBOURS_MAX rows): `known` false means unknown. */
  complete: boolean;
}

const NEIGHBOURS_MAX = 128;

/** A spelling and a phonetic key with their neighbours in the dictionary (SymSpell), in one query. */
async function neighbours(db: Db, spelling: string, key: string): Promise<{ spelling: Neighbours; key: Neighbours }> {
  const fuzzy = (word: string) => word.length >= MIN_FUZZY_KEY_LENGTH;
  const rows =
    fuzzy(spelling) || fuzzy(key)
      ? await db
          .selectFrom('name_variants')
          .select(['kind', 'term'])
          .distinct()
          .where((eb) =>
            eb.or([
              eb.and([eb('kind', '=', 's'), eb('variant', 'in', fuzzy(spelling) ? keyVariants(spelling) : [spelling])]),
              eb.and([eb('kind', '=', 'p'), eb('variant', 'in', fuzzy(key) ? keyVariants(key) : [key])]),
            ]),
          )
          .limit(NEIGHBOURS_MAX)
          .execute()
      : [];
  const of = (kind: 's' | 'p', word: string): Neighbours => {
    if (!fuzzy(word)) return { known: true, within: [], complete: true };
    const terms = rows.filter((r) => r.kind === kind).map((r) => r.term);
    return { known: terms.includes(word), within: terms.filter((t) => t !== word), complete: rows.length < NEIGHBOURS_MAX };
  };
  return { spelling: of('s', spelling), key: of('p', key) };
}

/** Up to `limit` spellings in the dictionary that begin with `prefix` (or are it). */
async function spellingsBegunBy(db: Db, prefix: string, limit: number): Promise<string[]> {
  const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  const rows = await db
    .selectFrom('name_variants')
    .select('term')
    .where('kind', '=', 's')
    .where('variant', '>=', prefix)
    .where('variant', '<', next)
    .whereRef('variant', '=', 'term')
    .limit(limit)
    .execute();
  return rows.map((r) => r.term);
}

/**
 * The spellings in the dictionary that start with `prefix`, or null when there are more than
 * PREFIX_EXPANSION_MAX. FTS5 answers a prefix query longer than its prefix index ('2 3 4') by merging
 * the whole doclist of every matching term before the first row; an OR of the few terms streams.
 */
async function spellingsStartingWith(db: Db, prefix: string): Promise<string[] | null> {
  const terms = await spellingsBegunBy(db, prefix, PREFIX_EXPANSION_MAX + 1);
  return terms.length > PREFIX_EXPANSION_MAX ? null : terms;
}

/** Some spelling in the dictionary begins with `prefix` (or is it). */
async function beginsSpelling(db: Db, prefix: string): Promise<boolean> {
  return (await spellingsBegunBy(db, prefix, 1)).length > 0;
}

const quote = (term: string) => `"${term.replace(/"/g, '')}"`;

/**
 * Tokens worth a lookup, each once: a lone initial ("M.") would match a third of the index (it only
 * re-ranks), and a word typed twice ("Rodríguez Rodríguez") asked twice made FTS5 read its list twice.
 */
const searchable = (tokens: string[]) => [...new Set(tokens.filter((t) => t.length >= MIN_TOKEN_LENGTH))];

/**
 * What one query token may match, as an FTS5 sub-expression and as the same terms checked on a
 * person's own name tokens (the index holds exactly those tokens and their phonetic keys).
 */
export interface TokenCondition {
  expression: string;
  /** Spellings a name token may be, or begin with (`prefix`). */
  spellings: { term: string; prefix: boolean }[];
  /** Phonetic keys a name token may have. */
  sounds: string[];
}

/** A person's name tokens meet the condition, as the index would answer. */
export function meets(condition: TokenCondition, personTokens: string[]): boolean {
  return personTokens.some(
    (token) =>
      condition.spellings.some((s) => (s.prefix ? token.startsWith(s.term) : token === s.term)) ||
      (condition.sounds.length > 0 && condition.sounds.includes(phoneticKey(token))),
  );
}

/** What one query token may match. */
interface TokenMatch {
  /** Its spelling, as a prefix, or its sound; within one edit if the dictionary does not know it (a typo). */
  narrow: TokenCondition;
  /** The same, within one edit also when it is a known name: a typo can make another real name (Alvaredo → Alvarado). */
  wide: TokenCondition;
  /** The word is a name (or begins one) as typed: `narrow` holds no neighbours. */
  typed: boolean;
  /** Someone's name may hold the word as typed: the dictionary holds every indexed word (short words, and words of many neighbours, are taken as known). */
  known: boolean;
}

async function tokenMatch(db: Db, memo: DictionaryMemo, token: string): Promise<TokenMatch> {
  const expanded = token.length > PREFIX_INDEX_MAX ? await remembered(memo, `prefix ${token}`, () => spellingsStartingWith(db, token)) : null;
  const prefix = expanded ? expanded.map((term) => ({ term, prefix: false })) : [{ term: token, prefix: true }];
  const key = phoneticKey(token);
  const { spelling: spellings, key: keys } = await remembered(memo, `near ${token} ${key}`, () => neighbours(db, token, key));
  // A word that begins a known name ("Ulis" of Ulises, as typed at the desk) is taken as typed, not
  // as a typo: widening it too brought in its neighbours (Luis, Zulis) and their sounds, thousands
  // of people to intersect, for a name the prefix already finds.
  const typed = spellings.known || (expanded ? true : await remembered(memo, `begins ${token}`, () => beginsSpelling(db, token)));
  const build = (wide: boolean): TokenCondition => {
    // The word's own spelling is left out: its sound (always asked) finds every person spelled so,
    // and an OR of one list fewer halves the cost of intersecting the words of a full name.
    const spelled = uniqueSpellings([...prefix, ...(wide || !typed ? spellings.within.map((term) => ({ term, prefix: false })) : [])]).filter(
      (s) => s.prefix || s.term !== token,
    );
    const sounds = [...new Set([key, ...(wide || (!typed && !keys.known) ? keys.within : [])])];
    const bySound = `phon : (${sounds.map(quote).join(' OR ')})`;
    const expression = spelled.length ? `(names : (${spelled.map(spellingTerm).join(' OR ')}) OR ${bySound})` : `(${bySound})`;
    return { expression, spellings: spelled, sounds };
  };
  return { narrow: build(false), wide: build(true), typed, known: spellings.known || !spellings.complete };
}

const spellingTerm = (s: { term: string; prefix: boolean }) => (s.prefix ? `${quote(s.term)}*` : quote(s.term));

const uniqueSpellings = (spellings: { term: string; prefix: boolean }[]) => [...new Map(spellings.map((s) => [spellingTerm(s), s])).values()];

/** The match of each searchable token, in order. */
async function tokenMatches(db: Db, tokens: string[]): Promise<TokenMatch[]> {
  const memo = await dictionaryMemo(db);
  return Promise.all(searchable(tokens).map((t) => tokenMatch(db, memo, t)));
}

const allOf = (conditions: TokenCondition[]) => conditions.map((c) => c.expression).join(' AND ');

/**
 * FTS5 expression: every query token (but lone initials) must match, by its spelling, as a prefix
 * or by its sound, and within one edit when the word is unknown. Null when no token is long enough
 * to look up. Known names are not widened: "Castillo" is a name, and its neighbour "Castro" would
 * bring in thousands of other people.
 */
export async function nameMatchExpression(db: Db, tokens: string[]): Promise<string | null> {
  const conditions = await nameMatchConditions(db, tokens);
  return conditions.length ? allOf(conditions) : null;
}

/** The conditions of nameMatchExpression, one per searchable token; `wide`: each widened to its neighbours, as the last tier asks them one at a time. */
export async function nameMatchConditions(db: Db, tokens: string[], which: 'narrow' | 'wide' = 'narrow'): Promise<TokenCondition[]> {
  return (await tokenMatches(db, tokens)).map((m) => m[which]);
}

/** Every searchable token spelled exactly as typed: the people a receptionist most likely means. */
export function exactMatchExpression(tokens: string[]): string | null {
  const parts = searchable(tokens).map((t) => `names : ${quote(t)}`);
  return parts.length ? parts.join(' AND ') : null;
}

/** A person's name tokens; given names and surnames repeat, so each part is folded once. */
function personTokens(row: NameRow): string[] {
  return [...nameTokensOf(row.given_names), ...nameTokensOf(row.family_names)];
}

const NAME_CACHE_SIZE = 50_000;
const tokensOfName = new Map<string, string[]>();
function nameTokensOf(name: string): string[] {
  let tokens = tokensOfName.get(name);
  if (!tokens) {
    tokens = nameTokens(name);
    if (tokensOfName.size >= NAME_CACHE_SIZE) tokensOfName.clear();
    tokensOfName.set(name, tokens);
  }
  return tokens;
}

export interface NameRow {
  id: number;
  given_names: string;
  family_names: string;
  date_of_birth: string | null;
  estimated_birth_year: number | null;
}

/**
 * Live records matching `expression`, newest first. The index keeps the newest people first in rowid
 * order (db/search-rowid.ts), which FTS5 reads fastest, and stops after `limit` rows; ordering by
 * rank (bm25) would score every match first (100 ms for one common surname on 100,000 patients).
 * Similarity re-ranks the candidates afterwards. Their names come from the narrow index
 * patients_name_candidates (migration 2026-11-23_0100), named because the planner would take each
 * wide row by its id: scattered candidates are a page each, and the narrow index's pages stay in
 * the cache far longer.
 */
export async function nameCandidates(db: Db, expression: string, limit: number): Promise<NameRow[]> {
  return (await candidatesMatching(db, expression, limit)).rows;
}

/** As nameCandidates, and whether these are every match (the index had fewer than `limit`). */
async function candidatesMatching(db: Db, expression: string, limit: number): Promise<Candidates> {
  const { rows } = await sql<CandidateRow>`
    SELECT p.id, p.given_names, p.family_names, p.date_of_birth, p.estimated_birth_year, p.merged_into_id
    FROM (SELECT ${sql.raw(String(SEARCH_ROWID_BASE))} - rowid AS id FROM patient_search WHERE patient_search MATCH ${expression} ORDER BY rowid LIMIT ${limit}) AS m
    JOIN patients AS p INDEXED BY patients_name_candidates ON p.id = m.id`.execute(db);
  return { rows: live(rows), complete: rows.length < limit };
}

interface Candidates {
  rows: NameRow[];
  complete: boolean;
}

/** candidatesMeeting's answer, with what it learnt of the words. */
interface MeetingCandidates extends Candidates {
  /** Indexes of the conditions, rarest first; null when the words were not counted. */
  rarest: number[] | null;
  /** The same indexes, the likeliest typo first, for when no one met them all; null when not counted. */
  suspects: number[] | null;
}

/** Names of this many words or more are looked up by their two rarest words first (candidatesMeeting). */
const ANCHOR_MIN_WORDS = 3;

/**
 * The candidates meeting every condition: the same rows, in the same order, as nameCandidates of
 * their AND. FTS5 pays an AND by seeking in every word's list, so a full name costs as much as its
 * commonest words ("María … Hernández": 2 ms and more at a million), though one rare word settles
 * it. A name of three words or more is looked up by its two rarest words only (termCounts), and
 * the other words are checked on the few people found (candidatesAnchored).
 */
export async function candidatesMeeting(db: Db, conditions: TokenCondition[], limit: number): Promise<MeetingCandidates> {
  if (conditions.length < ANCHOR_MIN_WORDS) return { ...(await candidatesMatching(db, allOf(conditions), limit)), rarest: null, suspects: null };
  // A word that begins many spellings ("mari": María, Mariana, Maribel…) is never the rarest: its terms are not counted.
  const terms = conditions.map(termsOf).map((t) => (t.length <= MAX_TERMS_COUNTED ? t : null));
  const counts = await termCounts(db, terms.flatMap((t) => t ?? []));
  const estimates = terms.map((t) => (t ? t.reduce((sum, term) => sum + counts.get(term)!, 0) : TERM_COUNT_CAP));
  const rarest = conditions.map((_, i) => i).sort((a, b) => estimates[a]! - estimates[b]!);
  // Every word common: two of them would match more than a page.
  if (estimates[rarest[0]!]! >= TERM_COUNT_CAP) return { ...(await candidatesMatching(db, allOf(conditions), limit)), rarest, suspects: rarest };
  const found = await candidatesAnchored(db, conditions, rarest.slice(0, 2), limit);
  // A misspelling is most often a rare spelling: when the two rarest words matched no one, one of
  // them is the likeliest typo; when they matched people the other words ruled out, one of those.
  const suspects = found.anchorMatchedNoOne ? rarest : [...rarest.slice(2), ...rarest.slice(0, 2)];
  return { rows: found.rows, complete: found.complete, rarest, suspects };
}

/**
 * The candidates of the AND of `conditions`, looked up by the conditions at `anchor` alone and the
 * others checked on the people found (`meets`): the same rows, in the same order. When the anchor
 * matches `limit` people or more (the AND's page could lie beyond them), the whole AND is asked after all.
 */
export async function candidatesAnchored(db: Db, conditions: TokenCondition[], anchor: number[], limit: number): Promise<Candidates & { anchorMatchedNoOne: boolean }> {
  // One page, as the whole AND. Ten were tried, since a few hundred people often share two words
  // ("Yelbis González"): reading all their names cost misspelled names 24% more work on pages not
  // cached, for 5% less on cached ones (callgrind).
  const found = await candidatesMatching(db, allOf(anchor.map((i) => conditions[i]!)), limit);
  if (!found.complete) return { ...(await candidatesMatching(db, allOf(conditions), limit)), anchorMatchedNoOne: false };
  const others = conditions.filter((_, i) => !anchor.includes(i));
  return { rows: found.rows.filter((row) => others.every((c) => meets(c, personTokens(row)))), complete: true, anchorMatchedNoOne: found.rows.length === 0 };
}

/** The FTS5 queries of a condition's terms, one each: `phon : "ernandes"`, `names : "luis"*`. */
function termsOf(condition: TokenCondition): string[] {
  return [...condition.spellings.map((s) => `names : ${spellingTerm(s)}`), ...condition.sounds.map((k) => `phon : ${quote(k)}`)];
}

/** A condition of more terms than this is taken as common without counting them. */
const MAX_TERMS_COUNTED = 8;
/** Counted up to here: enough to tell a rare word from a common one, and a common one costs no more. */
const TERM_COUNT_CAP = 10_000;
const TERM_COUNTS_SIZE = 50_000;
/**
 * How many people each FTS5 term matches (up to TERM_COUNT_CAP), per database. Only the choice of
 * anchor words depends on them, never the answer, so counts are kept as taken: they drift as people
 * are registered, and are taken anew when the map is full. Names recur, so most words of a search
 * are counted already; a new one is most often rare, and counting it reads only its short list.
 */
const termCountMemo = new WeakMap<object, Map<string, number>>();

/** The counts of `terms`, those not counted yet in one statement. */
async function termCounts(db: Db, terms: string[]): Promise<Map<string, number>> {
  let counts = termCountMemo.get(db);
  if (!counts || counts.size >= TERM_COUNTS_SIZE) {
    counts = new Map();
    termCountMemo.set(db, counts);
  }
  const known = counts;
  const unknown = [...new Set(terms.filter((term) => !known.has(term)))];
  if (unknown.length) {
    const columns = unknown.map(
      (term, i) => sql`(SELECT count(*) FROM (SELECT 1 FROM patient_search WHERE patient_search MATCH ${term} LIMIT ${TERM_COUNT_CAP})) AS ${sql.ref(`n${i}`)}`,
    );
    const row = (await sql<Record<string, number>>`SELECT ${sql.join(columns)}`.execute(db)).rows[0] ?? {};
    unknown.forEach((term, i) => known.set(term, Number(row[`n${i}`] ?? 0)));
  }
  return known;
}

type CandidateRow = NameRow & { merged_into_id: number | null };

function live(rows: CandidateRow[]): NameRow[] {
  return rows.filter((r) => r.merged_into_id === null).map(({ merged_into_id: _, ...row }) => row);
}

/**
 * Candidates in tiers, each asked only while the page is not full: every token as typed; then by
 * prefix, sound and typos of unknown words; then, while no one was found, with one known word at a
 * time widened to its neighbours. Widening every word at once would intersect lists of common
 * names (100 ms and more).
 *
 * A name of three words or more is rare as typed, so the first tier seldom fills the page: the
 * second is asked first, and when it holds every match it holds everyone the first would find
 * (a word as typed matches its own sound), so the first is asked only when the second was cut
 * short. That saves a full name's most costly lookup, the intersection of its words as typed.
 */
async function searchNames(db: Db, query: string, limit: number): Promise<SearchHit[]> {
  const tokens = nameTokens(query).filter((t) => !/^\d+$/.test(t));
  const exact = exactMatchExpression(tokens);
  if (!exact) return [];
  const pool = Math.max(CANDIDATE_POOL, limit);
  const byId = new Map<number, NameRow>();
  const add = (rows: NameRow[]) => rows.forEach((r) => byId.set(r.id, r));
  // People whose names hold every token as typed score highest; a few more than the page are enough
  // to prefer names typed in their own order.
  const matches = await tokenMatches(db, tokens);
  // A word no one's name holds as typed (a prefix as "Gera Cast", a typo) leaves that tier empty: not asked.
  const asTyped = async () => {
    if (matches.every((m) => m.known)) add((await candidatesMatching(db, exact, Math.max(EXACT_POOL, 3 * limit))).rows);
  };
  const fullName = searchable(tokens).length >= 3;
  if (!fullName) await asTyped();
  if (byId.size < limit) {
    const narrowConditions = matches.map((m) => m.narrow);
    // A full name typed as names is looked up by its rarest words (candidatesMeeting). With a typo
    // it is not: the typed word and its neighbours are new terms, whose counting cost more than
    // the rarest words saved.
    const narrow = matches.every((m) => m.typed)
      ? await candidatesMeeting(db, narrowConditions, pool)
      : { ...(await candidatesMatching(db, allOf(narrowConditions), pool)), rarest: null, suspects: null };
    add(narrow.rows);
    if (fullName && !narrow.complete) await asTyped();
    // Each widening is a lookup of every word: the likeliest typo is widened first, and looked up
    // with the rarest other word (when the words were counted), the rest checked on the people found.
    for (const i of narrow.suspects ?? matches.keys()) {
      if (byId.size > 0) break;
      if (matches[i]!.wide.expression === matches[i]!.narrow.expression) continue;
      const conditions = matches.map((m, j) => (j === i ? m.wide : m.narrow));
      const partner = narrow.rarest?.find((j) => j !== i);
      add((partner === undefined ? await candidatesMatching(db, allOf(conditions), pool) : await candidatesAnchored(db, conditions, [i, partner], pool)).rows);
    }
  }
  const score = nameScorer(tokens);
  return [...byId.values()]
    .map((row) => ({ id: row.id, matchedBy: 'name' as const, score: score(personTokens(row)) }))
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
