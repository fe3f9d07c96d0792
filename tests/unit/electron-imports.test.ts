// Only electron/main and electron/preload may import 'electron' — and within main, only the two
// modules that cannot avoid it, so that everything else stays testable under plain Node.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SKIP = new Set(['node_modules', 'dist', 'release', '.git', 'test-results', 'playwright-report']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/.test(name) ? [path] : [];
  });
}

/** Every import/require/export-from of the 'electron' module, marked type-only or not. */
function electronImports(source: string): Array<{ typeOnly: boolean; text: string }> {
  const found: Array<{ typeOnly: boolean; text: string }> = [];
  const staticImport = /\b(import|export)\s+(type\s+)?([^'";]*?\bfrom\s+)?['"]electron(?:\/[^'"]*)?['"]/g;
  for (const match of source.matchAll(staticImport)) found.push({ typeOnly: Boolean(match[2]), text: match[0] });
  const dynamic = /\b(require|import)\s*\(\s*['"]electron(?:\/[^'"]*)?['"]\s*\)/g;
  for (const match of source.matchAll(dynamic)) found.push({ typeOnly: false, text: match[0] });
  return found;
}

const files = [...sourceFiles(join(root, 'electron')), ...sourceFiles(join(root, 'db')), ...sourceFiles(join(root, 'renderer')), ...sourceFiles(join(root, 'scripts')), ...sourceFiles(join(root, 'tests'))];
const rel = (path: string) => relative(root, path).split(sep).join('/');

describe("imports of 'electron'", () => {
  it('the scanner sees every form of import', () => {
    expect(electronImports("import { app } from 'electron';")).toEqual([{ typeOnly: false, text: "import { app } from 'electron'" }]);
    expect(electronImports('import type { WebPreferences } from "electron";')[0]!.typeOnly).toBe(true);
    expect(electronImports("const { app } = require('electron');")).toHaveLength(1);
    expect(electronImports("await import('electron')")).toHaveLength(1);
    expect(electronImports("export { app } from 'electron/main';")).toHaveLength(1);
    expect(electronImports("import 'electron';")).toHaveLength(1);
    expect(electronImports("import x from 'electron-builder';")).toHaveLength(0);
  });

  it('the scan covers the repository', () => {
    expect(files.map(rel)).toEqual(expect.arrayContaining(['electron/main/main.ts', 'electron/preload/index.ts', 'electron/core/dispatch.ts', 'db/store.ts']));
  });

  it('no module outside electron/main and electron/preload imports it, not even as a type', () => {
    const offenders = files
      .map(rel)
      .filter((path) => !path.startsWith('electron/main/') && !path.startsWith('electron/preload/') && !path.startsWith('tests/unit/electron-imports.test.'))
      .filter((path) => electronImports(readFileSync(join(root, path), 'utf8')).length > 0);
    expect(offenders).toEqual([]);
  });

  it('within electron/main and electron/preload, only main.ts, keystore.ts and the preload load it at run time', () => {
    const runtime = files
      .map(rel)
      .filter((path) => path.startsWith('electron/main/') || path.startsWith('electron/preload/'))
      .filter((path) => electronImports(readFileSync(join(root, path), 'utf8')).some((i) => !i.typeOnly))
      .sort();
    expect(runtime).toEqual(['electron/main/keystore.ts', 'electron/main/main.ts', 'electron/preload/index.ts']);
  });
});
