// The hardening of the desktop window, as plain values and pure functions so tests can check them
// without the Electron binary. main.ts only wires them to Electron's events.
// Type-only imports from 'electron': nothing here loads Electron at run time.
import type { BrowserWindowConstructorOptions, CustomScheme, MenuItemConstructorOptions, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../host/security-headers';
import { APP_ORIGIN, APP_SCHEME, isAppUrl } from './app-origin';

/** The same strict policy as the LAN host: the renderer needs nothing outside its own origin. */
export { CONTENT_SECURITY_POLICY };

/** Headers on every answer of the app:// protocol (the CSP among them). */
export const APP_PROTOCOL_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'cache-control': 'no-cache',
};

/**
 * app:// is registered before `ready` as standard (a real origin, so 'self' and same-origin rules
 * apply) and secure (a secure context, like https). No bypassCSP, no service workers, no extensions.
 */
export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      // Vite marks its module scripts crossorigin; same-origin module loads need the scheme CORS-aware.
      corsEnabled: true,
      codeCache: true,
      bypassCSP: false,
      allowServiceWorkers: false,
      stream: false,
      allowExtensions: false,
    },
  },
];

export interface WindowOptionsInput {
  /** Absolute path of dist/electron/preload.cjs. */
  preload: string;
  /** app.isPackaged: developer tools exist only in development builds. */
  packaged: boolean;
}

export function webPreferences(input: WindowOptionsInput): WebPreferences {
  return {
    preload: input.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    devTools: !input.packaged,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    autoplayPolicy: 'user-gesture-required',
  };
}

export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Acogida',
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show', so staff never see a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: webPreferences(input),
  };
}

/** will-navigate / will-redirect / will-frame-navigate: only within the app origin. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** setWindowOpenHandler: no page ever opens another window (links to the web included). */
export function windowOpenDecision(_details: { url: string }): { action: 'deny' } {
  return { action: 'deny' };
}

/** setPermissionRequestHandler: camera, microphone, notifications, geolocation… all denied. */
export function permissionRequestDecision(_permission: string, _requestingUrl?: string): boolean {
  return false;
}

/** setPermissionCheckHandler: every check answers "not granted". */
export function permissionCheckDecision(_permission: string, _requestingOrigin?: string): boolean {
  return false;
}

/** setDevicePermissionHandler (HID, serial, USB): denied. */
export function devicePermissionDecision(_details: unknown): boolean {
  return false;
}

/** will-attach-webview: never (webviewTag is off as well). */
export const ALLOW_WEBVIEW = false;

/**
 * will-download: only the export files the app builds itself (blob: URLs of its own origin, made
 * from exports.download); Electron then asks the administrator where to save. Anything else is refused.
 */
export function downloadDecision(url: string): boolean {
  return url.startsWith(`blob:${APP_ORIGIN}/`) && isAppUrl(url.slice('blob:'.length));
}

/**
 * The application menu: editing and zoom (staff with low vision use Ctrl + / Ctrl −) and, only in
 * development builds, reload and developer tools. Labels in Spanish.
 */
export function applicationMenu(packaged: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Tamaño normal' },
    { role: 'zoomIn', label: 'Ampliar' },
    { role: 'zoomOut', label: 'Reducir' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Pantalla completa' },
  ];
  if (!packaged) view.push({ type: 'separator' }, { role: 'reload', label: 'Recargar' }, { role: 'toggleDevTools', label: 'Herramientas de desarrollo' });
  return [
    { label: 'Archivo', submenu: [{ role: 'quit', label: 'Salir' }] },
    {
      label: 'Edición',
      submenu: [
        { role: 'undo', label: 'Deshacer' },
        { role: 'redo', label: 'Rehacer' },
        { type: 'separator' },
        { role: 'cut', label: 'Cortar' },
        { role: 'copy', label: 'Copiar' },
        { role: 'paste', label: 'Pegar' },
        { role: 'selectAll', label: 'Seleccionar todo' },
      ],
    },
    { label: 'Ver', submenu: view },
  ];
}
