// `npm run build:electron`: bundles the main process (ESM) and the sandboxed preload (CommonJS,
// as Electron's sandbox requires) into dist/electron/. Native and optional modules stay outside
// the bundle: electron-builder ships them in node_modules (the native ones unpacked from asar).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'electron');

export const MAIN_EXTERNALS = [
  'electron',
  // Native addons: loaded from node_modules (app.asar.unpacked) at run time.
  'better-sqlite3-multiple-ciphers',
  '@node-rs/argon2',
  '@node-rs/argon2-*',
  // Optional or native pieces that some dependencies try to require; never needed by main.
  'bufferutil',
  'utf-8-validate',
  'pino-pretty',
  'fsevents',
];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'info',
  absWorkingDir: root,
};

rmSync(outdir, { recursive: true, force: true });

await Promise.all([
  build({
    ...common,
    entryPoints: [join(root, 'electron', 'main', 'main.ts')],
    outfile: join(outdir, 'main.js'),
    format: 'esm',
    external: MAIN_EXTERNALS,
    // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
    banner: { js: "import { createRequire as __acogidaCreateRequire } from 'node:module'; const require = __acogidaCreateRequire(import.meta.url);" },
  }),
  // The read-only worker (statistics, exports) runs beside main.js: electron/core/jobs/runner.ts loads it.
  build({
    ...common,
    entryPoints: [join(root, 'electron', 'core', 'jobs', 'worker.ts')],
    outfile: join(outdir, 'readonly-worker.js'),
    format: 'esm',
    external: MAIN_EXTERNALS,
    banner: { js: "import { createRequire as __acogidaCreateRequire } from 'node:module'; const require = __acogidaCreateRequire(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: [join(root, 'electron', 'preload', 'index.ts')],
    outfile: join(outdir, 'preload.cjs'),
    format: 'cjs',
    // A sandboxed preload can require only 'electron' (contextBridge, ipcRenderer): nothing else is external.
    external: ['electron'],
    target: 'chrome130',
    platform: 'node',
  }),
]);
