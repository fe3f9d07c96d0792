// `npm run cli -- <command> [options]`: set-up and maintenance without a window. Non-interactive.
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { StoreError } from '../../db/errors';
import { writeBackup } from '../../db/backup';
import { initStore, unlockDataKey, unlockStore } from '../../db/store';
import { createUserInput } from '../api/users';
import { recordAudit } from '../core/audit';
import { restoreBackup } from '../core/backup-restore';
import { backupsOf } from '../core/backup-service';
import { compactStore, type CompactionResult } from '../core/compaction';
import { verifyBackup, type BackupReport } from '../core/backup-verify';
import { zodIssues } from '../core/dispatch';
import { AppError } from '../core/errors';
import { createUser } from '../core/users';
import { seedDataset } from '../core/synthetic/seed-dataset';
import { passwordProblem } from '../core/password-policy';
import { CliError, readSecretFile } from './secrets';
import { serviceContext } from './service-context';

const USAGE = `Uso:
  npm run cli -- init --data-dir DIR --admin-username U --admin-password-file F --passphrase-file P [--admin-name "Nombre"]
  npm run cli -- users add --data-dir DIR --passphrase-file P --username U --role reception|clinician|admin --password-file F [--name "Nombre"]
  npm run cli -- backup --data-dir DIR --passphrase-file P [--out FILE]
  npm run cli -- restore --data-dir DIR --passphrase-file P --from FILE
  npm run cli -- verify --data-dir DIR --passphrase-file P --file FILE
  npm run cli -- seed --data-dir DIR --passphrase-file P --patients N [--sessions-per-patient K] [--seed S] [--no-compact]
  npm run cli -- compact --data-dir DIR --passphrase-file P [--discard-previous]`;

function required(values: Record<string, unknown>, ...names: string[]): void {
  const missing = names.filter((n) => typeof values[n] !== 'string' || values[n] === '');
  if (missing.length) throw new CliError(`Faltan opciones: ${missing.map((m) => `--${m}`).join(', ')}\n${USAGE}`);
}

function parseUser(input: unknown) {
  const parsed = createUserInput.safeParse(input);
  if (!parsed.success) throw new CliError(zodIssues(parsed.error).map((i) => `${i.path}: ${i.message}`).join('\n'));
  return parsed.data;
}

async function init(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      'admin-username': { type: 'string' },
      'admin-password-file': { type: 'string' },
      'admin-name': { type: 'string' },
      'passphrase-file': { type: 'string' },
    },
    strict: true,
  });
  required(values, 'data-dir', 'admin-username', 'admin-password-file', 'passphrase-file');
  const passphrase = readSecretFile(values['passphrase-file']!, 'la frase de acceso');
  if ([...passphrase].length < 12) throw new CliError('La frase de acceso debe tener al menos 12 caracteres.');
  const admin = parseUser({
    username: values['admin-username'],
    displayName: values['admin-name'] ?? 'Administrador',
    role: 'admin',
    password: readSecretFile(values['admin-password-file']!, 'la contraseña'),
  });
  // Check everything before creating files, so a refused admin password leaves no half-made database.
  const problem = passwordProblem(admin.password, { username: admin.username });
  if (problem) throw new CliError(`--admin-password-file: ${problem}`);
  const { store, recoveryKey } = await initStore(values['data-dir']!, passphrase);
  try {
    await createUser(serviceContext(store), null, admin, 'cli');
  } finally {
    await store.close();
  }
  console.log(`Base de datos cifrada creada en ${resolve(values['data-dir']!)}`);
  console.log(`Administrador: ${admin.username}`);
  console.log('');
  console.log('CLAVE DE RECUPERACIÓN (se muestra una sola vez; imprímala y guárdela bajo llave):');
  console.log(`  ${recoveryKey}`);
  console.log('Sin la frase de acceso ni esta clave, los datos no se pueden recuperar.');
}

async function usersAdd(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      'passphrase-file': { type: 'string' },
      username: { type: 'string' },
      role: { type: 'string' },
      'password-file': { type: 'string' },
      name: { type: 'string' },
    },
    strict: true,
  });
  required(values, 'data-dir', 'passphrase-file', 'username', 'role', 'password-file');
  const user = parseUser({
    username: values.username,
    displayName: values.name ?? values.username,
    role: values.role,
    password: readSecretFile(values['password-file']!, 'la contraseña'),
  });
  const store = await unlockStore(values['data-dir']!, { passphrase: readSecretFile(values['passphrase-file']!, 'la frase de acceso') });
  try {
    const { user: created } = await createUser(serviceContext(store), null, user, 'cli');
    console.log(`Usuario creado: ${created.username} (${created.role}), id ${created.id}`);
  } finally {
    await store.close();
  }
}

const passphraseOf = (values: Record<string, unknown>) => readSecretFile(values['passphrase-file'] as string, 'la frase de acceso');

async function backup(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, 'passphrase-file': { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  required(values, 'data-dir', 'passphrase-file');
  const store = await unlockStore(values['data-dir']!, { passphrase: passphraseOf(values) });
  try {
    const ctx = serviceContext(store);
    if (values.out) {
      const out = resolve(values.out);
      const result = await writeBackup(store.dataDir, out, store.dataKey);
      await recordAudit(ctx, { action: 'backup.create', actorUsername: 'cli', origin: 'cli', details: { trigger: 'cli', file: basename(out), bytes: result.bytes } });
      console.log(`Copia de seguridad cifrada creada: ${out} (${result.bytes} bytes, integridad ok)`);
    } else {
      const result = await backupsOf(ctx).create(ctx, { kind: 'cli' });
      console.log(`Copia de seguridad cifrada creada: ${resolve(backupsOf(ctx).list().directory, result.file)} (${result.bytes} bytes, integridad ok)`);
    }
  } finally {
    await store.close();
  }
}

/** `--from FILE`, `--in FILE` or a positional FILE (restore); `--file FILE` or positional (verify). */
function fileArgument(values: Record<string, unknown>, positionals: string[], names: string[]): string {
  const given = [...names.map((n) => values[n]).filter((v): v is string => typeof v === 'string' && v !== ''), ...positionals];
  if (given.length !== 1) throw new CliError(`Indique un solo archivo con --${names[0]} FILE.\n${USAGE}`);
  return resolve(given[0]!);
}

function printReport(report: BackupReport): void {
  console.log(`Archivo: ${report.file} (${report.bytes} bytes)`);
  console.log(`Clave: coincide (id ${report.keyId})`);
  console.log(`Integridad: ${report.integrity.length === 0 ? 'ok' : `${report.integrity.length} problema(s): ${report.integrity[0]}`}`);
  if (report.migrations.applied.length > 0) {
    const pending = report.migrations.pending.length;
    console.log(`Esquema: ${report.migrations.applied.length} migraciones${pending ? `; ${pending} pendiente(s), se aplicarán al restaurar` : ', al día'}`);
  }
  if (report.audit) {
    console.log(report.audit.ok ? `Auditoría: cadena verificada (${report.audit.checked} filas)` : `Auditoría: cadena rota en la fila ${report.audit.firstBrokenId} (${report.audit.reason})`);
  }
  const tables = Object.entries(report.tables);
  if (tables.length > 0) {
    console.log('Filas por tabla:');
    for (const [name, count] of tables) console.log(`  ${name} ${count}`);
  }
}

async function verify(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, 'passphrase-file': { type: 'string' }, file: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  required(values, 'data-dir', 'passphrase-file');
  const file = fileArgument(values, positionals, ['file']);
  const dataKey = await unlockDataKey(values['data-dir']!, { passphrase: passphraseOf(values) });
  const report = await verifyBackup(file, dataKey);
  printReport(report);
  const problem = report.problems[0];
  if (problem) throw new CliError(problem.message);
  console.log('Resultado: la copia es válida y se puede restaurar.');
}

async function restore(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, 'passphrase-file': { type: 'string' }, from: { type: 'string' }, in: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  required(values, 'data-dir', 'passphrase-file');
  const file = fileArgument(values, positionals, ['from', 'in']);
  // Only the key: opening the store here would hold the very database that must be replaced.
  const dataKey = await unlockDataKey(values['data-dir']!, { passphrase: passphraseOf(values) });
  const result = await restoreBackup(values['data-dir']!, file, dataKey, { origin: 'cli' });
  printReport(result.report);
  console.log(`Base de datos restaurada desde ${file}.`);
  console.log(result.previous ? `La base de datos anterior quedó en ${result.previous}.` : 'No había una base de datos anterior.');
}

/** A positive integer option, or the default when absent. */
function integerOption(values: Record<string, unknown>, name: string, fallback: number, min: number, max: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new CliError(`--${name} debe ser un entero entre ${min} y ${max}`);
  return value;
}

async function seed(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      'passphrase-file': { type: 'string' },
      patients: { type: 'string' },
      'sessions-per-patient': { type: 'string' },
      seed: { type: 'string' },
      'no-compact': { type: 'boolean', default: false },
    },
    strict: true,
  });
  required(values, 'data-dir', 'passphrase-file', 'patients');
  const patients = integerOption(values, 'patients', 0, 1, 10_000_000);
  const sessionsPerPatient = integerOption(values, 'sessions-per-patient', 3, 0, 50);
  const seedValue = integerOption(values, 'seed', 1, 1, 2 ** 31 - 1);
  const store = await unlockStore(values['data-dir']!, { passphrase: passphraseOf(values) });
  try {
    const ctx = serviceContext(store);
    const result = await seedDataset(ctx, store.raw, {
      patients,
      sessionsPerPatient,
      seed: seedValue,
      origin: 'cli',
      onProgress: (p) => console.log(`${p.patientsDone.toLocaleString('es-CO')} / ${p.patientsTotal.toLocaleString('es-CO')} pacientes · ${p.rows.toLocaleString('es-CO')} filas · ${Math.round(p.rowsPerSecond).toLocaleString('es-CO')} filas/s`),
    });
    await ctx.readOnly?.close();
    if (result.cliniciansCreated) console.log(`Se crearon ${result.cliniciansCreated} cuentas de clínicos de demostración (contraseñas aleatorias: restablézcalas como administrador).`);
    console.log(`Datos sintéticos: ${result.patients} pacientes, ${result.sessions} sesiones firmadas, ${result.appointments} citas, ${result.activities} actividades (${result.from} a ${result.to}).`);
    console.log(`${result.rows} filas en ${result.seconds.toFixed(1)} s (${Math.round(result.rowsPerSecond)} filas/s).`);
  } finally {
    await store.close();
  }
  if (values['no-compact']) return;
  // A bulk load leaves its indexes 88% full; compacted, every search reads fewer pages. The file
  // before compaction held nothing the compacted one lacks (checked): not kept.
  console.log('Compactando la base de datos…');
  try {
    printCompaction(await compactStore(values['data-dir']!, store.dataKey, { origin: 'cli', keepPrevious: false }));
  } catch (error) {
    // The seeding is done and stays: only the compaction waits for the host to stop.
    if (!(error instanceof StoreError && error.code === 'database_in_use')) throw error;
    console.log('Los datos sintéticos quedaron guardados, pero no se compactó la base de datos: está abierta por otro proceso (el servidor de Acogida o la aplicación de escritorio). Ciérrelo y ejecute npm run cli -- compact.');
  }
}

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toLocaleString('es-CO', { maximumFractionDigits: 1 })} MB`;

function printCompaction(result: CompactionResult): void {
  console.log(`Base de datos compactada en ${result.seconds.toFixed(1)} s: ${megabytes(result.bytesBefore)} → ${megabytes(result.bytesAfter)} (integridad ok, mismas filas en cada tabla).`);
  if (result.previous) console.log(`El archivo anterior quedó en ${result.previous}; bórrelo cuando haya comprobado que Acogida abre con normalidad.`);
}

async function compact(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, 'passphrase-file': { type: 'string' }, 'discard-previous': { type: 'boolean', default: false } },
    strict: true,
  });
  required(values, 'data-dir', 'passphrase-file');
  // Only the key: opening the store here would hold the very database that must be rewritten.
  const dataKey = await unlockDataKey(values['data-dir']!, { passphrase: passphraseOf(values) });
  printCompaction(await compactStore(values['data-dir']!, dataKey, { origin: 'cli', keepPrevious: !values['discard-previous'] }));
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    return await runCommand(argv);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) throw new CliError(`Opciones no válidas: ${(error as Error).message}`);
    throw error;
  }
}

async function runCommand(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  if (command === 'init') return init(argv.slice(1));
  if (command === 'users' && sub === 'add') return usersAdd(rest);
  if (command === 'backup') return backup(argv.slice(1));
  if (command === 'restore') return restore(argv.slice(1));
  if (command === 'verify') return verify(argv.slice(1));
  if (command === 'seed') return seed(argv.slice(1));
  if (command === 'compact') return compact(argv.slice(1));
  throw new CliError(USAGE);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCli(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof CliError || error instanceof StoreError || error instanceof AppError) console.error(`error: ${error.message}`);
    else console.error('error:', error);
    process.exit(1);
  });
}
