// `npm run host -- --data-dir DIR --passphrase-file P [--port 4317] [--bind 127.0.0.1] [--backups-keep 14] [--no-auto-backup] [--search-workers N]`
// Serves the renderer and the API; prints one line "listening on http(s)://HOST:PORT".
// Backs up DATA_DIR/backups/ at start and then hourly whenever the newest backup is a day old.
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { StoreError } from '../../db/errors';
import { isInitialised, unlockStore } from '../../db/store';
import { startAutomaticBackups } from '../core/backup-schedule';
import { createDispatcher } from '../core/dispatch';
import { buildHost } from './server';
import { CliError, readSecretFile } from './secrets';
import { serviceContext } from './service-context';
import { warmNameCandidatesInBackground } from '../core/name-candidates-warming';
import { compactSearchIndexWhenQuiet } from '../core/search-index-merges';
import { ensureSelfSignedTls, loadTls } from './tls';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function runHost(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      'passphrase-file': { type: 'string' },
      port: { type: 'string', default: '4317' },
      bind: { type: 'string', default: '127.0.0.1' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'allowed-host': { type: 'string', multiple: true },
      'idle-timeout-seconds': { type: 'string' },
      'renderer-dir': { type: 'string' },
      'backups-keep': { type: 'string', default: '14' },
      'no-auto-backup': { type: 'boolean', default: false },
      'search-workers': { type: 'string' },
    },
    strict: true,
  });
  const dataDir = values['data-dir'];
  const passphraseFile = values['passphrase-file'];
  if (!dataDir || !passphraseFile) throw new CliError('Uso: npm run host -- --data-dir DIR --passphrase-file P [--port 4317] [--bind 127.0.0.1]');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`Puerto no válido: ${values.port}`);
  const bind = values.bind!;
  const idle = values['idle-timeout-seconds'] ? Number(values['idle-timeout-seconds']) : undefined;
  if (idle !== undefined && (!Number.isInteger(idle) || idle < 5)) throw new CliError('--idle-timeout-seconds debe ser un entero ≥ 5');
  const backupsKeep = Number(values['backups-keep']);
  if (!Number.isInteger(backupsKeep) || backupsKeep < 1) throw new CliError('--backups-keep debe ser un entero ≥ 1');
  const searchWorkers = values['search-workers'] === undefined ? undefined : Number(values['search-workers']);
  if (searchWorkers !== undefined && (!Number.isInteger(searchWorkers) || searchWorkers < 0 || searchWorkers > 16)) throw new CliError('--search-workers debe ser un entero entre 0 y 16');
  if (!isInitialised(dataDir)) throw new CliError(`${dataDir} no tiene base de datos. Créela con: npm run cli -- init --data-dir ${dataDir} …`);

  // Group commit: many workstations' audited reads and registrations share one fsync.
  const store = await unlockStore(dataDir, { passphrase: readSecretFile(passphraseFile, 'la frase de acceso') }, { groupCommit: true, backgroundCheckpoints: true });
  // --search-workers N: searches on N read-only worker threads beside the main thread. Off by default:
  // on 2 cores shared with the clients it measured no faster and each worker costs about 90 MB.
  const ctx = serviceContext(store, { security: idle ? { idleTimeoutSeconds: idle } : {}, backupsKeep, searchWorkers: searchWorkers ?? 0 });

  // TLS by default off loopback: patient data never crosses the hospital LAN in clear.
  const loopback = LOOPBACK.has(bind);
  let tls = null;
  if (values['tls-cert'] && values['tls-key']) tls = loadTls(values['tls-cert'], values['tls-key']);
  else if (!loopback) tls = await ensureSelfSignedTls(dataDir, bind);

  const allowedHosts = new Set<string>();
  const app = await buildHost({
    dispatch: createDispatcher(ctx),
    rendererDir: values['renderer-dir'] ?? join(repoRoot, 'dist', 'renderer'),
    allowedHosts,
    https: tls ? { key: tls.key, cert: tls.cert } : null,
  });
  await app.listen({ port, host: bind });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const hostNames = loopback ? ['127.0.0.1', 'localhost', '[::1]'] : [bind.includes(':') ? `[${bind}]` : bind];
  for (const name of [...hostNames, ...(values['allowed-host'] ?? [])]) allowedHosts.add(`${name}:${actualPort}`.toLowerCase());

  const scheme = tls ? 'https' : 'http';
  console.log(`listening on ${scheme}://${bind.includes(':') ? `[${bind}]` : bind}:${actualPort}`);
  if (tls) console.error(`certificate fingerprint (SHA-256): ${tls.fingerprint}`);

  const automatic = values['no-auto-backup'] || !ctx.backups
    ? null
    : startAutomaticBackups(ctx, ctx.backups, {
        onResult: (outcome) => {
          if (outcome === 'failed') console.error('error: la copia de seguridad automática falló; vea el registro de auditoría (backup.create).');
        },
      });

  // The name index merged into one segment whenever no one has registered for a minute (search-index-merges.ts).
  const compaction = compactSearchIndexWhenQuiet(ctx.db, {
    onError: (error) => console.error(`error: la compactación del índice de nombres falló: ${(error as Error)?.message ?? error}`),
  });

  // The names every search re-ranks, read into the page cache while the first requests come (name-candidates-warming.ts).
  const warming = warmNameCandidatesInBackground(ctx.db, {
    onError: (error) => console.error(`error: la lectura anticipada de los nombres falló: ${(error as Error)?.message ?? error}`),
  });

  const stop = async () => {
    automatic?.stop();
    await warming.stop();
    await compaction.stop();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runHost(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof CliError || error instanceof StoreError) console.error(`error: ${error.message}`);
    else console.error('error:', error);
    process.exit(1);
  });
}
