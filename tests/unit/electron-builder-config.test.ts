// electron-builder.yml as electron-builder reads it: fuses, targets, native modules outside asar, icon.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Configuration } from 'electron-builder';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Configuration;

function targets(platform: { target?: unknown } | null | undefined): string[] {
  const list = Array.isArray(platform?.target) ? platform.target : [platform?.target];
  return list.map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    // The very validator electron-builder runs, resolved from electron-builder's own dependencies.
    const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
    const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, debugLogger: { add(key: string, value: unknown): void; isEnabled: boolean }): Promise<void>;
    };
    await expect(validateConfiguration(config, { add: () => undefined, isEnabled: false })).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(config.appId).toBe('co.acogida.app');
    expect(config.productName).toBe('Acogida');
  });

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('packs into asar with the native modules unpacked', () => {
    expect(config.asar).toBe(true);
    const unpack = config.asarUnpack as string[];
    expect(unpack).toContain('node_modules/better-sqlite3-multiple-ciphers/**/*');
    expect(unpack.some((p) => p.startsWith('node_modules/@node-rs/argon2'))).toBe(true);
    expect(unpack).toContain('**/*.node');
  });

  it('ships the bundles, the renderer build and package.json, no source maps', () => {
    const files = config.files as string[];
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/electron/**/*', 'dist/renderer/**/*', '!**/*.map']));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(pkg.scripts.dist).toContain('electron-builder --config electron-builder.yml');
  });

  it('builds Windows NSIS, Linux AppImage and deb', () => {
    expect(targets(config.win)).toEqual(['nsis']);
    expect(targets(config.linux)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/@/);
    expect(config.nsis?.oneClick).toBe(false);
  });

  it('has a 512×512 PNG icon', () => {
    expect(config.icon).toBe('build/icon.png');
    const png = readFileSync(join(root, 'build', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
