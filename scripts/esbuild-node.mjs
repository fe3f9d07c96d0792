// What every esbuild bundle of Node-side code shares: the Electron main process and the LAN host.
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

// CommonJS dependencies bundled into ESM still call require() for Node built-ins.
export const ESM_REQUIRE_BANNER = { js: "import { createRequire as __acogidaCreateRequire } from 'node:module'; const require = __acogidaCreateRequire(import.meta.url);" };

export function nodeBundle(root, entryPoint, outfile) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    legalComments: 'none',
    // Comments and whitespace out, names kept (stack traces stay readable; the source map has the
    // rest). A few dependency comments hold characters beyond Latin-1 (— …), which made V8 keep the
    // whole 8.3 MB source as two bytes a character: minified, the host holds 12 MB less (issue 7).
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    absWorkingDir: root,
    entryPoints: [entryPoint],
    outfile,
    format: 'esm',
    external: MAIN_EXTERNALS,
    banner: ESM_REQUIRE_BANNER,
  };
}
