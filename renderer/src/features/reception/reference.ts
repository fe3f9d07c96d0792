// Reference lists for the intake form: nationalities (ISO 3166 alpha-3 names in Spanish and English)
// and the DIVIPOLA municipalities, searched ignoring accents and case.
import countries from 'i18n-iso-countries';
import enCountries from 'i18n-iso-countries/langs/en.json';
import esCountries from 'i18n-iso-countries/langs/es.json';
import { COMMON_NATIONALITIES, DEPARTMENTS, MUNICIPALITIES, municipalityLabel } from '../../api/contract';

countries.registerLocale(esCountries);
countries.registerLocale(enCountries);

/** "José" → "jose": for comparisons that forgive accents and case. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function countryName(code: string, language: string): string {
  return countries.getName(code, language === 'en' ? 'en' : 'es') ?? code;
}

/** The common nationalities first (VEN, COL…), then every other country by name. */
export function nationalityOptions(language: string): { common: { code: string; name: string }[]; others: { code: string; name: string }[] } {
  const lang = language === 'en' ? 'en' : 'es';
  const all = Object.keys(countries.getAlpha3Codes()).map((code) => ({ code, name: countries.getName(code, lang) ?? code }));
  const common = COMMON_NATIONALITIES.map((code) => ({ code, name: countries.getName(code, lang) ?? code }));
  const others = all.filter((c) => !(COMMON_NATIONALITIES as readonly string[]).includes(c.code)).sort((a, b) => a.name.localeCompare(b.name, lang));
  return { common, others };
}

export interface MunicipalityOption {
  code: string;
  name: string;
  department: string;
  label: string;
}

const INDEX: (MunicipalityOption & { key: string })[] = MUNICIPALITIES.map(([code, name]) => {
  const department = DEPARTMENTS[code.slice(0, 2)] ?? '';
  return { code, name, department, label: municipalityLabel(code), key: fold(`${name} ${department} ${code}`) };
});

/**
 * Municipalities whose name, department or code contain every word typed (accents ignored);
 * names that start with the text first, then Norte de Santander (the unit's department).
 */
export function searchMunicipalities(query: string, limit = 30): MunicipalityOption[] {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return INDEX.filter((m) => m.code.startsWith('54')).slice(0, limit);
  const first = words.join(' ');
  const matches = INDEX.filter((m) => words.every((w) => m.key.includes(w)));
  const rank = (m: MunicipalityOption & { key: string }) => (fold(m.name).startsWith(first) ? 0 : 2) + (m.code.startsWith('54') ? 0 : 1);
  return matches
    .map((m, i) => ({ m, i, r: rank(m) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, limit)
    .map(({ m }) => ({ code: m.code, name: m.name, department: m.department, label: m.label }));
}
