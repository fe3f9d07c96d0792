// The desktop app's state and its one call router: device.* procedures are answered here; every
// other procedure goes to the local dispatcher (this computer keeps the database) or to the unit's
// host over pinned HTTPS (this computer is a workstation). No runtime 'electron' import: main.ts
// passes the OS keystore in, and tests drive this class under Node with real encrypted files.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceStatus } from '../api/device';
import type { Envelope } from '../api/envelope';
import type { SecuritySettings } from '../core/context';
import { createDispatcher, type Dispatch } from '../core/dispatch';
import { AppError } from '../core/errors';
import { passwordProblem } from '../core/password-policy';
import { createUser } from '../core/users';
import { startAutomaticBackups, type AutomaticBackups } from '../core/backup-schedule';
import { warmNameCandidatesInBackground } from '../core/name-candidates-warming';
import { compactSearchIndexWhenQuiet } from '../core/search-index-merges';
import { serviceContext } from '../host/service-context';
import { StoreError } from '../../db/errors';
import { readKeyring, type KeyringSlot } from '../../db/keyring';
import { initStore, isInitialised, storePaths, unlockStore, type Store } from '../../db/store';
import { checkDeviceOutput, invalidInput, isDeviceProcedure, parseDeviceInput, type DeviceProcedure } from './device-input';
import { fingerprintsMatch, normaliseFingerprint } from './fingerprint';
import type { CallRouter } from './ipc';
import { osKeystoreBlob, osKeystoreDecrypter, type OsKeystore } from './keystore-policy';
import { HostUnreachableError, probeFingerprint, RemoteTransport } from './remote';
import { SessionTokens } from './session-tokens';
import { readSettings, SETTINGS_FILE, writeSettings, type DeviceSettings } from './settings';

/** The origin recorded in the audit log for calls over IPC. */
export const IPC_ORIGIN = 'ipc';

export interface DeviceOptions {
  /** app.getPath('userData'): settings.json lives here. */
  userDataDir: string;
  /** userData/data: acogida.db and keyring.json. */
  dataDir: string;
  keystore: OsKeystore;
  security?: Partial<SecuritySettings>;
  log?: (message: string, error: unknown) => void;
  /** Reads a host's certificate fingerprint (remote.ts's probeFingerprint unless a test passes its own server's). */
  probe?: (url: string) => Promise<string | null>;
}

type State =
  | { mode: 'unconfigured' }
  | { mode: 'local'; store: null }
  | { mode: 'local'; store: Store; dispatch: Dispatch }
  | { mode: 'remote'; settings: Extract<DeviceSettings, { mode: 'remote' }>; transport: RemoteTransport };

const fail = (code: AppError['code'], message: string): Envelope<never> => ({ ok: false, error: { code, message } });

function appErrorEnvelope(error: AppError): Envelope<never> {
  return {
    ok: false,
    error: {
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    },
  };
}

export class DeviceController implements CallRouter {
  private state: State = { mode: 'unconfigured' };
  private readonly tokens = new SessionTokens();
  private readonly settingsFile: string;
  private readonly log: (message: string, error: unknown) => void;
  private readonly probe: (url: string) => Promise<string | null>;
  /** device.* changes run one at a time (a double click must not create two databases). */
  private queue: Promise<unknown> = Promise.resolve();
  /** The daily backup of a computer that keeps the database, as the LAN host makes it. */
  private automaticBackups: AutomaticBackups | null = null;
  /** The name index merged into one segment when no one has registered for a while (search-index-merges.ts). */
  private searchIndexCompaction: { stop(): Promise<void> } | null = null;
  /** The names searches re-rank, read into the page cache after unlock (name-candidates-warming.ts). */
  private nameWarming: { stop(): Promise<void> } | null = null;

  private constructor(private readonly options: DeviceOptions) {
    this.settingsFile = join(options.userDataDir, SETTINGS_FILE);
    this.log = options.log ?? ((message, error) => console.error(message, error));
    this.probe = options.probe ?? probeFingerprint;
  }

  /**
   * Reads settings.json and the data dir. A computer that keeps the database is "local" even if its
   * settings file is gone; in local mode the OS keystore opens the database when it can, otherwise
   * the renderer shows the unlock screen. Throws SettingsError when settings.json is damaged.
   */
  static async start(options: DeviceOptions): Promise<DeviceController> {
    const device = new DeviceController(options);
    const settings = readSettings(device.settingsFile);
    if (isInitialised(options.dataDir) || settings?.mode === 'local') {
      device.state = { mode: 'local', store: null };
      await device.unlockWithOsKeystore();
    } else if (settings?.mode === 'remote') {
      device.state = { mode: 'remote', settings, transport: new RemoteTransport({ url: settings.hostUrl, fingerprint: settings.fingerprint }) };
    }
    return device;
  }

  status(): DeviceStatus {
    const s = this.state;
    return {
      mode: s.mode,
      locked: s.mode === 'local' && s.store === null,
      hostUrl: s.mode === 'remote' ? s.settings.hostUrl : null,
      osKeystore: this.options.keystore.state(),
    };
  }

  /** The router behind the one IPC channel. */
  async call(windowId: number, name: string, input: unknown): Promise<Envelope<unknown>> {
    if (isDeviceProcedure(name)) return this.device(name, input);
    const s = this.state;
    let envelope: Envelope<unknown>;
    if (s.mode === 'unconfigured') {
      envelope = fail('conflict', 'Este equipo aún no está configurado: elija si guarda la base de datos de la unidad o si se conecta al host de la unidad.');
    } else if (s.mode === 'local' && s.store === null) {
      envelope = fail('conflict', 'La base de datos de este equipo está cerrada: ábrala con la frase de acceso o la clave de recuperación.');
    } else if (s.mode === 'local') {
      envelope = await s.dispatch(name, input, { token: this.tokens.get(windowId), origin: IPC_ORIGIN });
    } else {
      envelope = await s.transport.call(name, input, this.tokens.get(windowId));
    }
    this.tokens.observe(windowId, name, envelope);
    return envelope;
  }

  /** A window closed: its session token goes with it. */
  forgetWindow(windowId: number): void {
    this.tokens.forget(windowId);
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.stopAutomaticBackups();
    this.tokens.clear();
    const s = this.state;
    this.state = { mode: 'unconfigured' };
    if (s.mode === 'local' && s.store) await s.store.close();
    if (s.mode === 'remote') s.transport.close();
  }

  private async device(name: DeviceProcedure, input: unknown): Promise<Envelope<unknown>> {
    if (name === 'device.status') {
      const parsed = parseDeviceInput(name, input);
      return parsed.ok ? checkDeviceOutput(name, this.status()) : parsed.envelope;
    }
    if (name === 'device.probeHost') {
      const parsed = parseDeviceInput(name, input);
      if (!parsed.ok) return parsed.envelope;
      return this.probeHost(parsed.value.url);
    }
    // Changes of state, one at a time.
    const run = this.queue.then(() => this.change(name, input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async change(name: 'device.createLocal' | 'device.connectHost' | 'device.unlock', input: unknown): Promise<Envelope<unknown>> {
    try {
      if (name === 'device.createLocal') {
        const parsed = parseDeviceInput(name, input);
        return parsed.ok ? checkDeviceOutput(name, await this.createLocal(parsed.value)) : parsed.envelope;
      }
      if (name === 'device.connectHost') {
        const parsed = parseDeviceInput(name, input);
        return parsed.ok ? await this.connectHost(parsed.value) : parsed.envelope;
      }
      const parsed = parseDeviceInput(name, input);
      return parsed.ok ? await this.unlock(parsed.value) : parsed.envelope;
    } catch (error) {
      if (error instanceof AppError) return appErrorEnvelope(error);
      this.log(`${name} failed`, error);
      return fail('internal', 'Error interno del equipo. El equipo técnico puede revisar el registro de la aplicación.');
    }
  }

  private async createLocal(input: { passphrase: string; adminUsername: string; adminDisplayName: string; adminPassword: string }): Promise<{ recoveryKey: string }> {
    if (this.state.mode !== 'unconfigured' || isInitialised(this.options.dataDir)) {
      throw new AppError('conflict', 'Este equipo ya está configurado; no se creó otra base de datos.');
    }
    const problem = passwordProblem(input.adminPassword, { username: input.adminUsername });
    if (problem) throw new AppError('invalid_input', problem, [{ path: 'adminPassword', message: problem }]);

    const keystore = this.options.keystore;
    const extraSlots = (dataKey: Buffer): KeyringSlot[] => {
      if (keystore.state() !== 'available') return [];
      try {
        return [{ kind: 'os-keystore', blob: osKeystoreBlob(keystore, dataKey) }];
      } catch (error) {
        // The passphrase and the recovery key still open the database.
        this.log('The OS keystore could not wrap the data key', error);
        return [];
      }
    };

    let created: { store: Store; recoveryKey: string };
    try {
      created = await initStore(this.options.dataDir, input.passphrase, extraSlots);
    } catch (error) {
      if (error instanceof StoreError && error.code === 'already_initialised') throw new AppError('conflict', error.message);
      throw error;
    }
    const { store, recoveryKey } = created;
    try {
      await createUser(serviceContext(store, { security: this.options.security }), null, {
        username: input.adminUsername,
        displayName: input.adminDisplayName,
        role: 'admin',
        password: input.adminPassword,
      }, IPC_ORIGIN);
      writeSettings(this.settingsFile, { version: 1, mode: 'local' });
    } catch (error) {
      // Nothing but the empty database we just made is removed: set-up can start again.
      await store.close().catch(() => undefined);
      this.removeNewStore();
      throw error;
    }
    this.useStore(store);
    return { recoveryKey };
  }

  private removeNewStore(): void {
    const paths = storePaths(this.options.dataDir);
    for (const file of [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, `${paths.database}-journal`, paths.keyring]) {
      rmSync(file, { force: true });
    }
  }

  private async probeHost(url: string): Promise<Envelope<unknown>> {
    try {
      return checkDeviceOutput('device.probeHost', { fingerprint: await this.probe(url) });
    } catch (error) {
      if (error instanceof HostUnreachableError) return fail('internal', error.message);
      this.log('device.probeHost failed', error);
      return fail('internal', 'No se pudo leer el certificado del host.');
    }
  }

  private async connectHost(input: { url: string; fingerprint: string }): Promise<Envelope<unknown>> {
    if (this.state.mode === 'local' || isInitialised(this.options.dataDir)) {
      return fail('conflict', 'Este equipo guarda la base de datos de la unidad; no puede conectarse a otro host.');
    }
    const url = new URL(input.url);
    if (url.protocol !== 'https:') {
      const message = 'La dirección debe empezar por https://: sin cifrado no se puede comprobar la huella del host.';
      return invalidInput([{ path: 'url', message }], message);
    }
    const hostUrl = url.origin;
    const pinned = normaliseFingerprint(input.fingerprint)!;
    let presented: string | null;
    try {
      presented = await this.probe(hostUrl);
    } catch (error) {
      if (error instanceof HostUnreachableError) return fail('internal', error.message);
      throw error;
    }
    if (!fingerprintsMatch(presented, pinned)) {
      const message = `La huella no coincide con la del certificado que presenta ${url.host}${presented ? ` (${presented})` : ''}. Compruébela con la que muestra el host; no se guardó nada.`;
      return invalidInput([{ path: 'fingerprint', message }], message);
    }
    // An unauthenticated auth.me over the pinned channel must answer 401: it is an Acogida host that accepts this address.
    const transport = new RemoteTransport({ url: hostUrl, fingerprint: pinned });
    const check = await transport.call('auth.me', {}, null);
    if (check.ok || check.error.code !== 'unauthenticated') {
      transport.close();
      const detail = check.ok ? 'respondió algo inesperado' : check.error.message;
      return fail(check.ok ? 'internal' : check.error.code, `El host en ${url.host} no aceptó la conexión: ${detail}`);
    }
    const settings = { version: 1 as const, mode: 'remote' as const, hostUrl, fingerprint: pinned };
    writeSettings(this.settingsFile, settings);
    if (this.state.mode === 'remote') this.state.transport.close();
    this.tokens.clear();
    this.state = { mode: 'remote', settings, transport };
    return checkDeviceOutput('device.connectHost', { ok: true });
  }

  private async unlock(input: { passphrase: string } | { recoveryKey: string }): Promise<Envelope<unknown>> {
    const s = this.state;
    if (s.mode !== 'local') return fail('conflict', 'Este equipo no guarda una base de datos que abrir.');
    if (s.store) return checkDeviceOutput('device.unlock', { ok: true });
    if (!isInitialised(this.options.dataDir)) {
      return fail('conflict', `No se encuentra la base de datos de este equipo en ${this.options.dataDir}. Restaure la copia de seguridad en esa carpeta y vuelva a abrir Acogida.`);
    }
    try {
      this.useStore(await unlockStore(this.options.dataDir, input, { backgroundCheckpoints: true }));
    } catch (error) {
      if (error instanceof StoreError) {
        if (error.code === 'wrong_passphrase') return invalidInput([{ path: 'passphrase', message: error.message }], error.message);
        if (error.code === 'wrong_recovery_key') return invalidInput([{ path: 'recoveryKey', message: error.message }], error.message);
        return fail('internal', error.message);
      }
      throw error;
    }
    return checkDeviceOutput('device.unlock', { ok: true });
  }

  private async unlockWithOsKeystore(): Promise<void> {
    const keystore = this.options.keystore;
    const paths = storePaths(this.options.dataDir);
    if (keystore.state() !== 'available' || !existsSync(paths.keyring) || !existsSync(paths.database)) return;
    try {
      if (!readKeyring(paths.keyring).slots.some((slot) => slot.kind === 'os-keystore')) return;
      this.useStore(await unlockStore(this.options.dataDir, { osKeystore: osKeystoreDecrypter(keystore) }, { backgroundCheckpoints: true }));
    } catch (error) {
      // Another OS account, a reset keystore or a damaged file: the unlock screen takes over.
      if (!(error instanceof StoreError && error.code === 'keystore_unavailable')) this.log('Opening the database with the OS keystore failed', error);
    }
  }

  private useStore(store: Store): void {
    this.tokens.clear();
    const ctx = serviceContext(store, { security: this.options.security });
    this.state = { mode: 'local', store, dispatch: createDispatcher(ctx, { log: this.log }) };
    void this.searchIndexCompaction?.stop();
    this.searchIndexCompaction = compactSearchIndexWhenQuiet(ctx.db, { onError: (error) => this.log('Compacting the name index failed', error) });
    void this.nameWarming?.stop();
    this.nameWarming = warmNameCandidatesInBackground(ctx.db, { onError: (error) => this.log('Reading the names into the page cache failed', error) });
    // At unlock and then hourly: a backup whenever the newest is a day old, into DATA_DIR/backups/
    // (backup.create in the audit log, failed ones too).
    this.automaticBackups?.stop();
    this.automaticBackups = ctx.backups
      ? startAutomaticBackups(ctx, ctx.backups, {
          onResult: (outcome) => {
            if (outcome === 'failed') this.log('The automatic backup failed (see backup.create in the audit log)', null);
          },
        })
      : null;
  }

  private async stopAutomaticBackups(): Promise<void> {
    const automatic = this.automaticBackups;
    this.automaticBackups = null;
    automatic?.stop();
    const compaction = this.searchIndexCompaction;
    this.searchIndexCompaction = null;
    const warming = this.nameWarming;
    this.nameWarming = null;
    // A backup, a compaction step or a warming step under way finishes before its database closes.
    await Promise.all([automatic?.idle(), compaction?.stop(), warming?.stop()]);
  }
}
