import { describe, expect, it } from 'vitest';
import { nameScore, nameScorer, nameTokens, phoneticKey, similarity } from '../../electron/core/names';
import { rng, syntheticPatient } from '../../electron/core/synthetic/generate';

/** The score worked out afresh for every pair of tokens: what the scorer must keep giving. */
function referenceScore(query: string[], person: string[]): number {
  if (!query.length || !person.length) return 0;
  let total = 0;
  let lastIndex = -1;
  let inOrder = 0;
  for (const q of query) {
    const scores = person.map((p) => {
      let s = similarity(q, p);
      if (p.startsWith(q) && q.length >= 2) s = Math.max(s, 0.9 + 0.1 * (q.length / p.length));
      return phoneticKey(p) === phoneticKey(q) ? Math.max(s, 0.97) : s;
    });
    const best = Math.max(0, ...scores);
    const bestIndex = best > 0 ? scores.indexOf(best) : -1;
    total += best;
    if (bestIndex > lastIndex) inOrder++;
    lastIndex = bestIndex;
  }
  return (total + 0.01 * inOrder) / (query.length * 1.01);
}

describe('name scores', () => {
  it('ranks the name as typed first, then its sound, its first letters, and other names', () => {
    const query = nameTokens('Yorgelis Gutiérrez');
    const exact = nameScore(query, nameTokens('Yorgelis Gutiérrez Pérez'));
    const bySound = nameScore(query, nameTokens('Yorgelys Gutierres Pérez'));
    const other = nameScore(query, nameTokens('Yolanda Gómez Pérez'));
    expect(exact).toBeGreaterThan(bySound);
    expect(bySound).toBeGreaterThanOrEqual(0.97);
    expect(other).toBeLessThan(0.9);
    expect(nameScore(nameTokens('Yorg Guti'), nameTokens('Yorgelis Gutiérrez'))).toBeGreaterThanOrEqual(0.9);
    // Typed in the person's own order scores a little higher.
    expect(nameScore(query, nameTokens('Yorgelis Gutiérrez'))).toBeGreaterThan(nameScore(query, nameTokens('Gutiérrez Yorgelis')));
    expect(nameScore([], nameTokens('Ana'))).toBe(0);
    expect(nameScore(query, [])).toBe(0);
  });

  it('scores each of many people, with one scorer for the query, as if every pair of words were compared afresh', () => {
    const random = rng(3);
    const people = Array.from({ length: 400 }, () => syntheticPatient(random, new Date('2026-11-01T00:00:00Z')));
    for (const typed of ['María Rodríguez', 'jose luis', 'Gonz Herná', 'Yorgelys Gutierres Pérez']) {
      const query = nameTokens(typed);
      const score = nameScorer(query);
      const shared = people.map((p) => score(nameTokens(`${p.givenNames} ${p.familyNames}`)));
      const afresh = people.map((p) => referenceScore(query, nameTokens(`${p.givenNames} ${p.familyNames}`)));
      expect(shared).toEqual(afresh);
      expect(new Set(shared).size).toBeGreaterThan(20);
    }
  });
});
