// `npm run host` and the tools that start a host of their own (the bench, the LAN attack cases)
// must run it alike: the same Node flags, from one list.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOST_NODE_FLAGS, nodeArgsFor } from '../../scripts/host-bundle';

describe('the host process', () => {
  it('is started by `npm run host` with the flags the bench and the LAN attack cases give it', () => {
    const scripts = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts as Record<string, string>;
    expect(HOST_NODE_FLAGS.length).toBeGreaterThan(0);
    expect(scripts.host).toBe(`node ${HOST_NODE_FLAGS.join(' ')} dist/host/main.js`);
  });

  it('lets a caller add flags after its own, so that theirs win', () => {
    const args = nodeArgsFor('dist/host/main.js', ['--max-semi-space-size=16']);
    expect(args.slice(0, HOST_NODE_FLAGS.length)).toEqual(HOST_NODE_FLAGS);
    expect(args.at(-2)).toBe('--max-semi-space-size=16');
    expect(args.at(-1)).toMatch(/dist[\\/]host[\\/]main\.js$/);
  });
});
