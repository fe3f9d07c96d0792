// Build the renderer once before the hosts start, so parallel `npm run host` never race to build it.
import { spawnSync } from 'node:child_process';

export default function globalSetup(): void {
  const result = spawnSync(process.execPath, ['scripts/build-renderer-if-stale.mjs'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The renderer build failed');
}
