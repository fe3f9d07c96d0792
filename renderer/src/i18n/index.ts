// i18next set-up: Spanish (es-CO) by default, English switchable; <html lang> follows the language.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { es } from './es';

export const LANGUAGES = [
  { code: 'es', htmlLang: 'es-CO', locale: 'es-CO' },
  { code: 'en', htmlLang: 'en', locale: 'en' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'acogida.language';

function savedLanguage(): LanguageCode {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.some((l) => l.code === saved) ? (saved as LanguageCode) : 'es';
  } catch {
    return 'es';
  }
}

function languageInfo(code: string) {
  return LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[0];
}

/** The BCP 47 locale for dates and numbers in the current language. */
export function currentLocale(): string {
  return languageInfo(i18next.language).locale;
}

export function setLanguage(code: LanguageCode): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Storage may be unavailable; the choice then lasts until the window closes.
  }
  void i18next.changeLanguage(code);
}

i18next.on('languageChanged', (code) => {
  document.documentElement.lang = languageInfo(code).htmlLang;
});

void i18next.use(initReactI18next).init({
  resources: { es: { translation: es }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'es',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
