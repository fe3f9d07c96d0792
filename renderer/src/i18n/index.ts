// i18next set-up: Spanish (es-CO) by default, English switchable; <html lang> follows the language.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { es } from './es';
import { registerEnglishServerMessages } from './server-messages';

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

let englishLoading: Promise<void> | null = null;

/** English is a chunk of its own (english.ts), fetched the first time it is asked for. */
function loadLanguage(code: LanguageCode): Promise<void> {
  if (code !== 'en') return Promise.resolve();
  englishLoading ??= import('./english').then(
    (english) => {
      i18next.addResourceBundle('en', 'translation', english.en, true, true);
      registerEnglishServerMessages(english);
    },
    (error: unknown) => {
      englishLoading = null; // asked again next time (the host may be back)
      throw error;
    },
  );
  return englishLoading;
}

/** Shows the UI in `code`, once its catalogue is in place; if it cannot be fetched, the UI stays as it was. */
async function showLanguage(code: LanguageCode): Promise<void> {
  try {
    await loadLanguage(code);
  } catch {
    return;
  }
  await i18next.changeLanguage(code);
}

export async function setLanguage(code: LanguageCode): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Storage may be unavailable; the choice then lasts until the window closes.
  }
  await showLanguage(code);
}

i18next.on('languageChanged', (code) => {
  document.documentElement.lang = languageInfo(code).htmlLang;
});

void i18next.use(initReactI18next).init({
  resources: { es: { translation: es } },
  lng: 'es',
  fallbackLng: 'es',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Resolves once the saved language shows (Spanish at once): the first render waits for it (main.tsx). */
export const languageReady: Promise<void> = showLanguage(savedLanguage());

export default i18next;
