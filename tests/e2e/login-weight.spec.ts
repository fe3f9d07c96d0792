// What the login screen's first chunk holds (issue 7: login first paint ≤ 1 s, initial JavaScript
// ≤ 350 KB gzip): React, i18next and the Spanish catalogue, and not what only signing in or a
// signed-in screen needs — the contract's schemas and reference tables, zod, the English catalogues.
// Read from the built renderer (dist/renderer, built before these tests): sizes are deterministic.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { bundleSizes } from '../../scripts/bench/renderer';

const RENDERER = join(import.meta.dirname, '..', '..', 'dist', 'renderer');

/** The scripts index.html loads before anything paints. */
function firstChunk(): string {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/src="(?:\.?\/)?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  return scripts.map((file) => readFileSync(join(RENDERER, file), 'utf8')).join('\n');
}

test('the login screen’s first chunk is within the target and holds nothing signing in does not need', () => {
  expect(bundleSizes(RENDERER).initialJsGzipKB).toBeLessThanOrEqual(350);
  const chunk = firstChunk();
  expect(chunk).toContain('Iniciar sesión');
  // The ICD-10 table (electron/api/reference/icd10.ts), brought by the contract's index.
  expect(chunk).not.toContain('Demencia en la enfermedad de Pick');
  // zod's own messages: zod is fetched once the login form has painted (login-validation.ts).
  expect(chunk).not.toContain('Invalid input');
  // The English catalogue (i18n/english.ts), fetched when English is chosen.
  expect(chunk).not.toContain('Skip to content');
});
