// The IPC transport minus Electron: sender check, call shape, routing errors, token memory, device inputs.
import { describe, expect, it } from 'vitest';
import { isDeviceProcedure, parseDeviceInput } from '../../electron/main/device-input';
import { CALL_CHANNEL, FORBIDDEN_SENDER, handleIpcCall, isTrustedSender, type CallRouter } from '../../electron/main/ipc';
import { SessionTokens } from '../../electron/main/session-tokens';
import type { Envelope } from '../../electron/api/envelope';

const APP = { url: 'app://acogida/index.html', isMainFrame: true };

class RecordingRouter implements CallRouter {
  calls: Array<{ windowId: number; name: string; input: unknown }> = [];
  constructor(private readonly answer: (name: string) => Envelope<unknown> | Promise<Envelope<unknown>> = () => ({ ok: true, value: { ok: true } })) {}
  async call(windowId: number, name: string, input: unknown) {
    this.calls.push({ windowId, name, input });
    return this.answer(name);
  }
}

describe('IPC sender check', () => {
  it('uses one channel', () => {
    expect(CALL_CHANNEL).toBe('acogida:call');
  });

  it('accepts the top frame of the app origin', () => {
    expect(isTrustedSender(APP)).toBe(true);
    expect(isTrustedSender({ url: 'app://acogida/admin/users?x=1#y', isMainFrame: true })).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:4317/index.html',
    'file:///home/user/dist/renderer/index.html',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://abc/index.html',
    'about:blank',
    'data:text/html,hi',
    'app://acogida.evil/index.html',
    'app://evil/acogida/index.html',
    '',
  ])('refuses a frame at %s', (url) => {
    expect(isTrustedSender({ url, isMainFrame: true })).toBe(false);
  });

  it('refuses a destroyed frame and any subframe, even of the app origin', () => {
    expect(isTrustedSender({ url: null, isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: undefined, isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'app://acogida/index.html', isMainFrame: false })).toBe(false);
  });
});

describe('handleIpcCall', () => {
  it('refuses an untrusted sender with a forbidden envelope and never reaches the router', async () => {
    const router = new RecordingRouter();
    const answer = await handleIpcCall(router, { url: 'https://evil.example/', isMainFrame: true }, 1, 'auth.login', { username: 'a', password: 'b' });
    expect(answer).toEqual(FORBIDDEN_SENDER);
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('forbidden');
      expect(answer.error.message).toMatch(/rechazada/);
    }
    expect(router.calls).toHaveLength(0);
  });

  it('passes a trusted call with its window id to the router', async () => {
    const router = new RecordingRouter();
    const answer = await handleIpcCall(router, APP, 7, 'auth.me', {});
    expect(answer).toEqual({ ok: true, value: { ok: true } });
    expect(router.calls).toEqual([{ windowId: 7, name: 'auth.me', input: {} }]);
  });

  it.each([42, null, '', 'x'.repeat(200), 'auth', 'auth.login/../users.list', '__proto__.x'])('answers not_found for the name %j', async (name) => {
    const router = new RecordingRouter();
    const answer = await handleIpcCall(router, APP, 1, name, {});
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('not_found');
    expect(router.calls).toHaveLength(0);
  });

  it.each([[[1, 2]], ['text'], [12]])('answers invalid_input for the input %j', async (input) => {
    const answer = await handleIpcCall(new RecordingRouter(), APP, 1, 'auth.me', input);
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('invalid_input');
      expect(answer.error.issues?.[0]?.path).toBe('(entrada)');
    }
  });

  it('turns a router failure into an internal envelope in Spanish, without the stack', async () => {
    const logged: string[] = [];
    const router = new RecordingRouter(() => {
      throw new Error('secret stack detail');
    });
    const answer = await handleIpcCall(router, APP, 1, 'auth.me', undefined, (message) => logged.push(message));
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('internal');
      expect(answer.error.message).toMatch(/Error interno/);
      expect(JSON.stringify(answer)).not.toContain('secret stack detail');
    }
    expect(logged).toHaveLength(1);
  });
});

describe('session tokens kept in main, per window', () => {
  const login: Envelope<unknown> = { ok: true, value: { token: 'tok-window-1', user: {}, session: {} } };

  it('remembers the token of a successful login, for that window only', () => {
    const tokens = new SessionTokens();
    tokens.observe(1, 'auth.login', login);
    expect(tokens.get(1)).toBe('tok-window-1');
    expect(tokens.get(2)).toBeNull();
  });

  it('keeps it across other calls and failed logins do not set one', () => {
    const tokens = new SessionTokens();
    tokens.observe(1, 'auth.login', login);
    tokens.observe(1, 'users.list', { ok: true, value: { users: [] } });
    tokens.observe(1, 'users.create', { ok: false, error: { code: 'forbidden', message: 'x' } });
    expect(tokens.get(1)).toBe('tok-window-1');
    tokens.observe(2, 'auth.login', { ok: false, error: { code: 'unauthenticated', message: 'x' } });
    expect(tokens.get(2)).toBeNull();
  });

  it('forgets it on logout (whatever the answer), on unauthenticated, and when the window goes', () => {
    const tokens = new SessionTokens();
    tokens.observe(1, 'auth.login', login);
    tokens.observe(1, 'auth.logout', { ok: false, error: { code: 'internal', message: 'x' } });
    expect(tokens.get(1)).toBeNull();
    tokens.observe(1, 'auth.login', login);
    tokens.observe(1, 'auth.me', { ok: false, error: { code: 'unauthenticated', message: 'Su sesión terminó.' } });
    expect(tokens.get(1)).toBeNull();
    tokens.observe(1, 'auth.login', login);
    tokens.forget(1);
    expect(tokens.get(1)).toBeNull();
  });
});

describe('device.* input validation', () => {
  it('knows the desktop-only procedures from the contract', () => {
    for (const name of ['device.status', 'device.createLocal', 'device.probeHost', 'device.connectHost', 'device.unlock']) expect(isDeviceProcedure(name)).toBe(true);
    for (const name of ['auth.login', 'users.list', 'device.other', 'constructor', '__proto__']) expect(isDeviceProcedure(name)).toBe(false);
  });

  it('names every wrong field of device.createLocal, in Spanish', () => {
    const parsed = parseDeviceInput('device.createLocal', { passphrase: 'corta', adminUsername: 'A!', adminDisplayName: '', adminPassword: '123' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.envelope.ok).toBe(false);
    if (parsed.envelope.ok) return;
    expect(parsed.envelope.error.code).toBe('invalid_input');
    const paths = parsed.envelope.error.issues!.map((i) => i.path);
    expect(new Set(paths)).toEqual(new Set(['passphrase', 'adminUsername', 'adminDisplayName', 'adminPassword']));
    expect(parsed.envelope.error.issues!.find((i) => i.path === 'passphrase')!.message).toMatch(/al menos 12 caracteres/);
  });

  it('refuses unknown fields and a missing input', () => {
    const extra = parseDeviceInput('device.status', { debug: true });
    expect(extra.ok).toBe(false);
    if (!extra.ok && !extra.envelope.ok) expect(extra.envelope.error.issues![0]!.message).toMatch(/Campo no permitido/);
    const missing = parseDeviceInput('device.connectHost', undefined);
    expect(missing.ok).toBe(false);
    if (!missing.ok && !missing.envelope.ok) expect(missing.envelope.error.issues!.map((i) => i.path).sort()).toEqual(['fingerprint', 'url']);
  });

  it('normalises a valid fingerprint and accepts either unlock method', () => {
    const fp = 'ab:'.repeat(31) + 'ab';
    const parsed = parseDeviceInput('device.connectHost', { url: 'https://192.168.1.20:4317', fingerprint: fp });
    expect(parsed).toEqual({ ok: true, value: { url: 'https://192.168.1.20:4317', fingerprint: fp.toUpperCase() } });
    expect(parseDeviceInput('device.unlock', { passphrase: 'x' }).ok).toBe(true);
    expect(parseDeviceInput('device.unlock', { recoveryKey: 'ABCD' }).ok).toBe(true);
    expect(parseDeviceInput('device.unlock', { passphrase: 'x', recoveryKey: 'y' }).ok).toBe(false);
    expect(parseDeviceInput('device.unlock', {}).ok).toBe(false);
  });

  it('refuses a URL that is not a web address', () => {
    const parsed = parseDeviceInput('device.probeHost', { url: 'file:///etc/passwd' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok && !parsed.envelope.ok) expect(parsed.envelope.error.issues![0]!.path).toBe('url');
  });
});
