// The one place where a message of the server (always Spanish) becomes the text the user reads.
// Gettext style: the Spanish text is the key. Spanish shows it as it is; English looks it up in
// server-messages.en.ts (exact texts, then patterns for messages built from template literals)
// and falls back to the Spanish text, never to nothing.
// The English catalogue is loaded with the English UI (i18n/english.ts), and registered here.
import i18next from 'i18next';
import type { MessagePattern } from './server-messages.en';

let englishCatalogue: { exactMessages: Record<string, string>; messagePatterns: MessagePattern[] } | null = null;

/** Makes the English catalogue of server messages known (once it has loaded). */
export function registerEnglishServerMessages(catalogue: { exactMessages: Record<string, string>; messagePatterns: MessagePattern[] }): void {
  englishCatalogue = catalogue;
}

/** The English for a server message, or null when the catalogue does not know it (or has not loaded). */
export function englishServerMessage(spanish: string): string | null {
  if (!englishCatalogue) return null;
  const exact = englishCatalogue.exactMessages[spanish];
  if (exact !== undefined) return exact;
  for (const pattern of englishCatalogue.messagePatterns) {
    const match = pattern.re.exec(spanish);
    if (!match) continue;
    const english = pattern.en(match.slice(1), englishServerMessage);
    if (english !== null) return english;
  }
  return null;
}

/** A server message in the UI language (`language` defaults to the current one); unknown ones stay Spanish. */
export function serverText(message: string, language?: string): string;
export function serverText(message: string | undefined, language?: string): string | undefined;
export function serverText(message: string | undefined, language: string = i18next.language): string | undefined {
  if (!message || !language?.startsWith('en')) return message;
  return englishServerMessage(message) ?? message;
}
