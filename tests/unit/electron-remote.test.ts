// Workstation mode: HTTP answers → envelopes, fingerprint pinning, and the pinned HTTPS transport
// against the real LAN host (electron/host/server.ts) on a self-signed certificate.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Envelope } from '../../electron/api/envelope';
import type { Dispatch } from '../../electron/core/dispatch';
import { buildHost } from '../../electron/host/server';
import { ensureSelfSignedTls, type TlsMaterial } from '../../electron/host/tls';
import { checkPinnedCertificate, fingerprintsMatch, normaliseFingerprint, PinMismatchError } from '../../electron/main/fingerprint';
import { codeForStatus, envelopeFromHttp } from '../../electron/main/http-envelope';
import { HostUnreachableError, probeFingerprint, RemoteTransport } from '../../electron/main/remote';

const FP = 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89';

describe('fingerprint comparison', () => {
  it('normalises case, colons, spaces and dashes', () => {
    const bare = FP.replace(/:/g, '');
    expect(normaliseFingerprint(bare.toLowerCase())).toBe(FP);
    expect(normaliseFingerprint(FP.toLowerCase())).toBe(FP);
    expect(normaliseFingerprint(` ${bare.match(/..../g)!.join(' ')} `)).toBe(FP);
    expect(normaliseFingerprint(bare.match(/../g)!.join('-'))).toBe(FP);
  });

  it('refuses what is not a SHA-256 fingerprint', () => {
    expect(normaliseFingerprint('AB:CD')).toBeNull();
    expect(normaliseFingerprint(FP + ':00')).toBeNull();
    expect(normaliseFingerprint(FP.replace('AB', 'ZZ'))).toBeNull();
    expect(normaliseFingerprint('')).toBeNull();
    expect(normaliseFingerprint(null)).toBeNull();
  });

  it('matches the same certificate whatever the spelling, and nothing else', () => {
    expect(fingerprintsMatch(FP.toLowerCase(), FP.replace(/:/g, ''))).toBe(true);
    expect(fingerprintsMatch(FP, FP.slice(0, -1) + '0')).toBe(false);
    expect(fingerprintsMatch(null, FP)).toBe(false);
    expect(fingerprintsMatch('', '')).toBe(false);
    expect(fingerprintsMatch('not one', 'not one')).toBe(false);
  });

  it('checkPinnedCertificate refuses another certificate with a Spanish message', () => {
    expect(checkPinnedCertificate({ fingerprint256: FP.toLowerCase() }, FP)).toBeUndefined();
    const error = checkPinnedCertificate({ fingerprint256: FP.slice(0, -2) + '00' }, FP);
    expect(error).toBeInstanceOf(PinMismatchError);
    expect(error!.message).toMatch(/no coincide con la huella/);
    expect(checkPinnedCertificate(undefined, FP)).toBeInstanceOf(PinMismatchError);
  });
});

describe('HTTP answers of the host → envelope', () => {
  it('wraps a 200 value', () => {
    expect(envelopeFromHttp(200, '{"users":[]}')).toEqual({ ok: true, value: { users: [] } });
    expect(envelopeFromHttp(200, '{"ok":true}')).toEqual({ ok: true, value: { ok: true } });
  });

  it('keeps the host error, its issues and Retry-After', () => {
    const body = JSON.stringify({ error: { code: 'invalid_input', message: 'Revise los datos', issues: [{ path: 'username', message: 'Obligatorio' }] } });
    expect(envelopeFromHttp(400, body)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Revise los datos', issues: [{ path: 'username', message: 'Obligatorio' }] } });
    const limited = envelopeFromHttp(429, JSON.stringify({ error: { code: 'rate_limited', message: 'Espere 30 s.', retryAfterSeconds: 30 } }), '30');
    expect(limited).toEqual({ ok: false, error: { code: 'rate_limited', message: 'Espere 30 s.', retryAfterSeconds: 30 } });
    const headerOnly = envelopeFromHttp(429, JSON.stringify({ error: { code: 'rate_limited', message: 'Espere.' } }), '12');
    expect(headerOnly.ok === false && headerOnly.error.retryAfterSeconds).toBe(12);
  });

  it.each([
    [400, 'invalid_input'], [401, 'unauthenticated'], [403, 'forbidden'], [404, 'not_found'], [409, 'conflict'],
    [413, 'invalid_input'], [415, 'invalid_input'], [429, 'rate_limited'], [500, 'internal'], [502, 'internal'], [503, 'internal'],
  ] as const)('maps status %i without a usable body to %s, with a Spanish message', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
    for (const body of ['', '<html>Bad gateway</html>', '{"error":"text"}', '{"error":{"code":"weird"}}']) {
      const envelope = envelopeFromHttp(status, body);
      expect(envelope.ok).toBe(false);
      if (!envelope.ok) {
        expect(envelope.error.code).toBe(code);
        expect(envelope.error.message.length).toBeGreaterThan(5);
      }
    }
  });

  it('refuses a 200 that is not JSON', () => {
    const envelope = envelopeFromHttp(200, '<html>');
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.code).toBe('internal');
  });

  it('drops malformed issues instead of passing them on', () => {
    const envelope = envelopeFromHttp(400, JSON.stringify({ error: { code: 'invalid_input', message: 'x', issues: [{ path: 1 }, 'y', { path: 'a', message: 'b' }] } }));
    expect(envelope).toEqual({ ok: false, error: { code: 'invalid_input', message: 'x', issues: [{ path: 'a', message: 'b' }] } });
  });
});

describe('pinned HTTPS transport against the real LAN host', () => {
  let dir: string;
  let tls: TlsMaterial;
  let host: FastifyInstance;
  let url: string;
  const seen: Array<{ name: string; input: unknown; token: string | null | undefined }> = [];

  // A dispatcher answering like the real one: login gives a token, auth.me needs it.
  const dispatch: Dispatch = async (name, input, meta = {}) => {
    seen.push({ name, input, token: meta.token });
    if (name === 'auth.login') return { ok: true, value: { token: 'T'.repeat(43), user: { username: 'ana' } } };
    if (name === 'auth.me') {
      return meta.token === 'T'.repeat(43)
        ? { ok: true, value: { user: { username: 'ana' } } }
        : { ok: false, error: { code: 'unauthenticated', message: 'Su sesión terminó. Inicie sesión de nuevo.' } };
    }
    if (name === 'users.create') return { ok: false, error: { code: 'invalid_input', message: 'Revise los datos', issues: [{ path: 'username', message: 'Ya existe' }] } };
    return { ok: false, error: { code: 'not_found', message: `No existe el procedimiento "${name}".` } };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'acogida-remote-'));
    tls = await ensureSelfSignedTls(dir, '127.0.0.1');
    const allowedHosts = new Set<string>();
    host = await buildHost({ dispatch, rendererDir: null, allowedHosts, https: { key: tls.key, cert: tls.cert } });
    await host.listen({ port: 0, host: '127.0.0.1' });
    const port = (host.server.address() as AddressInfo).port;
    allowedHosts.add(`127.0.0.1:${port}`);
    url = `https://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('probes the fingerprint the host prints', async () => {
    expect(await probeFingerprint(url)).toBe(tls.fingerprint);
    expect(await probeFingerprint('http://127.0.0.1:1')).toBeNull();
  });

  it('forwards calls with the bearer token and converts answers to envelopes', async () => {
    const transport = new RemoteTransport({ url, fingerprint: tls.fingerprint.toLowerCase() });
    try {
      const login = await transport.call('auth.login', { username: 'ana', password: 'x' }, null);
      expect(login.ok).toBe(true);
      const token = (login as Extract<Envelope<unknown>, { ok: true }>).value as { token: string };
      expect(await transport.call('auth.me', {}, token.token)).toEqual({ ok: true, value: { user: { username: 'ana' } } });
      expect(seen.at(-1)).toEqual({ name: 'auth.me', input: {}, token: token.token });
      const anonymous = await transport.call('auth.me', {}, null);
      expect(anonymous).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'Su sesión terminó. Inicie sesión de nuevo.' } });
      const invalid = await transport.call('users.create', { username: 'ana' }, token.token);
      expect(invalid).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Revise los datos', issues: [{ path: 'username', message: 'Ya existe' }] } });
    } finally {
      transport.close();
    }
  });

  it('refuses a host presenting another certificate, before sending a single byte', async () => {
    const before = seen.length;
    const transport = new RemoteTransport({ url, fingerprint: FP });
    try {
      const answer = await transport.call('auth.login', { username: 'ana', password: 'secreto de prueba' }, null);
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('forbidden');
        expect(answer.error.message).toMatch(/no coincide/);
      }
      expect(seen.length).toBe(before);
    } finally {
      transport.close();
    }
  });

  it('refuses an impostor on the same address and port that the workstation had pinned', async () => {
    // Another self-signed certificate: what a machine pretending to be the host would present.
    const otherDir = mkdtempSync(join(tmpdir(), 'acogida-impostor-'));
    const impostorTls = await ensureSelfSignedTls(otherDir, '127.0.0.1');
    let received = 0;
    const impostor: Server = createHttpsServer({ key: impostorTls.key, cert: impostorTls.cert }, (req, res) => {
      received += 1;
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"stolen"}');
    });
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    const port = (impostor.address() as AddressInfo).port;
    const transport = new RemoteTransport({ url: `https://127.0.0.1:${port}`, fingerprint: tls.fingerprint });
    try {
      expect(impostorTls.fingerprint).not.toBe(tls.fingerprint);
      const answer = await transport.call('auth.login', { username: 'ana', password: 'secreto' }, null);
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('forbidden');
      expect(received).toBe(0);
    } finally {
      transport.close();
      await new Promise((resolve) => impostor.close(resolve));
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('answers a clear Spanish error when the host cannot be reached', async () => {
    const transport = new RemoteTransport({ url: 'https://127.0.0.1:1', fingerprint: tls.fingerprint });
    try {
      const answer = await transport.call('auth.me', {}, null);
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('internal');
        expect(answer.error.message).toMatch(/No se pudo conectar con el host de la unidad \(127\.0\.0\.1:1\): el host rechazó la conexión/);
      }
    } finally {
      transport.close();
    }
    await expect(probeFingerprint('https://127.0.0.1:1')).rejects.toBeInstanceOf(HostUnreachableError);
  });

  it('only speaks https', () => {
    expect(() => new RemoteTransport({ url: 'http://127.0.0.1:4317', fingerprint: FP })).toThrow(/https/);
    expect(() => new RemoteTransport({ url: 'https://127.0.0.1:4317', fingerprint: 'AB:CD' })).toThrow(/fingerprint/);
  });
});
