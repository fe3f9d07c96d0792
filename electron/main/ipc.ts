// The IPC transport's checks: who may call, and what a refused or malformed call answers.
// Plain values and functions, no 'electron' at run time; main.ts binds them to ipcMain.handle.
import type { Envelope } from '../api/envelope';
import { isAppUrl } from './app-origin';
import { invalidInput } from './device-input';

export { CALL_CHANNEL } from '../preload/channel';

/** What main knows about the frame that sent a call (event.senderFrame). */
export interface SenderInfo {
  /** event.senderFrame?.url; null when the frame is gone (navigated away or destroyed). */
  url: string | null | undefined;
  /** senderFrame.parent === null: only the top frame of our page may call. */
  isMainFrame: boolean;
}

/** Accepts only the top frame of a page served from app://acogida/ (not devtools://, file://, https://…). */
export function isTrustedSender(sender: SenderInfo): boolean {
  return sender.isMainFrame && isAppUrl(sender.url);
}

export const FORBIDDEN_SENDER: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Llamada rechazada: no viene de la ventana de Acogida.' },
};

/** Longest procedure name accepted ("area.verb"); the contract's names are far shorter. */
const MAX_NAME_LENGTH = 100;

/** Checks the shape of one call; null when it may go on, else the envelope to answer. */
export function checkCallShape(name: unknown): Envelope<never> | null {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH || !/^[A-Za-z][A-Za-z0-9]*\.[A-Za-z][A-Za-z0-9]*$/.test(name)) {
    return { ok: false, error: { code: 'not_found', message: 'No existe ese procedimiento.' } };
  }
  return null;
}

/** Input must be plain JSON-like data (structured clone already dropped functions and prototypes). */
export function checkInputShape(input: unknown): Envelope<never> | null {
  if (input === undefined || input === null) return null;
  if (typeof input !== 'object' || Array.isArray(input)) return invalidInput([{ path: '(entrada)', message: 'La entrada debe ser un objeto' }]);
  return null;
}

export interface CallRouter {
  call(windowId: number, name: string, input: unknown): Promise<Envelope<unknown>>;
}

/** The whole IPC handler, minus Electron: sender check, shape checks, then the router. Never throws. */
export async function handleIpcCall(router: CallRouter, sender: SenderInfo, windowId: number, name: unknown, input: unknown, log: (message: string, error: unknown) => void = console.error): Promise<Envelope<unknown>> {
  if (!isTrustedSender(sender)) return FORBIDDEN_SENDER;
  const badName = checkCallShape(name);
  if (badName) return badName;
  const badInput = checkInputShape(input);
  if (badInput) return badInput;
  try {
    return await router.call(windowId, name as string, input);
  } catch (error) {
    log(`IPC call ${String(name)} failed`, error);
    return { ok: false, error: { code: 'internal', message: 'Error interno. El equipo técnico puede revisar el registro de la aplicación.' } };
  }
}
