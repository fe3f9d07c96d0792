// The app:// protocol: the renderer build only, with the CSP on every answer; never a file outside it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/policies';
import { answerRendererRequest, contentTypeOf, resolveRendererFile } from '../../electron/main/renderer-files';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'acogida-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Acogida</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer build');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('serves index.html and assets with their types and the CSP', async () => {
    const index = await answerRendererRequest(root, 'app://acogida/index.html');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.body!.toString()).toContain('<title>Acogida</title>');
    const script = await answerRendererRequest(root, 'app://acogida/assets/index-abc.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(contentTypeOf('a/b.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('a/b.unknown')).toBe('application/octet-stream');
  });

  it('answers client-side routes with index.html, but a missing asset with 404', async () => {
    expect(resolveRendererFile(root, 'app://acogida/')).toEqual({ kind: 'file', path: join(root, 'index.html') });
    expect(resolveRendererFile(root, 'app://acogida/admin/users')).toEqual({ kind: 'file', path: join(root, 'index.html') });
    const missing = await answerRendererRequest(root, 'app://acogida/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://acogida/../secret.txt',
    'app://acogida/%2e%2e/secret.txt',
    'app://acogida/assets/%2e%2e/%2e%2e/secret.txt',
    'app://acogida/..%2fsecret.txt',
    'app://acogida/..%5csecret.txt',
    'app://acogida/%2e%2e%2fsecret.txt',
    'app://acogida/assets/..%2f..%2fsecret.txt',
  ])('never serves a file outside the build: %s', async (url) => {
    const answer = await answerRendererRequest(root, url);
    expect(answer.body?.toString() ?? '').not.toContain('outside the renderer build');
    expect(answer.status === 404 || answer.status === 400 || answer.body?.toString().includes('<title>Acogida</title>')).toBe(true);
  });

  it('refuses other hosts, schemes, ports, bad encodings and methods', async () => {
    expect(resolveRendererFile(root, 'app://evil/index.html')).toEqual({ kind: 'error', status: 404 });
    expect(resolveRendererFile(root, 'app://acogida:99/index.html')).toEqual({ kind: 'error', status: 404 });
    expect(resolveRendererFile(root, 'file:///etc/passwd')).toEqual({ kind: 'error', status: 404 });
    expect(resolveRendererFile(root, 'app://acogida/%E0%A4%A')).toEqual({ kind: 'error', status: 400 });
    expect(resolveRendererFile(root, 'app://acogida/a%00.js')).toEqual({ kind: 'error', status: 400 });
    expect(resolveRendererFile(root, 'app://acogida/index.html', 'POST')).toEqual({ kind: 'error', status: 405 });
    const head = await answerRendererRequest(root, 'app://acogida/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });
});
