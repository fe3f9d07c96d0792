// ISO 3166-1 alpha-3 codes (i18n-iso-countries); the renderer registers the Spanish and English names.
import countries from 'i18n-iso-countries';

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && countries.isValid(code);
}

/** The nationalities a unit at the Venezuelan border sees most, first in the picker. */
export const COMMON_NATIONALITIES = ['VEN', 'COL', 'ECU', 'PER', 'HTI', 'CUB', 'DOM'] as const;
