// The Electron main process: lifecycle, the app:// protocol, the hardened window and the one IPC
// channel. Kept thin on purpose: every decision lives in a module without runtime 'electron'
// imports (policies, ipc, device, renderer-files…) and is tested under Node.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_SCHEME, START_URL } from './app-origin';
import { DeviceController } from './device';
import { CALL_CHANNEL, handleIpcCall } from './ipc';
import { electronKeystore } from './keystore';
import {
  downloadDecision,
  ALLOW_WEBVIEW,
  applicationMenu,
  devicePermissionDecision,
  isNavigationAllowed,
  permissionCheckDecision,
  permissionRequestDecision,
  PRIVILEGED_SCHEMES,
  windowOpenDecision,
  windowOptions,
} from './policies';
import { answerRendererRequest } from './renderer-files';
import { SettingsError } from './settings';

const here = fileURLToPath(new URL('.', import.meta.url)); // dist/electron/
const rendererDir = join(here, '..', 'renderer'); // dist/renderer/
const preloadPath = join(here, 'preload.cjs');

// Before 'ready': every renderer sandboxed, whatever a window's options say, and the scheme known
// as standard + secure when the first page loads.
app.enableSandbox();
protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);

let device: DeviceController | null = null;
let mainWindow: BrowserWindow | null = null;

function log(message: string, error: unknown): void {
  console.error(`[acogida] ${message}`, error);
}

/** Every webContents (windows, and anything a page might try to create) gets the same rules. */
function harden(contents: WebContents): void {
  contents.setWindowOpenHandler(windowOpenDecision);
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => guard(event, url));
  contents.on('will-redirect', (event, url) => guard(event, url));
  contents.on('will-frame-navigate', (event) => guard(event, event.url));
  contents.on('will-attach-webview', (event) => {
    if (!ALLOW_WEBVIEW) event.preventDefault();
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionRequestDecision(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionCheckDecision(permission, requestingOrigin));
  ses.setDevicePermissionHandler((details) => devicePermissionDecision(details));
  ses.on('will-download', (event, item) => {
    if (!downloadDecision(item.getURL())) event.preventDefault();
  });
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await answerRendererRequest(rendererDir, request.url, request.method);
    return new Response(answer.body ? new Uint8Array(answer.body) : null, { status: answer.status, headers: answer.headers });
  });
}

function senderOf(event: IpcMainInvokeEvent) {
  const frame = event.senderFrame;
  return { url: frame?.url ?? null, isMainFrame: frame !== null && frame.parent === null };
}

function bindIpc(controller: DeviceController): void {
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, input: unknown) => handleIpcCall(controller, senderOf(event), event.sender.id, name, input, log));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions({ preload: preloadPath, packaged: app.isPackaged }));
  const contentsId = win.webContents.id;
  win.once('ready-to-show', () => win.show());
  win.webContents.once('destroyed', () => device?.forgetWindow(contentsId));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(START_URL);
  return win;
}

async function start(): Promise<void> {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenu(app.isPackaged)));
  hardenSession();
  try {
    device = await DeviceController.start({
      userDataDir: app.getPath('userData'),
      dataDir: join(app.getPath('userData'), 'data'),
      keystore: electronKeystore,
      log,
    });
  } catch (error) {
    const message = error instanceof SettingsError ? error.message : 'Acogida no pudo iniciar. El equipo técnico puede revisar el registro de la aplicación.';
    log('Start-up failed', error);
    dialog.showErrorBox('Acogida', message);
    app.exit(1);
    return;
  }
  bindIpc(device);
  mainWindow = createWindow();
}

// One instance: a second launch focuses the open window (two processes must never own the database).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (device && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || !device) return;
    // Close the database cleanly (WAL checkpoint) before the process ends.
    event.preventDefault();
    closing = true;
    void device.close().catch((error: unknown) => log('Closing the database failed', error)).finally(() => app.quit());
  });
  app.whenReady().then(start, (error: unknown) => {
    log('Electron failed to start', error);
    app.exit(1);
  });
}
