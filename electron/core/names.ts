// How names are compared: accents, case and spacing ignored; Spanish spelling variants share a
// phonetic key (Yorgelis = Yorgelys, Gutierres = Gutiérrez, Jhon = John).

/** Particles that people drop or add: "María de los Ángeles", "De La Hoz". */
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'das', 'do', 'dos', 'van', 'von', 'di']);

/** Lower case, no accents (ñ → n), letters and digits only, single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The tokens a name is searched by, particles left out. */
export function nameTokens(text: string): string[] {
  return foldText(text)
    .split(' ')
    .filter((t) => t && !PARTICLES.has(t));
}

/**
 * A Spanish phonetic key: letters that sound alike in Latin American Spanish share one spelling.
 * Input is a folded token (a–z).
 */
export function phoneticKey(token: string): string {
  let key = phoneticKeys.get(token);
  if (key === undefined) {
    key = computePhoneticKey(token);
    // Names repeat (a few thousand spellings cover a registry); bounded all the same.
    if (phoneticKeys.size >= PHONETIC_CACHE_SIZE) phoneticKeys.clear();
    phoneticKeys.set(token, key);
  }
  return key;
}

const PHONETIC_CACHE_SIZE = 50_000;
const phoneticKeys = new Map<string, string>();

function computePhoneticKey(token: string): string {
  let s = token.replace(/[^a-z]/g, '');
  s = s
    .replace(/ph/g, 'f')
    .replace(/ch/g, '%') // keep "ch" apart before h is dropped
    .replace(/sh/g, '%')
    .replace(/h/g, '')
    .replace(/%/g, 'ch')
    .replace(/ll/g, 'y')
    .replace(/y/g, 'i')
    .replace(/qu(?=[ei])/g, 'k')
    .replace(/gu(?=[ei])/g, '&') // hard g before e/i ("Guillermo"), kept from the next rule
    .replace(/g(?=[ei])/g, 'j')
    .replace(/&/g, 'g')
    .replace(/c(?=[ei])/g, 's')
    .replace(/z/g, 's')
    .replace(/x(?=[aeiou])/g, 'j')
    .replace(/x/g, 's')
    .replace(/c/g, 'k')
    .replace(/q/g, 'k')
    .replace(/v/g, 'b')
    .replace(/w/g, 'u')
    .replace(/(.)\1+/g, '$1');
  return s || token;
}

/** The key with each single letter removed, and the key itself (SymSpell, edit distance 1). */
export function keyVariants(key: string): string[] {
  const out = new Set([key]);
  if (key.length > 3) for (let i = 0; i < key.length; i++) out.add(key.slice(0, i) + key.slice(i + 1));
  return [...out];
}

/** Jaro–Winkler similarity, 0..1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * How well query tokens are covered by a person's name tokens (each query token's best match), 0..1,
 * with a small tie-breaker for tokens typed in the person's own order.
 */
export function nameScore(queryTokens: string[], personTokens: string[]): number {
  return nameScorer(queryTokens)(personTokens);
}

/**
 * nameScore for one query, for many people: a search scores a hundred candidates whose names
 * share a few common tokens, so each query token's score against a name token is kept once worked out.
 */
export function nameScorer(queryTokens: string[]): (personTokens: string[]) => number {
  const queries = queryTokens.map((q) => ({ q, key: phoneticKey(q), scores: new Map<string, number>() }));
  const tokenScore = (query: (typeof queries)[number], p: string): number => {
    let s = query.scores.get(p);
    if (s === undefined) {
      const { q } = query;
      s = similarity(q, p);
      if (p.startsWith(q) && q.length >= 2) s = Math.max(s, 0.9 + 0.1 * (q.length / p.length));
      if (phoneticKey(p) === query.key) s = Math.max(s, 0.97);
      query.scores.set(p, s);
    }
    return s;
  };
  return (personTokens) => {
    if (queries.length === 0 || personTokens.length === 0) return 0;
    let total = 0;
    let lastIndex = -1;
    let inOrder = 0;
    for (const query of queries) {
      let best = 0;
      let bestIndex = -1;
      personTokens.forEach((p, index) => {
        const s = tokenScore(query, p);
        if (s > best) {
          best = s;
          bestIndex = index;
        }
      });
      total += best;
      if (bestIndex > lastIndex) inOrder++;
      lastIndex = bestIndex;
    }
    return (total + 0.01 * inOrder) / (queries.length * 1.01);
  };
}
