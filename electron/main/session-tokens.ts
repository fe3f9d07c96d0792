// The session token of each window, kept in the main process only.
//
// The renderer calls window.acogida.call(name, input) with no token: the bridge stays as small as
// the issue asks, and a script that got into the page cannot read a token from the preload.
// Main remembers the token per webContents when auth.login succeeds and adds it to every later
// call of that window (the local dispatcher's meta.token, or the Authorization header towards the
// LAN host). The login answer still reaches the renderer unchanged (it holds the token in memory
// only, as over HTTP, and uses its presence to know it is signed in). Main forgets the token on
// auth.logout (whatever the answer), on any unauthenticated answer (expired or ended session), when
// the window is destroyed, and when the device's mode or database changes.
import type { Envelope } from '../api/envelope';

export class SessionTokens {
  private readonly tokens = new Map<number, string>();

  get(windowId: number): string | null {
    return this.tokens.get(windowId) ?? null;
  }

  /** Updates the window's token from one call and its answer. */
  observe(windowId: number, name: string, envelope: Envelope<unknown>): void {
    if (name === 'auth.logout') {
      this.tokens.delete(windowId);
      return;
    }
    if (!envelope.ok) {
      if (envelope.error.code === 'unauthenticated') this.tokens.delete(windowId);
      return;
    }
    if (name === 'auth.login') {
      const token = (envelope.value as { token?: unknown } | null)?.token;
      if (typeof token === 'string' && token.length > 0) this.tokens.set(windowId, token);
      else this.tokens.delete(windowId);
    }
  }

  forget(windowId: number): void {
    this.tokens.delete(windowId);
  }

  clear(): void {
    this.tokens.clear();
  }
}
