// The hardened window and its policies, as exported plain values (the Electron binary is not here).
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAppUrl, START_URL } from '../../electron/main/app-origin';
import {
  downloadDecision,
  ALLOW_WEBVIEW,
  APP_PROTOCOL_HEADERS,
  applicationMenu,
  CONTENT_SECURITY_POLICY,
  devicePermissionDecision,
  isNavigationAllowed,
  permissionCheckDecision,
  permissionRequestDecision,
  PRIVILEGED_SCHEMES,
  webPreferences,
  windowOpenDecision,
  windowOptions,
} from '../../electron/main/policies';

describe('window options', () => {
  const packaged = windowOptions({ preload: '/app/dist/electron/preload.cjs', packaged: true });
  const development = windowOptions({ preload: '/app/dist/electron/preload.cjs', packaged: false });

  it('isolates the renderer: context isolation, sandbox, no Node', () => {
    const prefs = packaged.webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and everything risky off', () => {
    const prefs = packaged.webPreferences!;
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('has developer tools only in development builds', () => {
    expect(packaged.webPreferences!.devTools).toBe(false);
    expect(development.webPreferences!.devTools).toBe(true);
  });

  it('loads the bundled CommonJS preload and shows the window only when ready', () => {
    expect(packaged.webPreferences!.preload).toBe('/app/dist/electron/preload.cjs');
    expect(packaged.show).toBe(false);
    expect(packaged.title).toBe('Acogida');
  });

  it('has the same security preferences packaged or not, but for devTools', () => {
    const a: Record<string, unknown> = { ...webPreferences({ preload: 'p', packaged: true }) };
    const b: Record<string, unknown> = { ...webPreferences({ preload: 'p', packaged: false }) };
    delete a.devTools;
    delete b.devTools;
    expect(a).toEqual(b);
  });
});

describe('the app origin', () => {
  it('is app://acogida and the window starts there (never file://)', () => {
    expect(APP_ORIGIN).toBe('app://acogida');
    expect(START_URL).toBe('app://acogida/index.html');
    expect(isAppUrl(START_URL)).toBe(true);
  });

  it('registers app:// as standard and secure, without CSP bypass or service workers', () => {
    expect(PRIVILEGED_SCHEMES).toHaveLength(1);
    const [scheme] = PRIVILEGED_SCHEMES;
    expect(scheme!.scheme).toBe('app');
    expect(scheme!.privileges).toMatchObject({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false, allowExtensions: false });
  });
});

describe('navigation policy', () => {
  it('allows pages of the app origin', () => {
    expect(isNavigationAllowed('app://acogida/index.html')).toBe(true);
    expect(isNavigationAllowed('app://acogida/admin/users')).toBe(true);
    expect(isNavigationAllowed('app://acogida/index.html#/login')).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:4317/',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://acogida/1234',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'chrome://settings',
    'app://acogida.evil/index.html',
    'app://evil/index.html',
    'app://user@acogida.evil/',
    'app://acogida:8080/index.html',
    'APP://EVIL/',
    'app://acogida',
    '',
    'not a url',
  ])('denies %s', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('window.open, permissions, webviews, downloads', () => {
  it.each(['https://evil.example/', 'app://acogida/index.html', 'about:blank', 'mailto:a@b.co'])('window.open(%s) is denied', (url) => {
    expect(windowOpenDecision({ url })).toEqual({ action: 'deny' });
  });

  const permissions = [
    'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection', 'media',
    'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'pointerLock', 'keyboardLock', 'openExternal', 'speaker-selection',
    'storage-access', 'top-level-storage-access', 'window-management', 'unknown', 'fileSystem', 'hid', 'serial', 'usb',
  ];

  it.each(permissions)('permission request "%s" is denied, even from the app origin', (permission) => {
    expect(permissionRequestDecision(permission, 'app://acogida/index.html')).toBe(false);
    expect(permissionRequestDecision(permission, 'https://evil.example/')).toBe(false);
  });

  it.each(permissions)('permission check "%s" answers not granted', (permission) => {
    expect(permissionCheckDecision(permission, 'app://acogida')).toBe(false);
  });

  it('denies HID/serial/USB devices and webviews', () => {
    expect(devicePermissionDecision({ deviceType: 'usb', origin: 'app://acogida' })).toBe(false);
    expect(ALLOW_WEBVIEW).toBe(false);
  });

  it('downloads only the export files the app builds itself (blob: of its own origin)', () => {
    expect(downloadDecision('blob:app://acogida/5f0c1c8e-6d1b-4c1e-9a0e-3f1b2c3d4e5f')).toBe(true);
    for (const url of ['https://evil.example/x.exe', 'blob:https://evil.example/123', 'blob:app://acogida.evil/123', 'app://acogida/index.html', 'file:///etc/passwd', 'data:text/plain,x', 'blob:app://user@acogida.evil/1']) {
      expect(downloadDecision(url), url).toBe(false);
    }
  });
});

describe('content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name!, values] as const;
  }));

  it('allows only the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('has no unsafe-inline, unsafe-eval, wildcard or remote source', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe|\*|https?:|file:/);
  });

  it('is sent with every app:// answer, with the other security headers', () => {
    expect(APP_PROTOCOL_HEADERS['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(APP_PROTOCOL_HEADERS['x-content-type-options']).toBe('nosniff');
    expect(APP_PROTOCOL_HEADERS['x-frame-options']).toBe('DENY');
  });
});

describe('application menu', () => {
  const roles = (packaged: boolean) => JSON.stringify(applicationMenu(packaged));

  it('offers no reload or developer tools in packaged builds', () => {
    expect(roles(true)).not.toMatch(/toggleDevTools|forceReload|"reload"/);
    expect(roles(false)).toMatch(/toggleDevTools/);
  });

  it('keeps zoom for staff with low vision, labelled in Spanish', () => {
    expect(roles(true)).toMatch(/zoomIn/);
    expect(roles(true)).toMatch(/Ampliar/);
  });
});
