// The search workload: queries a receptionist types, drawn from the people in the database.
import type { RawDatabase } from '../../db/connection';
import { foldText } from '../../electron/core/names';
import { rng } from '../../electron/core/synthetic/generate';

export const QUERY_KINDS = ['exact_document', 'name_prefix', 'full_name', 'name_with_typo', 'common_surname', 'no_match'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

function typo(word: string, random: () => number): string {
  const i = 1 + Math.floor(random() * Math.max(1, word.length - 2));
  return random() < 0.5 ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/** `count` queries of each kind, reproducible for a seed. */
export function buildQueries(raw: RawDatabase, count: number, seed = 42): Record<QueryKind, string[]> {
  const random = rng(seed);
  const max = (raw.prepare('SELECT max(id) AS n FROM patients').get() as { n: number }).n;
  const people: { given: string; family: string; doc: string | null }[] = [];
  const byId = raw.prepare('SELECT given_names AS given, family_names AS family, document_number AS doc FROM patients WHERE id = ?');
  while (people.length < count * 3) {
    const row = byId.get(1 + Math.floor(random() * max)) as { given: string; family: string; doc: string | null } | undefined;
    if (row) people.push(row);
  }
  const withDoc = people.filter((p) => p.doc).slice(0, count);
  const withTwo = people.filter((p) => p.family.includes(' ')).slice(0, count);
  const common = ['Rodríguez', 'González', 'Pérez', 'Hernández', 'García', 'rodriguez', 'GONZALEZ', 'Martínez'];
  const none = ['Xochiquetzal Wojciechowski', 'Brunhilde Oyelaran', 'Tsegaye Kowalczyk', 'Zbigniew Nakamura', 'Oluwaseun Håkansson'];
  return {
    exact_document: withDoc.map((p) => p.doc!),
    name_prefix: withTwo.map((p) => `${p.given.split(' ')[0]!.slice(0, 4)} ${p.family.split(' ')[0]!.slice(0, 4)}`),
    full_name: withTwo.map((p) => `${p.given} ${p.family}`),
    name_with_typo: withTwo.map((p) => {
      const words = foldText(`${p.given.split(' ')[0]} ${p.family}`).split(' ');
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
      return words.map((w) => (w === longest ? typo(w, random) : w)).join(' ');
    }),
    common_surname: Array.from({ length: count }, (_, i) => common[i % common.length]!),
    no_match: Array.from({ length: count }, (_, i) => none[i % none.length]!),
  };
}
