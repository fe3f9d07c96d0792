// settings.json in the user-data folder: which mode this computer is in, and the pinned host.
// Plain Node, no 'electron'. Never holds a secret (the pinned fingerprint is public).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { normaliseFingerprint } from './fingerprint';

export const SETTINGS_FILE = 'settings.json';

const localSettings = z.strictObject({ version: z.literal(1), mode: z.literal('local') });
const remoteSettings = z.strictObject({
  version: z.literal(1),
  mode: z.literal('remote'),
  hostUrl: z.string().url().refine((u) => u.startsWith('https://'), 'https only'),
  fingerprint: z.string().refine((f) => normaliseFingerprint(f) === f, 'SHA-256 fingerprint, upper case with colons'),
});
export const settingsSchema = z.discriminatedUnion('mode', [localSettings, remoteSettings]);
export type DeviceSettings = z.infer<typeof settingsSchema>;

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** Null when the file does not exist (a computer not set up yet). Throws SettingsError when damaged. */
export function readSettings(file: string): DeviceSettings | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new SettingsError(`El archivo de configuración ${file} está dañado (no es JSON válido). Corríjalo o bórrelo para configurar el equipo de nuevo.`);
  }
  const result = settingsSchema.safeParse(parsed);
  if (!result.success) throw new SettingsError(`El archivo de configuración ${file} no es válido. Corríjalo o bórrelo para configurar el equipo de nuevo.`);
  return result.data;
}

/** Write-then-rename, so a crash never leaves half a file. */
export function writeSettings(file: string, settings: DeviceSettings): void {
  const valid = settingsSchema.parse(settings);
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(valid, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}
