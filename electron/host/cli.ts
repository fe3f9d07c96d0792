// `npm run cli -- <command> [options]`: set-up and maintenance without a window. Non-interactive.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { StoreError } from '../../db/errors';
import { initStore, unlockStore } from '../../db/store';
import { createUserInput } from '../api/users';
import { zodIssues } from '../core/dispatch';
import { AppError } from '../core/errors';
import { createUser } from '../core/users';
import { passwordProblem } from '../core/password-policy';
import { CliError, readSecretFile } from './secrets';
import { serviceContext } from './service-context';

const USAGE = `Uso:
  npm run cli -- init --data-dir DIR --admin-username U --admin-password-file F --passphrase-file P [--admin-name "Nombre"]
  npm run cli -- users add --data-dir DIR --passphrase-file P --username U --role reception|clinician|admin --password-file F [--name "Nombre"]`;

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

export async function runCli(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  if (command === 'init') return init(argv.slice(1));
  if (command === 'users' && sub === 'add') return usersAdd(rest);
  throw new CliError(USAGE);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCli(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof CliError || error instanceof StoreError || error instanceof AppError) console.error(`error: ${error.message}`);
    else console.error('error:', error);
    process.exit(1);
  });
}
