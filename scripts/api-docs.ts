// Renders docs/api.md from the contract, so the documentation cannot drift from the code.
import { z } from 'zod';
import { contract, HTTP_STATUS, type ProcedureDef } from '../electron/api/index';

function accessText(def: ProcedureDef): string {
  if (def.access === 'public') return 'anyone (no session)';
  if (def.access === 'authenticated') return 'any signed-in user';
  return def.access.join(', ');
}

function schemaBlock(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return '```json\n' + JSON.stringify(json, null, 2) + '\n```';
}

const COMMAND_LINE = `## Command line

Non-interactive when its options are given; secrets are read from files (one line; a trailing newline is ignored), never from the command line.

| command | what |
|---|---|
| \`npm run cli -- init --data-dir DIR --admin-username U --admin-password-file F --passphrase-file P [--admin-name "Nombre"]\` | Creates the encrypted database and keyring.json in DIR and the first admin; prints the recovery key once. Refuses a DIR that already has a database. The passphrase has at least 12 characters. |
| \`npm run cli -- users add --data-dir DIR --passphrase-file P --username U --role reception\\|clinician\\|admin --password-file F [--name "Nombre"]\` | Adds a staff account. |
| \`npm run cli -- backup --data-dir DIR --passphrase-file P [--out FILE]\` | An encrypted backup (same key as the database), made while the unit keeps working: a consistent snapshot, \`integrity_check\`ed with the key, then renamed into place atomically. With \`--out\`, into FILE (which must not exist); without, into DIR/backups/acogida-YYYYMMDD-HHMMSS.db, keeping the newest 14. A sidecar FILE.json records the key id, size and SHA-256 (never the key). Audited. |
| \`npm run cli -- verify --data-dir DIR --passphrase-file P --file FILE\` (or a positional FILE) | Checks a backup with DIR's key without changing it: key, integrity, schema version, audit hash chain, and prints the row count of every table. Exit 1 when it could not be restored. |
| \`npm run cli -- restore --data-dir DIR --passphrase-file P --from FILE\` (also \`--in FILE\` or a positional FILE) | Replaces DIR's database by a backup. Refuses, touching nothing, a file that is missing, not a database, unencrypted, made with another key, damaged (checksum or \`integrity_check\`), from a newer version, or whose audit chain is broken. It verifies a copy inside DIR first, then, only if no other process has the database open (stop the host or the app first), swaps it in atomically and keeps the old one as DIR/acogida.db.before-restore-YYYYMMDD-HHMMSS. Older backups are migrated to the current schema; the restore is audited in the restored database. |
| \`npm run cli -- seed --data-dir DIR --passphrase-file P --patients N [--sessions-per-patient K] [--seed S] [--no-compact]\` | Fills DIR's database with SYNTHETIC data for demos and benchmarks (never on a unit's real database): N invented patients (long-tailed Venezuelan and Colombian names with accents and double surnames, document types in realistic proportions, municipalities weighted to the border), K signed sessions each (default 3) with instrument scores and diagnoses over the last year, missed and cancelled appointments on top, community activities. Creates four clinician accounts with random passwords when there are none. Writes in transactions of 50,000 patients, printing progress and rows/s; the same seed S gives the same data. Audited as one \`patients.seed\` event. Then compacts the database as \`compact --discard-previous\` does (a bulk load leaves its indexes about 88% full); \`--no-compact\` skips it. |
| \`npm run cli -- compact --data-dir DIR --passphrase-file P [--discard-previous]\` | Rewrites DIR's database in key order, every index page full: the same rows in fewer pages, so searches read fewer of them (at a million patients a name search read 31 pages instead of 35, and the file shrank from 6.3 to 6.0 GB). Only when no other process has the database open (stop the host or the app first); needs free space in DIR for one full copy. The copy is written encrypted with the same key, checked (\`quick_check\` and the row count of every table against the original, with every writer kept out from the first page copied until the swap), the compaction audited in it as \`store.compact\`, and swapped in atomically; the old file is kept as DIR/acogida.db.before-compact-YYYYMMDD-HHMMSS unless \`--discard-previous\`. Refuses, touching nothing, when the database is in use, the disk lacks space or the check fails. |
| \`npm run host -- --data-dir DIR --passphrase-file P [--port 4317] [--bind 127.0.0.1] [--tls-cert C --tls-key K] [--allowed-host NAME]… [--idle-timeout-seconds N] [--backups-keep N] [--no-auto-backup] [--search-workers N]\` | Serves the renderer and the API; prints one line \`listening on http(s)://HOST:PORT\`. Loopback by default; a LAN address only with \`--bind\`, and then over TLS (a self-signed certificate made once in DIR/tls/, its SHA-256 fingerprint printed on stderr for the workstations to pin). \`--port 0\` picks a free port. Requests whose Host header is not the bind address (or an \`--allowed-host\`) with the port are refused. Backs up automatically into DIR/backups/ at start and then every hour when the newest backup is more than a day old, keeping the newest \`--backups-keep\` (14); \`--no-auto-backup\` turns this off. Concurrent requests' writes share one commit (group commit); each answer still waits until its own rows, audit included, are durable. Once no one has registered, renamed or merged a patient for a minute, the name search index is merged into one segment, in steps of about 13 ms at a million patients with a pause after each. At start it reads the names that searches re-rank into its page cache, newest patients first, up to 60% of the cache (about 0.8 s in the background at a million patients). \`--search-workers N\` runs \`patients.search\` on N read-only worker threads (default 0: the main thread; each worker costs about 90 MB), for a host with cores to spare. |

Exit status 0 on success; 1 with one line \`error: …\` (Spanish) otherwise.`;

export function renderApiDocs(): string {
  const lines: string[] = [];
  lines.push('# Acogida API', '');
  lines.push('Generated from `electron/api/` by `npm run docs:api`; a test fails when this file is out of date.', '');
  lines.push('## Transports', '');
  lines.push('- **LAN host (HTTP)**: `POST /api/<procedure>` with a JSON body (`Content-Type: application/json`) and `Authorization: Bearer <token>` (from `auth.login`). Success: status 200, the output value as the body. Error: the status below and `{"error":{"code","message","issues"?,"retryAfterSeconds"?}}`; `issues` name the fields (`[{"path":"password","message":"…"}]`). Messages are in Spanish, for staff, and stay Spanish whatever the language of the client; the desktop UI shows them in its own language (English from the catalogue `renderer/src/i18n/server-messages.en.ts`, keyed by the Spanish text; a message it does not know stays Spanish).');
  lines.push('- **Electron (IPC)**: `window.acogida.call(name, input)` answers the envelope `{ "ok": true, "value": … }` or `{ "ok": false, "error": … }`. The main process keeps the session token of each window.');
  lines.push('- Every input is parsed with the procedure\'s zod schema; unknown fields are refused. The session and role are checked before the input is parsed, so callers without a session learn nothing about the schemas.', '');
  lines.push('| code | HTTP |', '|---|---|');
  for (const [code, status] of Object.entries(HTTP_STATUS)) lines.push(`| ${code} | ${status} |`);
  lines.push('', 'Other statuses: 413 (body larger than the limit) and 415 (not JSON), both with code `invalid_input`.', '');
  lines.push(COMMAND_LINE, '');
  lines.push('## Procedures', '');
  lines.push('| procedure | who | transport | what |', '|---|---|---|---|');
  for (const [name, def] of Object.entries(contract) as [string, ProcedureDef][]) {
    lines.push(`| [\`${name}\`](#${name.replace('.', '').toLowerCase()}) | ${accessText(def)} | ${def.transport === 'desktop' ? 'desktop only' : 'HTTP and IPC'} | ${def.summary} |`);
  }
  for (const [name, def] of Object.entries(contract) as [string, ProcedureDef][]) {
    lines.push('', `### ${name}`, '', def.summary, '', `Who: ${accessText(def)}.${def.transport === 'desktop' ? ' Desktop (IPC) only.' : ''}`, '');
    lines.push('Input:', '', schemaBlock(def.input), '', 'Output:', '', schemaBlock(def.output));
  }
  return lines.join('\n') + '\n';
}
