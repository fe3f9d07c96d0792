// The LAN host's HTTP surface over a real encrypted store: shapes, codes, headers, limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHost } from '../../electron/host/server';
import { LoginThrottle } from '../../electron/host/login-throttle';
import { TokenRateLimit } from '../../electron/host/token-rate-limit';
import { createTestUnit, dataDigest, TEST_PASSWORD, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let host: FastifyInstance;
let token: string;
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  unit = await createTestUnit();
  const rendererDir = join(unit.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Acogida</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  host = await buildHost({ dispatch: unit.dispatch, rendererDir, allowedHosts: new Set(['localhost:80', 'acogida.local:4317']), bodyLimitBytes: 64 * 1024, loginThrottle: new LoginThrottle(5, 60_000) });
  token = await unit.login('admin');
});
afterAll(async () => {
  await host.close();
  await unit.cleanup();
});

const post = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  host.inject({ method: 'POST', url: `/api/${name}`, headers: { ...json, authorization: `Bearer ${token}`, ...headers }, payload: typeof body === 'string' ? body : JSON.stringify(body) });

describe('POST /api/<procedure>', () => {
  it('auth.login answers {token, user}', async () => {
    const response = await host.inject({ method: 'POST', url: '/api/auth.login', headers: json, payload: { username: 'admin', password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.user).toMatchObject({ username: 'admin', role: 'admin' });
  });

  it('answers 400 invalid_input with issues that name the fields', async () => {
    const response = await post('users.create', { username: 'x', role: 'doctor' });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['displayName', 'password', 'role', 'username']);
  });

  it('answers 404 for an unknown or desktop-only procedure, and for GET', async () => {
    expect((await post('patients.delete', {})).statusCode).toBe(404);
    expect((await post('device.createLocal', {})).statusCode).toBe(404);
    const get = await host.inject({ method: 'GET', url: '/api/auth.me' });
    expect(get.statusCode).toBe(404);
    expect(get.json().error.code).toBe('not_found');
  });

  it('answers 409 conflict', async () => {
    const response = await post('users.create', { username: 'admin', displayName: 'Otro', role: 'admin', password: 'frase segura y larga' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('conflict');
  });

  it('refuses malformed JSON, a wrong content type and an oversized body, writing nothing', async () => {
    const before = await dataDigest(unit.store);
    const broken = await post('users.create', '{"username": "ana", ');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid_input');
    const text = await post('users.create', 'username=ana', { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('invalid_input');
    const huge = await post('users.create', { username: 'ana', displayName: 'x'.repeat(100_000), role: 'reception', password: 'frase segura y larga' });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('invalid_input');
    expect(await dataDigest(unit.store)).toEqual(before);
  });

  it('drops __proto__ and constructor keys instead of polluting objects', async () => {
    const response = await post('users.list', '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}');
    expect(response.statusCode).toBe(200);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses a Host header that is not allowed (DNS rebinding) and a foreign Origin', async () => {
    const evil = await host.inject({ method: 'POST', url: '/api/auth.me', headers: { ...json, host: 'evil.example:80', authorization: `Bearer ${token}` }, payload: {} });
    expect(evil.statusCode).toBe(403);
    const ok = await host.inject({ method: 'POST', url: '/api/auth.me', headers: { ...json, host: 'acogida.local:4317', authorization: `Bearer ${token}` }, payload: {} });
    expect(ok.statusCode).toBe(200);
    const cors = await post('auth.me', {}, { origin: 'http://evil.example' });
    expect(cors.statusCode).toBe(403);
    expect(cors.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits login attempts per address with 429 and Retry-After', async () => {
    const attempts = [];
    for (let i = 0; i < 7; i++) {
      attempts.push(await host.inject({ method: 'POST', url: '/api/auth.login', headers: json, payload: { username: 'nadie', password: 'x' }, remoteAddress: '10.9.9.9' }));
    }
    expect(attempts.map((a) => a.statusCode)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(Number(attempts[6]!.headers['retry-after'])).toBeGreaterThan(0);
    const other = await host.inject({ method: 'POST', url: '/api/auth.login', headers: json, payload: { username: 'admin', password: TEST_PASSWORD }, remoteAddress: '10.9.9.10' });
    expect(other.statusCode).toBe(200);
  });

  it('limits calls per token with 429 and Retry-After, without touching other tokens', async () => {
    let now = 1_000_000;
    const limited = await buildHost({ dispatch: unit.dispatch, rendererDir: null, allowedHosts: new Set(['localhost:80']), tokenRateLimit: new TokenRateLimit({ capacity: 3, refillPerSecond: 0.5 }, () => now) });
    const other = await unit.login('admin');
    const call = (t: string) => limited.inject({ method: 'POST', url: '/api/auth.me', headers: { ...json, authorization: `Bearer ${t}` }, payload: {} });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await call(token));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 429, 429]);
    expect(answers[4]!.headers['retry-after']).toBe('2');
    expect(answers[4]!.json().error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 2 });
    expect((await call(other)).statusCode).toBe(200);
    now += 2000;
    expect((await call(token)).statusCode).toBe(200);
    expect((await call(token)).statusCode).toBe(429);
    await limited.close();
  });

  it('answers 500 internal without a stack trace when the store fails', async () => {
    const broken = await createTestUnit();
    const brokenHost = await buildHost({ dispatch: broken.dispatch, rendererDir: null, allowedHosts: new Set(['localhost:80']) });
    const brokenToken = await broken.login('admin');
    broken.store.raw.close();
    const response = await brokenHost.inject({ method: 'POST', url: '/api/users.list', headers: { ...json, authorization: `Bearer ${brokenToken}` }, payload: {} });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(response.body).not.toMatch(/at |\.ts|node_modules|Error:/);
    await brokenHost.close();
    await broken.cleanup();
  });
});

describe('the renderer and security headers', () => {
  it('serves index.html at / and for client routes with a strict CSP and the other headers', async () => {
    for (const url of ['/', '/admin/users']) {
      const response = await host.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<title>Acogida</title>');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
    expect((await host.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
    expect((await host.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
  });

  it('sends the security headers on errors, refusals and malformed requests too, and never a CORS header', async () => {
    const answers = [
      await post('auth.me', '{"broken'),
      await host.inject({ method: 'GET', url: '/assets/missing.js' }),
      await host.inject({ method: 'GET', url: '/%' }),
      await host.inject({ method: 'GET', url: '/', headers: { host: 'evil.example' } }),
      await host.inject({ method: 'OPTIONS', url: '/api/auth.me', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } }),
      await post('users.create', 'x', { 'content-type': 'text/plain' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([400, 404, 400, 403, 403, 415]);
    for (const answer of answers) {
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      expect(answer.json().error.code).toEqual(expect.any(String));
    }
  });

  it('never lets API answers be cached', async () => {
    expect((await post('auth.me', {})).headers['cache-control']).toBe('no-store');
  });
});
