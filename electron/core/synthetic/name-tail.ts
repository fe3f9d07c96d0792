// The long tail of names: thousands of distinct given names and surnames composed from Spanish,
// Venezuelan and Colombian stems and endings ("Mont" + "oya", "Yor" + "gelis"). They sound like
// the names a registry of the border holds; every combination is invented, never real patient data.

/** Surname stems and the endings that Spanish surnames take after them. */
const SURNAME_STEMS = [
  'Albar', 'Alcal', 'Alme', 'Alvar', 'Amay', 'Arand', 'Arbel', 'Arrie', 'Avend', 'Balc', 'Bald', 'Barr', 'Becer', 'Bel', 'Benav',
  'Berm', 'Bust', 'Cabal', 'Cald', 'Camp', 'Canel', 'Carr', 'Casan', 'Cast', 'Cerv', 'Cif', 'Col', 'Cor', 'Cuell', 'Chav',
  'Dav', 'Esc', 'Esp', 'Estr', 'Fern', 'Ferr', 'Fig', 'Gal', 'Garc', 'Gav', 'Gir', 'Guar', 'Guill', 'Herr', 'Hinc', 'Iban',
  'Jar', 'Lan', 'Laz', 'Led', 'Liz', 'Lob', 'Lor', 'Mac', 'Mald', 'Mant', 'Marq', 'Mend', 'Mir', 'Mont', 'Mor', 'Nav', 'Ner',
  'Olm', 'Orteg', 'Pach', 'Pal', 'Pard', 'Pedr', 'Pin', 'Plat', 'Porr', 'Quint', 'Ram', 'Rend', 'Riv', 'Robl', 'Sal', 'Sant',
  'Sarm', 'Sep', 'Sol', 'Tam', 'Tap', 'Tob', 'Urb', 'Vald', 'Valenz', 'Vel', 'Vill', 'Zam', 'Zap', 'Zer',
];
const SURNAME_ENDINGS = [
  'ado', 'ales', 'ano', 'ante', 'ares', 'ázar', 'edo', 'ela', 'ena', 'era', 'ero', 'eros', 'és', 'eta', 'illa', 'illo', 'ino',
  'ón', 'ona', 'ora', 'oya', 'oza', 'uco', 'udo', 'uela', 'ueta', 'ález', 'énez', 'ínez', 'úa',
];

/** Given-name beginnings and endings as Venezuelan and Colombian parents combine them. */
const FEMALE_STEMS = ['Ana', 'Ari', 'Bely', 'Dai', 'Dey', 'Ely', 'Fran', 'Gle', 'Ily', 'Jes', 'Kar', 'Ley', 'Lis', 'Mari', 'May', 'Nai', 'Ney', 'Ori', 'Ros', 'Wil', 'Yel', 'Yor', 'Yul', 'Yus', 'Zu', 'Bri', 'Cris', 'Dul', 'Emi', 'Glo', 'Isa', 'Luz', 'Mil', 'Sol', 'Yaj', 'Yen', 'Yes', 'Ya'];
const FEMALE_ENDINGS = ['beth', 'bis', 'delis', 'elis', 'elys', 'lenis', 'liany', 'lin', 'lis', 'mar', 'mary', 'neth', 'nis', 'ris', 'sbeli', 'ymar', 'yuri', 'zmin', 'leidy', 'mely'];
const MALE_STEMS = ['An', 'Deiv', 'Der', 'Ed', 'Fran', 'Geo', 'Hen', 'Jef', 'Jho', 'Ken', 'Lei', 'Mai', 'Nil', 'Ron', 'Wil', 'Yef', 'Yor', 'Yul', 'Dar', 'Kel', 'Al', 'Bren', 'Cris', 'Eli', 'Gil', 'Jai', 'Os', 'Ri', 'Ti', 'Wal'];
const MALE_ENDINGS = ['ber', 'der', 'derson', 'dy', 'ker', 'man', 'mer', 'ner', 'ny', 'son', 'ver', 'vis', 'wil', 'yer', 'ton', 'cer', 'go', 'lio', 'mar', 'ruel', 'ser'];

function compose(stems: readonly string[], endings: readonly string[], known: readonly string[]): string[] {
  const seen = new Set(known.map((n) => n.toLowerCase()));
  const out: string[] = [];
  // Interleave by ending so that the tail mixes stems rather than exhausting one stem first.
  for (const ending of endings) {
    for (const stem of stems) {
      const name = stem + ending;
      if (seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      out.push(name);
    }
  }
  return out;
}

/** The head (hand-written, most frequent first) followed by the composed tail. */
export function withTail(head: readonly string[], kind: 'surname' | 'female' | 'male'): string[] {
  const [stems, endings] = kind === 'surname' ? [SURNAME_STEMS, SURNAME_ENDINGS] : kind === 'female' ? [FEMALE_STEMS, FEMALE_ENDINGS] : [MALE_STEMS, MALE_ENDINGS];
  const unique = [...new Set(head)];
  return [...unique, ...compose(stems, endings, unique)];
}
