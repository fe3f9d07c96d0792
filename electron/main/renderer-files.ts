// What the app:// protocol answers: files of the renderer build (dist/renderer), nothing outside it.
// Plain Node, no 'electron': main.ts turns the answer into a Response.
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { APP_PROTOCOL_HEADERS } from './policies';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type FileTarget = { kind: 'file'; path: string } | { kind: 'error'; status: 400 | 404 | 405 };

/**
 * Maps a request to a file under `root`. Client-side routes (no extension, not under /assets/)
 * answer index.html; a path that leaves `root`, another host or scheme, or a method other than
 * GET/HEAD is refused.
 */
export function resolveRendererFile(root: string, requestUrl: string, method = 'GET'): FileTarget {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'error', status: 405 };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'error', status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '') {
    return { kind: 'error', status: 404 };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'error', status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'error', status: 400 };
  const base = resolve(root);
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const candidate = resolve(base, relativePath);
  const rel = relative(base, candidate);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return { kind: 'error', status: 404 };
  const isRoute = extname(relativePath) === '' && !relativePath.startsWith('assets/');
  return { kind: 'file', path: isRoute ? join(base, 'index.html') : candidate };
}

export interface ProtocolAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** Reads the file and builds the answer, with the CSP and the other security headers on every one. */
export async function answerRendererRequest(root: string, requestUrl: string, method = 'GET'): Promise<ProtocolAnswer> {
  const target = resolveRendererFile(root, requestUrl, method);
  const plain = (status: number): ProtocolAnswer => ({
    status,
    headers: { ...APP_PROTOCOL_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
    body: Buffer.from(status === 404 ? 'No encontrado' : 'Solicitud no válida'),
  });
  if (target.kind === 'error') return plain(target.status);
  try {
    const info = await stat(target.path);
    if (!info.isFile()) return plain(404);
    const body = await readFile(target.path);
    return {
      status: 200,
      headers: { ...APP_PROTOCOL_HEADERS, 'content-type': contentTypeOf(target.path), 'content-length': String(body.length) },
      body: method === 'HEAD' ? null : body,
    };
  } catch {
    return plain(404);
  }
}
