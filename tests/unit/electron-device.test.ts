// The desktop app's router (device.* in main, the rest to the local dispatcher or the pinned host),
// driven under Node over real encrypted files in temp dirs. Only safeStorage is replaced: by a real
// AES-256-GCM cipher whose key lives in this process, as the OS keystore's does in the OS.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Envelope } from '../../electron/api/envelope';
import type { Dispatch } from '../../electron/core/dispatch';
import { buildHost } from '../../electron/host/server';
import { ensureSelfSignedTls, type TlsMaterial } from '../../electron/host/tls';
import { DeviceController } from '../../electron/main/device';
import { keystoreState, type KeystoreState, type OsKeystore } from '../../electron/main/keystore-policy';
import { readKeyring } from '../../db/keyring';

class TestKeystore implements OsKeystore {
  private readonly key = randomBytes(32);
  encrypted = 0;
  constructor(public current: KeystoreState = 'available') {}
  state() {
    return this.current;
  }
  encryptString(plain: string): Buffer {
    this.encrypted += 1;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }
  decryptString(blob: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, blob.subarray(0, 12));
    decipher.setAuthTag(blob.subarray(12, 28));
    return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
  }
}

const PASSPHRASE = 'una frase de acceso larga para pruebas';
const ADMIN_PASSWORD = 'caballo correcto batería grapa';
const SETUP = { passphrase: PASSPHRASE, adminUsername: 'ana.admin', adminDisplayName: 'Ana Pérez', adminPassword: ADMIN_PASSWORD };

const dirs: string[] = [];
const devices: DeviceController[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'acogida-device-'));
  dirs.push(dir);
  return dir;
}
async function startDevice(userDataDir: string, keystore: OsKeystore, extra: { probe?: (url: string) => Promise<string | null> } = {}) {
  const device = await DeviceController.start({ userDataDir, dataDir: join(userDataDir, 'data'), keystore, log: () => undefined, ...extra });
  devices.push(device);
  return device;
}
async function stop(device: DeviceController) {
  await device.close();
  devices.splice(devices.indexOf(device), 1);
}
function expectError(envelope: Envelope<unknown>, code: string) {
  expect(envelope.ok).toBe(false);
  if (envelope.ok) throw new Error('expected an error');
  expect(envelope.error.code).toBe(code);
  return envelope.error;
}

afterEach(async () => {
  for (const device of devices.splice(0)) await device.close();
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('OS keystore policy', () => {
  it('refuses Linux basic_text (and unknown) as insecure', () => {
    expect(keystoreState('linux', true, 'basic_text')).toBe('insecure');
    expect(keystoreState('linux', true, 'unknown')).toBe('insecure');
    expect(keystoreState('linux', true, null)).toBe('insecure');
    expect(keystoreState('linux', true, 'gnome_libsecret')).toBe('available');
    expect(keystoreState('linux', true, 'kwallet6')).toBe('available');
    expect(keystoreState('linux', false, 'gnome_libsecret')).toBe('unavailable');
    expect(keystoreState('win32', true, null)).toBe('available');
    expect(keystoreState('darwin', false, null)).toBe('unavailable');
  });
});

describe('a computer that keeps the database (local mode)', () => {
  it('starts unconfigured and refuses other procedures until set up', async () => {
    const device = await startDevice(tempDir(), new TestKeystore());
    expect(await device.call(1, 'device.status', {})).toEqual({ ok: true, value: { mode: 'unconfigured', locked: false, hostUrl: null, osKeystore: 'available' } });
    expect(expectError(await device.call(1, 'auth.login', { username: 'a', password: 'b' }), 'conflict').message).toMatch(/no está configurado/);
  });

  it('validates device.createLocal and refuses a common admin password before creating anything', async () => {
    const userData = tempDir();
    const device = await startDevice(userData, new TestKeystore());
    const invalid = expectError(await device.call(1, 'device.createLocal', { ...SETUP, passphrase: 'corta' }), 'invalid_input');
    expect(invalid.issues).toEqual([{ path: 'passphrase', message: 'La frase de acceso debe tener al menos 12 caracteres' }]);
    const common = expectError(await device.call(1, 'device.createLocal', { ...SETUP, adminPassword: 'contraseña123' }), 'invalid_input');
    expect(common.issues?.[0]?.path).toBe('adminPassword');
    expect(common.message).toMatch(/demasiado común/);
    expect(existsSync(join(userData, 'data', 'keyring.json'))).toBe(false);
    expect(existsSync(join(userData, 'settings.json'))).toBe(false);
  });

  it('creates the database with an OS-keystore slot, signs in over IPC with the token kept in main, and reopens by itself', async () => {
    const userData = tempDir();
    const keystore = new TestKeystore('available');
    const device = await startDevice(userData, keystore);
    const created = await device.call(1, 'device.createLocal', SETUP);
    expect(created.ok).toBe(true);
    const recoveryKey = (created as { value: { recoveryKey: string } }).value.recoveryKey;
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);
    expect(readKeyring(join(userData, 'data', 'keyring.json')).slots.map((s) => s.kind)).toEqual(['passphrase', 'recovery', 'os-keystore']);
    expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8'))).toEqual({ version: 1, mode: 'local' });
    expect(await device.call(1, 'device.status', {})).toEqual({ ok: true, value: { mode: 'local', locked: false, hostUrl: null, osKeystore: 'available' } });
    expect(expectError(await device.call(1, 'device.createLocal', SETUP), 'conflict').message).toMatch(/ya está configurado/);

    // Not signed in yet.
    expectError(await device.call(1, 'auth.me', {}), 'unauthenticated');
    const login = await device.call(1, 'auth.login', { username: 'ana.admin', password: ADMIN_PASSWORD });
    expect(login.ok).toBe(true);
    expect((login as { value: { token: string } }).value.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // The renderer passes no token: main adds the window's own.
    const me = await device.call(1, 'auth.me', {});
    expect(me.ok && (me.value as { user: { username: string } }).user.username).toBe('ana.admin');
    // Another window has no session.
    expectError(await device.call(2, 'auth.me', {}), 'unauthenticated');
    expect((await device.call(1, 'users.list', {})).ok).toBe(true);
    expect(await device.call(1, 'auth.logout', {})).toEqual({ ok: true, value: { ok: true } });
    expectError(await device.call(1, 'auth.me', {}), 'unauthenticated');

    // A window that closes loses its session.
    await device.call(3, 'auth.login', { username: 'ana.admin', password: ADMIN_PASSWORD });
    expect((await device.call(3, 'auth.me', {})).ok).toBe(true);
    device.forgetWindow(3);
    expectError(await device.call(3, 'auth.me', {}), 'unauthenticated');
    await stop(device);

    // Next start: the OS keystore opens the database with no passphrase.
    const again = await startDevice(userData, keystore);
    expect(await again.call(1, 'device.status', {})).toEqual({ ok: true, value: { mode: 'local', locked: false, hostUrl: null, osKeystore: 'available' } });
    expect((await again.call(1, 'auth.login', { username: 'ana.admin', password: ADMIN_PASSWORD })).ok).toBe(true);
    await stop(again);

    // Another OS account (another keystore key), or a keystore now insecure: locked, passphrase or recovery key needed.
    for (const other of [new TestKeystore('available'), Object.assign(keystore, { current: 'insecure' as const })]) {
      const locked = await startDevice(userData, other);
      expect(await locked.call(1, 'device.status', {})).toMatchObject({ ok: true, value: { mode: 'local', locked: true } });
      expect(expectError(await locked.call(1, 'auth.login', { username: 'ana.admin', password: ADMIN_PASSWORD }), 'conflict').message).toMatch(/está cerrada/);
      await stop(locked);
    }

    const byRecovery = await startDevice(userData, new TestKeystore('unavailable'));
    const wrong = expectError(await byRecovery.call(1, 'device.unlock', { recoveryKey: 'AAAA-BBBB' }), 'invalid_input');
    expect(wrong.issues?.[0]?.path).toBe('recoveryKey');
    expect(await byRecovery.call(1, 'device.unlock', { recoveryKey })).toEqual({ ok: true, value: { ok: true } });
    expect((await byRecovery.call(1, 'auth.login', { username: 'ana.admin', password: ADMIN_PASSWORD })).ok).toBe(true);
  });

  it('without a secure keystore: no keystore slot, locked at start, the passphrase unlocks; a wrong one changes no file', async () => {
    const userData = tempDir();
    const keystore = new TestKeystore('insecure');
    const device = await startDevice(userData, keystore);
    expect((await device.call(1, 'device.createLocal', SETUP)).ok).toBe(true);
    expect(keystore.encrypted).toBe(0);
    expect(readKeyring(join(userData, 'data', 'keyring.json')).slots.map((s) => s.kind)).toEqual(['passphrase', 'recovery']);
    await stop(device);

    const locked = await startDevice(userData, keystore);
    expect(await locked.call(1, 'device.status', {})).toEqual({ ok: true, value: { mode: 'local', locked: true, hostUrl: null, osKeystore: 'insecure' } });
    // The files of the data dir (the backups/ folder, written at unlock, is not touched by a refusal either).
    const snapshot = () =>
      readdirSync(join(userData, 'data'), { withFileTypes: true })
        .filter((f) => f.isFile())
        .map((f) => f.name)
        .sort()
        .map((f) => [f, readFileSync(join(userData, 'data', f)).toString('base64')]);
    const before = snapshot();
    const wrong = expectError(await locked.call(1, 'device.unlock', { passphrase: 'no es la frase correcta' }), 'invalid_input');
    expect(wrong.issues).toEqual([{ path: 'passphrase', message: 'La frase de acceso no es correcta. No se modificó ningún archivo.' }]);
    expect(snapshot()).toEqual(before);
    expect(await locked.call(1, 'device.unlock', { passphrase: PASSPHRASE })).toEqual({ ok: true, value: { ok: true } });
    expect(await locked.call(1, 'device.status', {})).toMatchObject({ value: { locked: false } });
    expect(await locked.call(1, 'device.unlock', { passphrase: 'lo que sea' })).toEqual({ ok: true, value: { ok: true } });
    expect(expectError(await locked.call(1, 'device.connectHost', { url: 'https://127.0.0.1:4317', fingerprint: 'AB:'.repeat(31) + 'AB' }), 'conflict').message).toMatch(/guarda la base de datos/);
  });

  it('backs up the database it keeps at unlock, as the host does, and not again while the backup is a day old', async () => {
    const userData = tempDir();
    const device = await startDevice(userData, new TestKeystore('available'));
    expect((await device.call(1, 'device.createLocal', SETUP)).ok).toBe(true);
    const folder = join(userData, 'data', 'backups');
    const backups = () => (existsSync(folder) ? readdirSync(folder).filter((f) => /^acogida-\d{8}-\d{6}(-\d+)?\.db$/.test(f)) : []);
    await expect.poll(() => backups().length, { timeout: 15_000 }).toBe(1);
    await stop(device);

    const again = await startDevice(userData, new TestKeystore('insecure'));
    expect(await again.call(1, 'device.unlock', { passphrase: PASSPHRASE })).toEqual({ ok: true, value: { ok: true } });
    expect((await again.call(1, 'auth.login', { username: 'ana.admin', password: ADMIN_PASSWORD })).ok).toBe(true);
    const listed = await again.call(1, 'backups.list', {});
    expect(listed.ok).toBe(true);
    const list = (listed as { value: { backups: { file: string; verified?: boolean }[] } }).value.backups;
    expect(list.map((b) => b.file)).toEqual(backups());
    await stop(again);
    // Unlocked again the same day: the newest backup is not a day old.
    expect(backups()).toHaveLength(1);
  });

  it('never offers to create a new database when the settings say local but the database is gone', async () => {
    const userData = tempDir();
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ version: 1, mode: 'local' }));
    const device = await startDevice(userData, new TestKeystore());
    expect(await device.call(1, 'device.status', {})).toMatchObject({ value: { mode: 'local', locked: true } });
    expect(expectError(await device.call(1, 'device.unlock', { passphrase: PASSPHRASE }), 'conflict').message).toMatch(/Restaure la copia de seguridad/);
    expectError(await device.call(1, 'device.createLocal', SETUP), 'conflict');
    expect(existsSync(join(userData, 'data', 'keyring.json'))).toBe(false);
  });

  it('refuses to start on a damaged settings file, with a Spanish message', async () => {
    const userData = tempDir();
    writeFileSync(join(userData, 'settings.json'), '{ not json');
    await expect(startDevice(userData, new TestKeystore())).rejects.toThrow(/está dañado/);
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ version: 1, mode: 'remote', hostUrl: 'http://x', fingerprint: 'x' }));
    await expect(startDevice(userData, new TestKeystore())).rejects.toThrow(/no es válido/);
  });
});

describe('a workstation of the unit (remote mode)', () => {
  let tls: TlsMaterial;
  let host: FastifyInstance;
  let url: string;
  const tokens: Array<string | null | undefined> = [];
  const TOKEN = 'R'.repeat(43);
  const dispatch: Dispatch = async (name, _input, meta = {}) => {
    tokens.push(meta.token);
    if (name === 'auth.login') return { ok: true, value: { token: TOKEN } };
    if (meta.token !== TOKEN) return { ok: false, error: { code: 'unauthenticated', message: 'Su sesión terminó. Inicie sesión de nuevo.' } };
    if (name === 'auth.logout') return { ok: true, value: { ok: true } };
    return { ok: true, value: { name } };
  };

  beforeAll(async () => {
    tls = await ensureSelfSignedTls(tempDir(), '127.0.0.1');
    const allowedHosts = new Set<string>();
    host = await buildHost({ dispatch, rendererDir: null, allowedHosts, https: { key: tls.key, cert: tls.cert } });
    await host.listen({ port: 0, host: '127.0.0.1' });
    const port = (host.server.address() as AddressInfo).port;
    allowedHosts.add(`127.0.0.1:${port}`);
    url = `https://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await host.close();
  });

  it('reads the host fingerprint, refuses a wrong one, pins the right one and forwards calls with the window token', async () => {
    const userData = tempDir();
    const device = await startDevice(userData, new TestKeystore());
    expect(await device.call(1, 'device.probeHost', { url })).toEqual({ ok: true, value: { fingerprint: tls.fingerprint } });

    const wrongPin = tls.fingerprint.slice(0, -2) + (tls.fingerprint.endsWith('00') ? '11' : '00');
    const wrong = expectError(await device.call(1, 'device.connectHost', { url, fingerprint: wrongPin }), 'invalid_input');
    expect(wrong.issues?.[0]?.path).toBe('fingerprint');
    expect(wrong.message).toMatch(/no coincide/);
    expect(existsSync(join(userData, 'settings.json'))).toBe(false);

    const plain = expectError(await device.call(1, 'device.connectHost', { url: url.replace('https', 'http'), fingerprint: tls.fingerprint }), 'invalid_input');
    expect(plain.issues?.[0]?.path).toBe('url');

    expect(await device.call(1, 'device.connectHost', { url: `${url}/`, fingerprint: tls.fingerprint.toLowerCase() })).toEqual({ ok: true, value: { ok: true } });
    expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8'))).toEqual({ version: 1, mode: 'remote', hostUrl: url, fingerprint: tls.fingerprint });
    expect(await device.call(1, 'device.status', {})).toEqual({ ok: true, value: { mode: 'remote', locked: false, hostUrl: url, osKeystore: 'available' } });
    expectError(await device.call(1, 'device.createLocal', SETUP), 'conflict');
    expectError(await device.call(1, 'device.unlock', { passphrase: PASSPHRASE }), 'conflict');

    expect((await device.call(1, 'auth.login', { username: 'ana', password: 'x' })).ok).toBe(true);
    expect(await device.call(1, 'users.list', {})).toEqual({ ok: true, value: { name: 'users.list' } });
    expect(tokens.at(-1)).toBe(TOKEN);
    expectError(await device.call(2, 'users.list', {}), 'unauthenticated');
    expect(tokens.at(-1)).toBeNull();
    await device.call(1, 'auth.logout', {});
    expectError(await device.call(1, 'users.list', {}), 'unauthenticated');
    await stop(device);

    // Restarted, it is still a workstation of the same pinned host.
    const again = await startDevice(userData, new TestKeystore());
    expect(await again.call(1, 'device.status', {})).toMatchObject({ value: { mode: 'remote', hostUrl: url } });
    expect((await again.call(1, 'auth.login', { username: 'ana', password: 'x' })).ok).toBe(true);
  });

  it('refuses a host whose certificate changed since it was pinned', async () => {
    const userData = tempDir();
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ version: 1, mode: 'remote', hostUrl: url, fingerprint: 'AB:'.repeat(31) + 'AB' }));
    const before = tokens.length;
    const device = await startDevice(userData, new TestKeystore());
    const refused = expectError(await device.call(1, 'auth.login', { username: 'ana', password: 'secreto' }), 'forbidden');
    expect(refused.message).toMatch(/no coincide/);
    expect(tokens.length).toBe(before);
  });

  it('explains an unreachable host', async () => {
    const device = await startDevice(tempDir(), new TestKeystore());
    expect(expectError(await device.call(1, 'device.probeHost', { url: 'https://127.0.0.1:1' }), 'internal').message).toMatch(/No se pudo conectar/);
    expect(expectError(await device.call(1, 'device.connectHost', { url: 'https://127.0.0.1:1', fingerprint: tls.fingerprint }), 'internal').message).toMatch(/No se pudo conectar/);
  });
});
