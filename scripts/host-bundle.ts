// The LAN host as `npm run host` runs it: the bundle in dist/host/, built first if a source file is
// newer (scripts/build-host.mjs). For the tools that start a host of their own: the bench and the
// reliability suite's LAN attack cases.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Node's flags for the host process; `npm run host` (package.json) passes the same, and a test holds
 * the two together. Young generation of 8-MB semi-spaces instead of V8's 16: under 50 clients the
 * host's heap settled at about 62 MB instead of 103, and its RSS after two minutes of load was
 * 247–252 MB instead of 265–335, for about as much time collecting (smaller scavenges, more of them).
 * The old generation grows by 30% between full collections (--heap-growing-percent) instead of V8's
 * factor of up to 4: under a minute of 50 clients in a closed loop its RSS, sampled each second,
 * peaked at 299–303 MB before a full collection brought it back to about 248 (one bench run read
 * 343 after its load); with it, at 245–249, for as much host CPU per request (1.26–2.10 ms against
 * 1.27–1.93, this machine's spread).
 */
export const HOST_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--heap-growing-percent=30'];

/** The arguments to give `node` (process.execPath) to start the built host (built first when stale). */
export function hostNodeArgs(repoRoot: string, nodeArgs: readonly string[] = []): string[] {
  return nodeArgsFor(builtHostBundle(repoRoot), nodeArgs);
}

/** `nodeArgs` come after the host's own flags, so that a caller's win. */
export function nodeArgsFor(bundle: string, nodeArgs: readonly string[] = []): string[] {
  return [...HOST_NODE_FLAGS, ...nodeArgs, bundle];
}

export function builtHostBundle(repoRoot: string): string {
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-host.mjs'), '--if-stale'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error('The host bundle did not build (scripts/build-host.mjs)');
  return join(repoRoot, 'dist', 'host', 'main.js');
}
