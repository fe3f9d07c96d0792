// The LAN host: POST /api/<procedure> over the one dispatcher, and the renderer build at /.
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { HTTP_STATUS, type ApiError } from '../api/envelope';
import type { Dispatch } from '../core/dispatch';
import { LoginThrottle } from './login-throttle';
import { SECURITY_HEADERS } from './security-headers';
import { TokenRateLimit } from './token-rate-limit';

export interface HostOptions {
  dispatch: Dispatch;
  /** The production renderer build (index.html and assets); null serves the API only. */
  rendererDir: string | null;
  /**
   * Host header values accepted ("127.0.0.1:4317", "acogida.local:4317"), lower case; anything else is
   * refused (DNS rebinding). A Set so the caller can add the port once listening on port 0.
   */
  allowedHosts: Set<string>;
  https?: { key: string; cert: string } | null;
  bodyLimitBytes?: number;
  loginThrottle?: LoginThrottle;
  /** Calls per bearer token (a token bucket); the default allows 120 at once and 5 a second after. */
  tokenRateLimit?: TokenRateLimit;
  logger?: boolean;
}

function sendError(reply: FastifyReply, error: ApiError, status = HTTP_STATUS[error.code]) {
  if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.code(status).type('application/json; charset=utf-8').send({ error });
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header);
  return match ? match[1]! : null;
}

export async function buildHost(options: HostOptions): Promise<FastifyInstance> {
  const allowed = options.allowedHosts;
  const throttle = options.loginThrottle ?? new LoginThrottle();
  const perToken = options.tokenRateLimit ?? new TokenRateLimit();
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    https: options.https ?? null,
    trustProxy: false,
    // Deep or huge JSON is refused by the body limit; prototype keys are dropped at parse time.
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
    return503OnClosing: true,
    // A request line fastify cannot route (a malformed URL, a bad header) still gets our envelope and headers.
    frameworkErrors: (error: Error, _request: FastifyRequest, reply: FastifyReply) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
      return sendError(reply, { code: 'invalid_input', message: 'La solicitud no es válida.' }, 400);
    },
  } as never) as unknown as FastifyInstance;

  // The API speaks JSON only: any other body type is refused with 415.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    const host = (request.headers.host ?? '').toLowerCase();
    if (!allowed.has(host)) {
      return sendError(reply, { code: 'forbidden', message: 'Nombre de host no permitido.' });
    }
    // CORS stays closed: no preflight is ever answered, so a page from another origin cannot call the API.
    if (request.method === 'OPTIONS') {
      return sendError(reply, { code: 'forbidden', message: 'Solicitudes de origen cruzado no permitidas.' });
    }
    // A browser page from another origin gets no answer it can read.
    if (request.headers.origin && request.method !== 'GET' && request.method !== 'HEAD') {
      const origin = request.headers.origin.toLowerCase();
      const sameOrigin = [...allowed].some((h) => origin === `http://${h}` || origin === `https://${h}`);
      if (!sameOrigin) return sendError(reply, { code: 'forbidden', message: 'Origen no permitido.' });
    }
  });

  // Whatever produced the answer (a route, an error, a static file), it leaves with the headers and never
  // with an Access-Control-Allow-* header.
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    for (const name of Object.keys(reply.getHeaders())) {
      if (name.toLowerCase().startsWith('access-control-')) reply.removeHeader(name);
    }
    return payload;
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, { code: 'invalid_input', message: 'La solicitud es demasiado grande.' }, 413);
    }
    if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, { code: 'invalid_input', message: 'El cuerpo debe ser JSON (Content-Type: application/json).' }, 415);
    }
    if (status >= 400 && status < 500) {
      return sendError(reply, { code: 'invalid_input', message: 'La solicitud no es JSON válido.' }, 400);
    }
    request.log.error(error);
    return sendError(reply, { code: 'internal', message: 'Error interno del servidor.' });
  });

  app.post<{ Params: { name: string } }>('/api/:name', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const name = request.params.name;
    const origin = `http ${request.ip}`;
    const token = bearerToken(request);
    if (token) {
      const wait = perToken.take(token);
      if (wait > 0) {
        return sendError(reply, { code: 'rate_limited', message: `Demasiadas solicitudes con esta sesión. Espere ${wait} s.`, retryAfterSeconds: wait });
      }
    }
    if (name === 'auth.login') {
      const wait = throttle.hit(request.ip);
      if (wait > 0) {
        return sendError(reply, { code: 'rate_limited', message: `Demasiados intentos de inicio de sesión desde este equipo. Espere ${wait} s.`, retryAfterSeconds: wait });
      }
    }
    const envelope = await options.dispatch(name, request.body ?? {}, { token, origin });
    if (!envelope.ok) return sendError(reply, envelope.error);
    return reply.code(200).type('application/json; charset=utf-8').send(envelope.value);
  });

  app.all('/api/*', async (_request, reply) =>
    sendError(reply, { code: 'not_found', message: 'Use POST /api/<procedimiento> con un cuerpo JSON.' }),
  );

  if (options.rendererDir && existsSync(options.rendererDir)) {
    await app.register(fastifyStatic, { root: options.rendererDir, index: ['index.html'], wildcard: false });
    // Client-side routes (/admin/users) answer the app; missing assets stay 404.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/assets/') && !request.url.startsWith('/api/')) {
        return reply.type('text/html; charset=utf-8').sendFile('index.html');
      }
      return sendError(reply, { code: 'not_found', message: 'No encontrado.' });
    });
  } else {
    app.setNotFoundHandler((_request, reply) => sendError(reply, { code: 'not_found', message: 'No encontrado.' }));
  }

  return app;
}
