// The desktop preload (electron/preload) exposes exactly this on window; absent in a plain browser.
import type { Envelope } from './contract';

declare global {
  interface Window {
    acogida?: {
      call(name: string, input: unknown): Promise<Envelope<unknown>>;
    };
  }
}

export {};
