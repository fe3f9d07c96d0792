// What another machine on the hospital LAN can try against the host, as a table of cases run against
// a REAL host process: the bundle of `electron/host/main.ts` that `npm run host` runs, bound to 127.0.0.2 — a
// loopback address the host does not treat as loopback, so it takes the LAN path and turns TLS on
// with its self-signed certificate, exactly as with `--bind 192.168.x.y`. Loopback only, bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { Agent, request as httpsRequest, createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkServerIdentity, connect as tlsConnect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { initStore } from '../../db/store';
import { systemClock, defaultSecuritySettings, type ServiceContext } from '../../electron/core/context';
import { createUser } from '../../electron/core/users';
import { ensureSelfSignedTls, fingerprintOf } from '../../electron/host/tls';
import { probeFingerprint, RemoteTransport } from '../../electron/main/remote';
import { hostNodeArgs } from '../../scripts/host-bundle';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIND = '127.0.0.2';
const PASSWORD = 'caballo correcto batería grapa';
const SECURITY = ['content-security-policy', 'x-content-type-options', 'referrer-policy'] as const;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface LanSummary {
  cases: number;
  passed: number;
  failures: string[];
}

async function startHost(work: string): Promise<{ child: ChildProcess; url: string; printedFingerprint: string; cert: string }> {
  const dataDir = join(work, 'data');
  const passphraseFile = join(work, 'passphrase');
  const passphrase = 'frase de acceso de la unidad de prueba';
  writeFileSync(passphraseFile, `${passphrase}\n`, { mode: 0o600 });
  const { store } = await initStore(dataDir, passphrase);
  const ctx: ServiceContext = { db: store.db, clock: systemClock, security: defaultSecuritySettings };
  for (const [username, role] of [['admin', 'admin'], ['recepcion', 'reception'], ['psicologa', 'clinician'], ['bloqueada', 'reception']] as const) {
    await createUser(ctx, null, { username, displayName: username, role, password: PASSWORD }, 'lan-attacks');
  }
  await store.close();
  const rendererDir = join(work, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Acogida</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');

  const child = spawn(process.execPath, [...hostNodeArgs(root), '--data-dir', dataDir, '--passphrase-file', passphraseFile, '--bind', BIND, '--port', '0', '--no-auto-backup', '--renderer-dir', rendererDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start:\n${stdout}\n${stderr}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const match = /listening on (\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
  // The fingerprint line may follow the URL line by a moment.
  for (let i = 0; i < 50 && !/fingerprint/.test(stderr); i++) await new Promise((r) => setTimeout(r, 20));
  const printedFingerprint = /certificate fingerprint \(SHA-256\): (\S+)/.exec(stderr)?.[1] ?? '';
  return { child, url, printedFingerprint, cert: readFileSync(join(dataDir, 'tls', 'host.crt'), 'utf8') };
}

export async function runLanPart(): Promise<LanSummary> {
  const work = mkdtempSync(join(tmpdir(), 'acogida-lan-'));
  const summary: LanSummary = { cases: 0, passed: 0, failures: [] };
  let child: ChildProcess | null = null;
  const agents: Agent[] = [];
  try {
    const started = await startHost(work);
    child = started.child;
    const { url, cert, printedFingerprint } = started;
    const port = Number(new URL(url).port);
    const hostHeader = `${BIND}:${port}`;
    const agent = new Agent({ ca: cert, keepAlive: true, maxSockets: 4 });
    agents.push(agent);

    const send = (method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> =>
      new Promise((resolvePromise, reject) => {
        // The certificate is checked against the address connected to, whatever Host header a case forges.
        const req = httpsRequest({ host: BIND, port, method, path, agent, checkServerIdentity: (_name, peer) => checkServerIdentity(BIND, peer), headers: { host: hostHeader, ...options.headers }, timeout: 15_000 }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', reject);
        if (options.body !== undefined) req.write(options.body);
        req.end();
      });
    const api = (name: string, input: unknown, token?: string, headers: Record<string, string> = {}) =>
      send('POST', `/api/${name}`, { headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }, body: JSON.stringify(input) });
    const login = async (username: string): Promise<string> => {
      const answer = await api('auth.login', { username, password: PASSWORD });
      if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status} ${answer.body}`);
      return (JSON.parse(answer.body) as { token: string }).token;
    };
    const hasSecurityHeaders = (a: Answer) => SECURITY.every((h) => a.headers[h]) && String(a.headers['content-security-policy']).includes("frame-ancestors 'none'") && a.headers['referrer-policy'] === 'no-referrer' && a.headers['x-content-type-options'] === 'nosniff';
    const noCors = (a: Answer) => Object.keys(a.headers).every((h) => !h.startsWith('access-control-'));
    const code = (a: Answer) => {
      try {
        return (JSON.parse(a.body) as { error?: { code?: string } }).error?.code ?? null;
      } catch {
        return null;
      }
    };

    const admin = await login('admin');
    const reception = await login('recepcion');
    const clinician = await login('psicologa');

    const cases: [string, () => Promise<boolean>][] = [
      ['TLS is on by default for a non-loopback bind', async () => url.startsWith('https://')],
      ['the printed fingerprint is the certificate the host presents', async () => printedFingerprint === fingerprintOf(cert) && (await probeFingerprint(url)) === printedFingerprint],
      ['the certificate verifies for the bound address (SAN)', async () => (await send('POST', '/api/auth.me', { headers: { 'content-type': 'application/json' }, body: '{}' })).status === 401],
      ['plain HTTP on the TLS port gets no API answer', async () => {
        const answer = await new Promise<string>((resolvePromise) => {
          const req = httpRequest({ host: BIND, port, method: 'POST', path: '/api/auth.login', headers: { host: hostHeader, 'content-type': 'application/json' }, timeout: 5000 }, (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolvePromise(`${res.statusCode} ${body}`));
          });
          req.on('timeout', () => req.destroy());
          req.on('error', () => resolvePromise('refused'));
          req.end(JSON.stringify({ username: 'admin', password: PASSWORD }));
        });
        return !answer.includes('token');
      }],
      ['TLS 1.1 and older are refused', async () =>
        new Promise<boolean>((resolvePromise) => {
          const socket = tlsConnect({ host: BIND, port, ca: cert, maxVersion: 'TLSv1.1', minVersion: 'TLSv1' }, () => {
            socket.destroy();
            resolvePromise(false);
          });
          socket.on('error', () => resolvePromise(true));
        })],
      ['a pinned workstation (correct fingerprint) signs in and calls', async () => {
        const transport = new RemoteTransport({ url, fingerprint: printedFingerprint });
        try {
          const answer = await transport.call('auth.me', {}, admin);
          return answer.ok;
        } finally {
          transport.close();
        }
      }],
      ['a workstation pinned to another fingerprint refuses the host before sending the password', async () => {
        const transport = new RemoteTransport({ url, fingerprint: Array.from(randomBytes(32), (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':') });
        try {
          const answer = await transport.call('auth.login', { username: 'admin', password: PASSWORD }, null);
          return !answer.ok && answer.error.code === 'forbidden';
        } finally {
          transport.close();
        }
      }],
      ['an impostor with another self-signed certificate is refused by the pinned workstation', async () => {
        const impostorTls = await ensureSelfSignedTls(join(work, 'impostor'), BIND);
        let received = 0;
        const impostor = createHttpsServer({ key: impostorTls.key, cert: impostorTls.cert }, (req, res) => {
          received += 1;
          req.resume();
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"robado"}');
        });
        await new Promise<void>((r) => impostor.listen(0, BIND, r));
        const transport = new RemoteTransport({ url: `https://${BIND}:${(impostor.address() as AddressInfo).port}`, fingerprint: printedFingerprint });
        try {
          const answer = await transport.call('auth.login', { username: 'admin', password: PASSWORD }, null);
          return !answer.ok && answer.error.code === 'forbidden' && received === 0;
        } finally {
          transport.close();
          await new Promise((r) => impostor.close(r));
        }
      }],
      ['a Host header naming another site is refused (DNS rebinding)', async () => (await api('auth.me', {}, admin, { host: `evil.example:${port}` })).status === 403],
      ['a Host header of localhost is refused on a LAN bind', async () => (await api('auth.me', {}, admin, { host: `localhost:${port}` })).status === 403],
      ['a Host header with another port is refused', async () => (await api('auth.me', {}, admin, { host: `${BIND}:${port + 1}` })).status === 403],
      ['a static page with a foreign Host header is refused', async () => (await send('GET', '/', { headers: { host: 'evil.example' } })).status === 403],
      ['a cross-origin POST is refused without CORS headers', async () => {
        const a = await api('patients.search', { query: 'ana' }, admin, { origin: 'http://evil.example' });
        return a.status === 403 && noCors(a);
      }],
      ['a CORS preflight is refused without CORS headers', async () => {
        const a = await send('OPTIONS', '/api/patients.search', { headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
        return a.status === 403 && noCors(a);
      }],
      ['security headers on an API answer', async () => hasSecurityHeaders(await api('auth.me', {}, admin))],
      ['security headers on an API error', async () => hasSecurityHeaders(await api('auth.me', {}))],
      ['security headers on the app page and its assets', async () => hasSecurityHeaders(await send('GET', '/')) && hasSecurityHeaders(await send('GET', '/assets/app.js'))],
      ['security headers on a missing file', async () => {
        const a = await send('GET', '/assets/none.js');
        return a.status === 404 && hasSecurityHeaders(a);
      }],
      ['a body over the limit is refused with 413', async () => {
        const a = await api('patients.search', { query: 'x'.repeat(2 * 1024 * 1024) }, admin);
        return a.status === 413 && code(a) === 'invalid_input' && hasSecurityHeaders(a);
      }],
      ['a body that is not JSON is refused with 415', async () => (await send('POST', '/api/auth.login', { headers: { 'content-type': 'text/plain' }, body: 'admin' })).status === 415],
      ['malformed JSON answers 400 without a stack trace', async () => {
        const a = await send('POST', '/api/auth.login', { headers: { 'content-type': 'application/json' }, body: '{"username":' });
        return a.status === 400 && !/ at |\.ts|node_modules|SyntaxError/.test(a.body);
      }],
      ['no token: 401', async () => code(await api('patients.search', { query: 'ana' })) === 'unauthenticated'],
      ['a forged token: 401', async () => code(await api('patients.search', { query: 'ana' }, randomBytes(32).toString('base64url'))) === 'unauthenticated'],
      ['a token in the query string or a cookie is ignored', async () => {
        const q = await send('POST', `/api/auth.me?token=${admin}`, { headers: { 'content-type': 'application/json' }, body: '{}' });
        const c = await send('POST', '/api/auth.me', { headers: { 'content-type': 'application/json', cookie: `token=${admin}` }, body: '{}' });
        return q.status === 401 && c.status === 401;
      }],
      ['reception cannot read clinical content: 403', async () => code(await api('sessions.listForPatient', { patientId: 1 }, reception)) === 'forbidden'],
      ['a clinician cannot read the audit log or export: 403', async () => code(await api('audit.list', {}, clinician)) === 'forbidden' && code(await api('exports.list', {}, clinician)) === 'forbidden'],
      ['GET, PUT, DELETE and TRACE on the API answer 404 and no data', async () => {
        const answers = await Promise.all(['GET', 'PUT', 'DELETE'].map((m) => send(m, '/api/users.list', { headers: { authorization: `Bearer ${admin}` } })));
        const trace = await send('TRACE', '/api/users.list').catch(() => ({ status: 405, headers: {}, body: '' }) as Answer);
        return answers.every((a) => a.status === 404 && !a.body.includes('admin')) && trace.status >= 400 && !trace.body.includes('authorization');
      }],
      ['path traversal does not leave the renderer folder', async () => {
        const answers = await Promise.all(['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/assets/%2e%2e%5c%2e%2e%5cetc%5cpasswd'].map((p) => send('GET', p)));
        return answers.every((a) => !a.body.includes('root:') && hasSecurityHeaders(a));
      }],
      ['no Server or X-Powered-By header', async () => {
        const a = await send('GET', '/');
        return !a.headers.server && !a.headers['x-powered-by'];
      }],
      ['per-token rate limit: a flood with one token gets 429 with Retry-After; other tokens keep working', async () => {
        const flood: Answer[] = [];
        for (let i = 0; i < 130; i++) flood.push(await api('auth.me', {}, reception));
        const limited = flood.filter((a) => a.status === 429);
        const other = await api('auth.me', {}, admin);
        return limited.length > 0 && Number(limited[0]!.headers['retry-after']) > 0 && code(limited[0]!) === 'rate_limited' && other.status === 200;
      }],
      ['account lockout after repeated wrong passwords (429 with Retry-After)', async () => {
        const answers: Answer[] = [];
        for (let i = 0; i < 6; i++) answers.push(await api('auth.login', { username: 'bloqueada', password: `equivocada ${i}` }));
        const last = answers.at(-1)!;
        const right = await api('auth.login', { username: 'bloqueada', password: PASSWORD });
        return answers.slice(0, 5).every((a) => a.status === 401) && last.status === 429 && Number(last.headers['retry-after']) > 0 && right.status === 429;
      }],
      ['login rate limit per address: a password-guessing burst gets 429 with Retry-After', async () => {
        const answers: Answer[] = [];
        for (let i = 0; i < 25; i++) answers.push(await api('auth.login', { username: `nadie${i}`, password: 'adivinanza' }));
        const limited = answers.filter((a) => a.status === 429);
        return limited.length > 0 && Number(limited[0]!.headers['retry-after']) > 0 && answers.every((a) => a.status === 401 || a.status === 429);
      }],
    ];

    for (const [label, run] of cases) {
      summary.cases += 1;
      try {
        if (await run()) summary.passed += 1;
        else summary.failures.push(label);
      } catch (error) {
        summary.failures.push(`${label}: ${(error as Error).message}`);
      }
    }
  } catch (error) {
    summary.cases += 1;
    summary.failures.push(`set-up: ${(error as Error).message}`);
  } finally {
    for (const agent of agents) agent.destroy();
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child!.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(work, { recursive: true, force: true });
  }
  return summary;
}
