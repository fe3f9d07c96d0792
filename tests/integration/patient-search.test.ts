// Search over 10,000 synthetic patients: the intended person is in the first five results however
// the name is typed, and the name search goes through the FTS index, never a scan of patients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientIdOfSearchRowid, SEARCH_ROWID_BASE } from '../../db/search-rowid';
import type { PatientFields } from '../../electron/api/patients';
import { foldText, nameTokens } from '../../electron/core/names';
import { candidatesAnchored, candidatesMeeting, meets, nameCandidates, nameMatchConditions, nameMatchExpression, type TokenCondition } from '../../electron/core/patient-search';
import { patientInput } from '../helpers/patients';
import { rng } from '../../electron/core/synthetic/generate';
import { seedPatients } from '../../electron/core/synthetic/seed';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let token: string;
let people: (PatientFields & { id: number })[];

beforeAll(async () => {
  unit = await createTestUnit();
  const userId = await unit.addUser('recepcion', 'reception');
  token = await unit.login('recepcion');
  const seeded = await seedPatients(unit.ctx, unit.store.raw, { count: 10_000, seed: 2026, byUserId: userId });
  people = seeded.patients.map((p, i) => ({ ...p, id: seeded.firstId + i }));
}, 120_000);
afterAll(() => unit.cleanup());

/** Everyone the index matches for an FTS5 expression, by patient id. */
function indexedIds(expression: string): number[] {
  return (unit.store.raw.prepare('SELECT rowid FROM patient_search WHERE patient_search MATCH ?').pluck().all(expression) as number[]).map(patientIdOfSearchRowid);
}

/**
 * Checks a lookup against nameCandidates of the whole AND of `conditions` at limits 100, 3 and 1:
 * the same rows in the same order, and `complete` exactly when the AND matches fewer. Answers how
 * many limits were compared and how many of them cut the AND short.
 */
async function expectSameAsWholeAnd(label: string, conditions: TokenCondition[], lookup: (limit: number) => Promise<{ rows: { id: number }[]; complete: boolean }>) {
  const expression = conditions.map((c) => c.expression).join(' AND ');
  let cut = 0;
  const limits = [100, 3, 1];
  for (const limit of limits) {
    const found = await lookup(limit);
    expect(found.rows.map((r) => r.id), `${label} (${limit})`).toEqual((await nameCandidates(unit.ctx.db, expression, limit)).map((r) => r.id));
    expect(found.complete).toBe(indexedIds(expression).length < limit);
    if (!found.complete) cut++;
  }
  return { compared: limits.length, cut };
}

type Result = { id: number; matchedBy: string };
async function search(query: string, pageSize = 5): Promise<Result[]> {
  const result = await unit.call('patients.search', { query, pageSize }, token);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { results: Result[] }).results;
}

/** One typo a person makes: a letter swapped for a neighbour, doubled, dropped, or two letters transposed. */
function typo(word: string, random: () => number): string {
  const i = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 4);
  if (kind === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 2) return word.slice(0, i) + word[i] + word.slice(i);
  const swaps: Record<string, string> = { y: 'i', i: 'y', s: 'z', z: 's', v: 'b', b: 'v', c: 's', j: 'g', g: 'j', l: 'll', e: 'a', a: 'e', o: 'u', u: 'o', n: 'm', m: 'n', r: 'rr' };
  return word.slice(0, i) + (swaps[word[i]!] ?? word[i]) + word.slice(i + 1);
}

function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

describe('patients.search on 10,000 generated patients', () => {
  it('finds each person in the first five results for accent, case, typo, order and missing-surname variants', async () => {
    const random = rng(7);
    // Who else carries every word of a query: when more than four people do, "first five" is not
    // a fair ask (a receptionist would add the birth date), so such a variant is not asked.
    const byToken = new Map<string, Set<number>>();
    for (const p of people) for (const t of nameTokens(`${p.givenNames} ${p.familyNames}`)) (byToken.get(t) ?? byToken.set(t, new Set()).get(t)!).add(p.id);
    const carriers = (query: string) => {
      const sets = nameTokens(query).map((t) => byToken.get(t) ?? new Set<number>());
      return [...sets[0]!].filter((id) => sets.every((set) => set.has(id))).length;
    };
    const targets = people.filter((p) => p.familyNames.includes(' '));
    const misses: string[] = [];
    let queries = 0;
    for (let n = 0; n < 80; n++) {
      const p = targets[Math.floor(random() * targets.length)]!;
      const [surname1, surname2] = p.familyNames.split(' ') as [string, string];
      const longest = nameTokens(p.familyNames).sort((a, b) => b.length - a.length)[0]!;
      const variants = [
        `${p.givenNames} ${p.familyNames}`,
        stripAccents(`${p.givenNames} ${p.familyNames}`).toUpperCase(),
        `  ${p.givenNames.toLowerCase()}   ${p.familyNames.toLowerCase()} `,
        `${p.familyNames} ${p.givenNames}`,
        `${surname2} ${surname1} ${p.givenNames.split(' ')[0]}`,
        `${p.givenNames} ${surname1}`,
        foldText(`${p.givenNames} ${p.familyNames}`).replace(longest, typo(longest, random)),
      ];
      for (const query of variants) {
        if (carriers(query) > 4) continue;
        queries++;
        const ids = (await search(query)).map((r) => r.id);
        if (!ids.includes(p.id)) misses.push(`${query} → ${p.givenNames} ${p.familyNames}`);
      }
    }
    expect(queries).toBeGreaterThan(300);
    expect(misses).toEqual([]);
  });

  it('finds each person in the first five results by the first letters of each name, as typed at the desk', async () => {
    const random = rng(8);
    const tokensOf = people.map((p) => ({ id: p.id, tokens: nameTokens(`${p.givenNames} ${p.familyNames}`) }));
    const misses: string[] = [];
    let queries = 0;
    for (let n = 0; n < 120; n++) {
      const p = people[Math.floor(random() * people.length)]!;
      const words = [nameTokens(p.givenNames)[0]!, ...nameTokens(p.familyNames)];
      for (const letters of [3, 4, 5]) {
        const query = words.map((w) => w.slice(0, letters)).join(' ');
        // As in the test above: when more than four people begin so, "first five" is not a fair ask
        // (the words the search takes: "del", cut from "Delgado", is a particle it leaves out).
        const prefixes = nameTokens(query);
        if (tokensOf.filter((x) => prefixes.every((pre) => x.tokens.some((t) => t.startsWith(pre)))).length > 4) continue;
        queries++;
        if (!(await search(query)).map((r) => r.id).includes(p.id)) misses.push(`${query} → ${p.givenNames} ${p.familyNames}`);
      }
    }
    expect(queries).toBeGreaterThan(150);
    expect(misses).toEqual([]);
  });

  it('finds the spellings named in the issue: Yorgelis/Yorgelys, Gutierres/Gutiérrez, Jhon/John, José/JOSE/jose', async () => {
    const userId = 1;
    const extra = [
      { givenNames: 'Yorgelys', familyNames: 'Pabón Lindarte' },
      { givenNames: 'John Jairo', familyNames: 'Gutiérrez Useche' },
      { givenNames: 'José Gregorio', familyNames: 'Añez Finol' },
    ];
    const base = people[0]!;
    const { insertPatientsBulk } = await import('../../electron/core/synthetic/seed');
    const { firstId } = insertPatientsBulk(unit.store.raw, extra.map((e) => ({ ...base, ...e })), userId, '2026-11-22T08:00:00.000Z');
    expect((await search('Yorgelis Pabon')).map((r) => r.id)).toContain(firstId);
    expect((await search('jhon gutierres')).map((r) => r.id)).toContain(firstId + 1);
    for (const q of ['JOSE ANEZ', 'jose añez', 'José Añez', 'gregorio finol']) expect((await search(q)).map((r) => r.id)).toContain(firstId + 2);
  });

  it('learns the spellings of a name no one had, at registration, and finds it with a typo', async () => {
    const variants = () => unit.store.raw.prepare('SELECT count(*) AS n FROM name_variants').get() as { n: number };
    const before = variants().n;
    const registered = await unit.call('patients.register', { patient: patientInput({ givenNames: 'Wuilfredo', familyNames: 'Zuñiga Quintanilla', documentNumber: '55443322' }) }, token);
    expect(registered.ok).toBe(true);
    const id = (registered as { value: { patient: { id: number } } }).value.patient.id;
    expect(variants().n).toBeGreaterThan(before);
    expect((await search('Wuilfedo Zuniga')).map((r) => r.id)).toContain(id);
    // A second person with names already known adds nothing to the dictionary.
    const known = variants().n;
    expect((await unit.call('patients.register', { patient: patientInput({ givenNames: 'Wuilfredo', familyNames: 'Quintanilla Zúñiga', documentNumber: '55443323' }) }, token)).ok).toBe(true);
    expect(variants().n).toBe(known);
  });

  it('finds by document with or without dots, by phone in any format, and by record number', async () => {
    const p = people.find((x) => x.documentType === 'CC' && x.phones.length > 0)!;
    const dotted = p.documentNumber!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    for (const q of [p.documentNumber!, dotted, `CC ${dotted}`]) {
      const results = await search(q);
      expect(results[0], q).toMatchObject({ id: p.id, matchedBy: 'document' });
    }
    const national = p.phones[0]!.number.slice(3);
    for (const q of [national, `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`, p.phones[0]!.number]) {
      expect((await search(q)).map((r) => r.id), q).toContain(p.id);
    }
    const record = (await unit.store.db.selectFrom('patients').select('record_number').where('id', '=', p.id).executeTakeFirstOrThrow()).record_number;
    for (const q of [record, record.toLowerCase(), record.replace(/-0+/, '-')]) expect((await search(q))[0], q).toMatchObject({ id: p.id, matchedBy: 'record_number' });
  });

  it('pages through a common surname and answers nothing for a name no one has', async () => {
    const page1 = await unit.call('patients.search', { query: 'Rodríguez', page: 1, pageSize: 20 }, token);
    const page2 = await unit.call('patients.search', { query: 'Rodríguez', page: 2, pageSize: 20 }, token);
    const v1 = (page1 as { value: { results: Result[]; hasMore: boolean } }).value;
    const v2 = (page2 as { value: { results: Result[] } }).value;
    expect(v1.results).toHaveLength(20);
    expect(v1.hasMore).toBe(true);
    expect(v2.results.map((r) => r.id).some((id) => v1.results.some((r) => r.id === id))).toBe(false);
    expect(await search('Xochiquetzal Wojciechowski')).toEqual([]);
  });

  it('takes as candidates the newest people who match, newest first, whatever the limit', async () => {
    // The index keeps each person under SEARCH_ROWID_BASE − id, so its ascending order is newest first.
    const everyMatch = (expression: string) => indexedIds(expression).sort((a, b) => b - a);
    const random = rng(77);
    let complete = 0;
    let cut = 0;
    for (const person of people.slice(0, 150)) {
      // A full name, a name with a typo, and the first letters of a name (many people match those).
      const roll = random();
      const typed =
        roll < 0.33
          ? `${person.givenNames} ${person.familyNames}`
          : roll < 0.66
            ? `${person.givenNames.split(' ')[0]} ${typo(person.familyNames, random)}`
            : `${person.givenNames.slice(0, 3)} ${person.familyNames.slice(0, 4)}`;
      const expression = await nameMatchExpression(unit.ctx.db, nameTokens(typed));
      if (!expression) continue;
      const all = everyMatch(expression);
      for (const limit of [100, 3, 1]) {
        expect((await nameCandidates(unit.ctx.db, expression, limit)).map((r) => r.id), typed).toEqual(all.slice(0, limit));
        if (all.length <= limit) complete++;
        else cut++;
      }
    }
    // Both cases were met: every match fitting in the limit, and more matches than it.
    expect(complete).toBeGreaterThan(40);
    expect(cut).toBeGreaterThan(40);
  });

  it('checks a word on a person as the index would: every condition of 200 typed names, on the people it matches and others', async () => {
    // candidatesMeeting looks a long name up by its two rarest words and checks the others with
    // `meets`: for each condition, `meets` must hold for exactly the people the index matches.
    const random = rng(91);
    // Everyone in the store, those other tests registered too.
    const everyone = unit.store.raw.prepare('SELECT id, given_names AS givenNames, family_names AS familyNames FROM patients').all() as { id: number; givenNames: string; familyNames: string }[];
    const byId = new Map(everyone.map((p) => [p.id, p]));
    let held = 0;
    let checked = 0;
    for (const person of people.slice(0, 200)) {
      const roll = random();
      const typed =
        roll < 0.4 ? `${person.givenNames} ${person.familyNames}` : roll < 0.7 ? `${person.givenNames.split(' ')[0]} ${typo(person.familyNames, random)}` : `${person.givenNames.slice(0, 3)} ${person.familyNames.slice(0, 5)}`;
      const tokens = nameTokens(typed);
      for (const condition of [...(await nameMatchConditions(unit.ctx.db, tokens)), ...(await nameMatchConditions(unit.ctx.db, tokens, 'wide'))]) {
        const indexed = new Set(indexedIds(condition.expression));
        // Everyone the index matches, and as many others drawn at random.
        const others = Array.from({ length: indexed.size + 20 }, () => everyone[Math.floor(random() * everyone.length)]!);
        for (const p of [...[...indexed].map((id) => byId.get(id)!), ...others]) {
          const met = meets(condition, nameTokens(`${p.givenNames} ${p.familyNames}`));
          expect(met, `${condition.expression} on ${p.givenNames} ${p.familyNames}`).toBe(indexed.has(p.id));
          if (met) held++;
          checked++;
        }
      }
    }
    expect(held).toBeGreaterThan(1_000);
    expect(checked - held).toBeGreaterThan(1_000);
  });

  it('finds, by the rarest words of a long name, exactly the candidates of the whole AND', async () => {
    let compared = 0;
    let cut = 0;
    for (const person of people.filter((p) => p.familyNames.includes(' ')).slice(0, 120)) {
      for (const typed of [`${person.givenNames} ${person.familyNames}`, `${person.givenNames.split(' ')[0]} ${person.familyNames.slice(0, 4)} ${person.familyNames.split(' ')[1]}`]) {
        const conditions = await nameMatchConditions(unit.ctx.db, nameTokens(typed));
        if (conditions.length < 3) continue;
        const checked = await expectSameAsWholeAnd(typed, conditions, (limit) => candidatesMeeting(unit.ctx.db, conditions, limit));
        compared += checked.compared;
        cut += checked.cut;
      }
    }
    expect(compared).toBeGreaterThan(300);
    expect(cut).toBeGreaterThan(20);
  });

  it('finds, by any two words of a misspelled name with one word widened, exactly the candidates of the whole AND', async () => {
    const random = rng(57);
    let compared = 0;
    let cut = 0;
    for (const person of people.filter((p) => p.familyNames.includes(' ')).slice(0, 90)) {
      const tokens = nameTokens(`${person.givenNames.split(' ')[0]} ${typo(person.familyNames, random)}`);
      const narrow = await nameMatchConditions(unit.ctx.db, tokens);
      const wide = await nameMatchConditions(unit.ctx.db, tokens, 'wide');
      if (narrow.length < 3) continue;
      const widened = Math.floor(random() * narrow.length);
      const conditions = narrow.map((c, i) => (i === widened ? wide[i]! : c));
      const partner = (widened + 1 + Math.floor(random() * (narrow.length - 1))) % narrow.length;
      const checked = await expectSameAsWholeAnd(tokens.join(' '), conditions, (limit) => candidatesAnchored(unit.ctx.db, conditions, [widened, partner], limit));
      compared += checked.compared;
      cut += checked.cut;
    }
    expect(compared).toBeGreaterThan(150);
    expect(cut).toBeGreaterThan(10);
  });

  it('uses the FTS index and indexes for names, documents and phones (EXPLAIN QUERY PLAN)', async () => {
    const plan = (sqlText: string, ...params: unknown[]) =>
      (unit.store.raw.prepare(`EXPLAIN QUERY PLAN ${sqlText}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const expression = await nameMatchExpression(unit.store.db, ['yorgelis', 'gutierres']);
    // The candidates query of nameCandidates: FTS5 hands rows over in rowid order and stops at the
    // limit; no sort of every match (a temp B-tree or ORDER BY rank) may creep in.
    const names = plan(
      `SELECT p.id, p.given_names, p.family_names, p.date_of_birth, p.estimated_birth_year, p.merged_into_id FROM (SELECT ${SEARCH_ROWID_BASE} - rowid AS id FROM patient_search WHERE patient_search MATCH ? ORDER BY rowid LIMIT 200) AS m JOIN patients AS p INDEXED BY patients_name_candidates ON p.id = m.id`,
      expression,
    );
    expect(names).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
    expect(names).toMatch(/SEARCH p USING COVERING INDEX patients_name_candidates/);
    expect(names).not.toMatch(/SCAN p\b|SCAN patients|TEMP B-TREE/);
    expect(plan('SELECT id FROM patients WHERE document_number = ? AND merged_into_id IS NULL', '123')).toMatch(/SEARCH patients USING INDEX patients_document/);
    expect(plan('SELECT patient_id FROM patient_phones WHERE search_key = ?', '3001234567')).toMatch(/USING INDEX patient_phones_key/);
    expect(plan(`SELECT DISTINCT term FROM name_variants WHERE kind = 'p' AND variant IN (?, ?)`, 'a', 'b')).toMatch(/SEARCH name_variants USING PRIMARY KEY/);
  });
});
