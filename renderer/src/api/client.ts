// The renderer's one way to the main side: call(name, input) → envelope.
// Transport chosen once at start: Electron IPC when the preload exposed window.acogida, HTTP otherwise.
// The bearer token lives in this module's memory only: never in storage or cookies.
import type { ApiError, Envelope, ErrorCode, InputOf, OutputOf, ProcedureName } from './contract';
import { ERROR_CODES } from '../../../electron/api/envelope';

type Transport = (name: string, input: unknown, token: string | null) => Promise<Envelope<unknown>>;

const ipcTransport: Transport = async (name, input) => {
  // The main process keeps the desktop session itself; the token never needs to cross IPC.
  try {
    return await window.acogida!.call(name, input);
  } catch {
    return networkFailure();
  }
};

/** The main side could not be reached; an empty message lets the UI say so in the user's language. */
function networkFailure(): Envelope<never> {
  return { ok: false, error: { code: 'internal', message: '' } };
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'invalid_input',
  415: 'invalid_input',
  429: 'rate_limited',
};

const httpTransport: Transport = async (name, input, token) => {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input ?? {}),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return networkFailure();
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.ok) return { ok: true, value: body };
  const error = (body as { error?: Partial<ApiError> } | null)?.error;
  return {
    ok: false,
    error: {
      code: isErrorCode(error?.code) ? error.code : (CODE_BY_STATUS[response.status] ?? 'internal'),
      message: typeof error?.message === 'string' ? error.message : '',
      ...(Array.isArray(error?.issues) ? { issues: error.issues } : {}),
      ...(typeof error?.retryAfterSeconds === 'number' ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    },
  };
};

export const isDesktop = typeof window !== 'undefined' && window.acogida !== undefined;
const transport: Transport = isDesktop ? ipcTransport : httpTransport;

let token: string | null = null;
let lastCallAt = 0;
const unauthenticatedListeners = new Set<(error: ApiError) => void>();

/** Procedures whose 401 is an answer to show, not a lost session. */
const PUBLIC_401 = new Set<ProcedureName>(['auth.login', 'auth.logout']);

export async function call<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<Envelope<OutputOf<K>>> {
  lastCallAt = Date.now();
  const envelope = (await transport(name, input, token)) as Envelope<OutputOf<K>>;
  if (envelope.ok && name === 'auth.login') {
    token = (envelope.value as OutputOf<'auth.login'>).token;
  }
  if (!envelope.ok && envelope.error.code === 'unauthenticated' && !PUBLIC_401.has(name)) {
    token = null;
    for (const listener of unauthenticatedListeners) listener(envelope.error);
  }
  return envelope;
}

/** Forget the session on this side (after logout, idle lock or a 401). */
export function dropToken(): void {
  token = null;
}

/** Milliseconds since the last call reached the transport (used to keep an active session alive). */
export function sinceLastCall(): number {
  return Date.now() - lastCallAt;
}

export function onUnauthenticated(listener: (error: ApiError) => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}
