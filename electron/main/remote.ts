// A workstation in "remote" mode forwards every procedure to the unit's host over HTTPS,
// accepting only the certificate whose SHA-256 fingerprint was pinned at set-up.
// Plain Node (https, tls), no 'electron': tested against a real TLS server.
//
// Why a custom agent and not only `checkServerIdentity`: the host's certificate is self-signed, so
// chain verification fails first and Node then skips checkServerIdentity altogether (and resumed
// TLS sessions skip it too). The agent below hands a socket to the request only after the
// handshake, once the peer certificate's fingerprint equals the pinned one, so not one byte of a
// request (passwords, tokens, patient data) is written to any other server.
import { Agent, request as httpsRequest, type AgentOptions, type RequestOptions } from 'node:https';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import type { Duplex } from 'node:stream';
import type { Envelope } from '../api/envelope';
import { checkPinnedCertificate, normaliseFingerprint, PinMismatchError } from './fingerprint';
import { envelopeFromHttp } from './http-envelope';

export const REQUEST_TIMEOUT_MS = 60_000;
export const CONNECT_TIMEOUT_MS = 10_000;
/** Larger than any answer the host sends (its own body limit is 1 MiB for requests). */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export class HostUnreachableError extends Error {
  constructor(
    readonly hostLabel: string,
    readonly reason: string,
  ) {
    super(`No se pudo conectar con el host de la unidad (${hostLabel}): ${reason}. Compruebe que el host está encendido y que este equipo está en la red de la unidad.`);
    this.name = 'HostUnreachableError';
  }
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'el host rechazó la conexión';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'no se encontró esa dirección';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'la red no llega a ese equipo';
    case 'ETIMEDOUT':
    case 'ACOGIDA_TIMEOUT':
      return 'el host no respondió a tiempo';
    case 'ECONNRESET':
      return 'la conexión se cortó';
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return 'esa dirección no habla HTTPS';
    default:
      return 'error de red';
  }
}

function timeoutError(): Error {
  return Object.assign(new Error('timeout'), { code: 'ACOGIDA_TIMEOUT' });
}

/** Opens a TLS connection and answers the socket only after the pinned certificate is presented. */
export function connectPinned(options: ConnectionOptions, pinned: string, callback: (error: Error | null, socket?: TLSSocket) => void): void {
  const socket = tlsConnect({
    ...options,
    // Self-signed certificates: the chain cannot verify; the pin below is the check that matters.
    rejectUnauthorized: false,
    checkServerIdentity: (_host, cert) => checkPinnedCertificate(cert, pinned),
  });
  let settled = false;
  const settle = (error: Error | null) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    socket.removeListener('error', onError);
    if (error) {
      socket.destroy();
      callback(error);
    } else {
      callback(null, socket);
    }
  };
  const onError = (error: Error) => settle(error);
  const timer = setTimeout(() => settle(timeoutError()), CONNECT_TIMEOUT_MS);
  socket.once('error', onError);
  socket.once('secureConnect', () => settle(checkPinnedCertificate(socket.getPeerCertificate(), pinned) ?? null));
}

/** An https.Agent whose every connection is pinned; TLS session reuse is off so each handshake shows the certificate. */
export class PinnedAgent extends Agent {
  constructor(
    readonly pinned: string,
    options: AgentOptions = {},
  ) {
    super({ keepAlive: true, maxSockets: 8, ...options, maxCachedSessions: 0, rejectUnauthorized: false });
  }

  override createConnection(options: RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    if (!callback) throw new Error('PinnedAgent needs the asynchronous createConnection callback');
    connectPinned(options as ConnectionOptions, this.pinned, (error, socket) => callback(error, socket as Duplex));
    return undefined;
  }
}

export interface RemoteHostConfig {
  /** https://HOST:PORT of the unit's host. */
  url: string;
  /** Its certificate's SHA-256 fingerprint, as pinned at set-up. */
  fingerprint: string;
}

function describeHost(url: URL): string {
  return url.host;
}

/** Forwards procedures to the host: POST /api/<name>, JSON body, bearer token; answers the envelope. */
export class RemoteTransport {
  private readonly base: URL;
  private readonly agent: PinnedAgent;

  constructor(config: RemoteHostConfig) {
    const pinned = normaliseFingerprint(config.fingerprint);
    if (!pinned) throw new Error('RemoteTransport needs a SHA-256 fingerprint');
    this.base = new URL(config.url);
    if (this.base.protocol !== 'https:') throw new Error('RemoteTransport needs an https:// URL');
    this.agent = new PinnedAgent(pinned);
  }

  async call(name: string, input: unknown, token: string | null): Promise<Envelope<unknown>> {
    try {
      const { status, body, retryAfter } = await this.post(`/api/${encodeURIComponent(name)}`, JSON.stringify(input ?? {}), token);
      return envelopeFromHttp(status, body, retryAfter);
    } catch (error) {
      if (error instanceof PinMismatchError) return { ok: false, error: { code: 'forbidden', message: `${error.message} Puede ser otro equipo haciéndose pasar por el host: avise al administrador.` } };
      return { ok: false, error: { code: 'internal', message: new HostUnreachableError(describeHost(this.base), reasonOf(error)).message } };
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private post(path: string, payload: string, token: string | null): Promise<{ status: number; body: string; retryAfter: string | null }> {
    return new Promise((resolvePost, rejectPost) => {
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        accept: 'application/json',
        'content-length': String(Buffer.byteLength(payload)),
      };
      if (token) headers.authorization = `Bearer ${token}`;
      const req = httpsRequest(
        {
          protocol: 'https:',
          hostname: this.base.hostname.replace(/^\[|\]$/g, ''),
          port: this.base.port || 443,
          method: 'POST',
          path,
          headers,
          agent: this.agent,
          timeout: REQUEST_TIMEOUT_MS,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_RESPONSE_BYTES) {
              req.destroy(Object.assign(new Error('response too large'), { code: 'ACOGIDA_TOO_LARGE' }));
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () => {
            const retry = res.headers['retry-after'];
            resolvePost({ status: res.statusCode ?? 500, body: Buffer.concat(chunks).toString('utf8'), retryAfter: typeof retry === 'string' ? retry : null });
          });
          res.on('error', rejectPost);
        },
      );
      req.on('timeout', () => req.destroy(timeoutError()));
      req.on('error', rejectPost);
      req.end(payload);
    });
  }
}

/**
 * Reads the fingerprint of the certificate a host presents, for staff to compare with the one the
 * host printed. Null for an http:// URL (nothing to pin). Throws HostUnreachableError.
 */
export function probeFingerprint(url: string): Promise<string | null> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') return Promise.resolve(null);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolveProbe, rejectProbe) => {
    const socket = tlsConnect({ host, port: Number(parsed.port || 443), rejectUnauthorized: false, servername: isIp(host) ? undefined : host });
    const timer = setTimeout(() => {
      socket.destroy();
      rejectProbe(new HostUnreachableError(parsed.host, reasonOf(timeoutError())));
    }, CONNECT_TIMEOUT_MS);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const fingerprint = normaliseFingerprint(socket.getPeerCertificate().fingerprint256);
      socket.end();
      resolveProbe(fingerprint);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      rejectProbe(new HostUnreachableError(parsed.host, reasonOf(error)));
    });
  });
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
