// The renderer is served from app://acogida/ (a privileged standard + secure scheme), never from file://.
// No runtime 'electron' import here: these values are tested under plain Node.
export const APP_SCHEME = 'app';
export const APP_HOST = 'acogida';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const START_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs of exactly the app origin (not app://acogida.evil, not app://user@acogida.evil). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Chromium canonicalises standard-scheme URLs (lower-case host, no default port), so the
  // canonical prefix is the whole test: a user part, a port or another host all change it.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.hostname === APP_HOST && parsed.href.startsWith(`${APP_ORIGIN}/`);
}
