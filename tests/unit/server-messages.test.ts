// The renderer's English for the server's Spanish messages: every message the server's source can
// send has an English text (the scan below), and the translation behaves (exact, pattern, fallback).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scanServerMessages, type FoundMessage } from '../helpers/server-messages-scan';
import { englishServerMessage, registerEnglishServerMessages, serverText } from '../../renderer/src/i18n/server-messages';
import { exactMessages, messagePatterns } from '../../renderer/src/i18n/server-messages.en';
import { registerPatientInput } from '../../electron/api/index';

const ROOT = resolve(import.meta.dirname, '../..');

// The UI registers it when English is chosen (renderer/src/i18n/index.ts).
registerEnglishServerMessages({ exactMessages, messagePatterns });

/** Texts in message positions that are never sent to a user (internal assertions, settings checks). */
const NOT_SENT = new Set([
  'released small ', // electron/core/disclosure/small-cells.ts: an assertion caught by the report code
  'suppressed value recoverable at ', // the same
  'https only', // electron/main/settings.ts: the stored settings file, never shown
  'SHA-256 fingerprint, upper case with colons', // the same
]);

/** Paths as the storage layer names them (db/*.ts): spaces, accents, brackets, a drive's colon. */
const WINDOWS_DB = 'C:\\Users\\Ana María\\AppData\\Roaming\\Acogida (prueba)\\acogida.db';
const POSIX_DB = '/home/unidad/datos 2026. v2/acogida.db';
const BACKUP = 'D:\\Copias (USB)\\acogida-2026-11-23T0141.db';
const PATHS = [[WINDOWS_DB], [POSIX_DB], [BACKUP]];

/**
 * Sample values for the `${…}` of a template literal, by "file|expr ⋯ expr": every tuple must translate.
 * Expressions not listed here are tried with a number and a word; one of them must translate.
 */
const SAMPLES: Record<string, string[][]> = {
  'electron/api/patients.ts|what': [['el nombre'], ['los nombres'], ['los apellidos']],
  "electron/api/patients.ts|what[0]!.toUpperCase() ⋯ what.slice(1)": [['E', 'l nombre'], ['L', 'os nombres'], ['L', 'os apellidos']],
  'electron/api/patients.ts|p.documentType': [['CC'], ['TI'], ['CE']],
  'electron/api/exports.ts|what': [
    ['el indicador RMRP'],
    ['el nombre de la actividad'],
    ['la organización que hace el llamamiento (Appealing organisation)'],
    ['la organización que implementa (Implementing partner)'],
    ['el subsector'],
  ],
  'electron/api/sessions.ts|what ⋯ max': [['Motivo de consulta', '4000'], ['Necesidades de protección', '2000'], ['Nota clínica', '20000'], ['Plan', '4000']],
  'electron/api/instruments.ts|label ⋯ why': [['3', 'cuando la pregunta 2 es "no"'], ['6b', 'cuando la pregunta 6 es "no"']],
  'electron/core/appointments.ts|clinician.display_name ⋯ when': [['Ana Pérez', 'ese día atiende 08:00–12:00, 14:00–18:00'], ['Ana Pérez', 'ese día no tiene horario']],
  'electron/core/appointments.ts|what ⋯ row.status': [['reprogramar', 'cancelled'], ['cancelar', 'completed'], ['registrar la llegada de', 'no_show'], ['marcar como inasistencia', 'checked_in']],
  "electron/core/patients.ts|target?.record_number ?? 'otro'": [['SM-2026-000123'], ['otro']],
  'electron/core/backup-restore.ts|problem.message': [['El archivo se abre con la clave pero no tiene el esquema de Acogida.']],
  'electron/core/backup-verify.ts|report.audit.firstBrokenId ⋯ report.audit.reason': [['12', 'el contenido de la fila fue modificado'], ['12', 'falta la fila 12 (la siguiente es 14)']],
  "electron/core/reports/r4v.ts|i + 2 ⋯ row.Month ⋯ row.Admin2 ⋯ row.Indicator ⋯ problems.join('; ')": [
    ['3', '2026-10', 'Cúcuta', 'Number of people receiving MHPSS', 'falta el indicador o la actividad; Total mensual (3) menor que nuevos beneficiarios (4)'],
  ],
  // The storage layer's StoreErrors (db/*.ts): paths as users have them, SQLite's and Node's own English.
  'db/connection.ts|file': PATHS,
  'db/backup.ts|source': PATHS,
  'db/backup.ts|dir': [['C:\\Copias (USB)'], ['/media/unidad/copias: noviembre']],
  'db/backup.ts|out': PATHS,
  'db/backup.ts|snapshot.integrity[0]': [['*** in database main ***\nPage 12: btreeInitPage() returns error code 11']],
  'db/backup-snapshot.ts|error.message': [['SQLITE_FULL: database or disk is full'], ['Worker terminated due to reaching memory limit: JS heap out of memory']],
  'db/backup-snapshot.ts|code': [['1'], ['null']],
  'db/keyring.ts|file': [['C:\\Users\\Ana María\\AppData\\Roaming\\Acogida (prueba)\\keyring.json'], ['/home/unidad/datos 2026. v2/keyring.json']],
  'db/restore-swap.ts|file': PATHS,
  'db/backup-check.ts|original': PATHS,
  'db/backup-check.ts|label': PATHS,
  'db/backup-check.ts|original ⋯ size': [[BACKUP, '4096'], [POSIX_DB, '0']],
  'db/backup-check.ts|original ⋯ sidecar.keyId ⋯ ours': [[BACKUP, '3f9a0c1d2e4b5a67', '0123456789abcdef']],
  "db/store.ts|dataDir ⋯ leftovers.join(', ')": [['C:\\Users\\Ana María\\AppData\\Roaming\\Acogida (prueba)', 'acogida.db, keyring.json'], ['/home/unidad/datos 2026. v2', 'acogida.db-wal']],
};
const GENERIC = ['12', 'X'];

function key(m: FoundMessage): string {
  return `${m.where.replace(/:\d+$/, '')}|${m.expressions.join(' ⋯ ')}`;
}

function fill(m: FoundMessage, values: string[]): string {
  return m.strings.map((s, i) => s + (values[i] ?? '')).join('');
}

/** The messages (filled with sample values) of one found literal that have no English. */
function untranslated(m: FoundMessage): string[] {
  if (m.expressions.length === 0) return englishServerMessage(m.strings[0]!) === null ? [m.strings[0]!] : [];
  const tuples = SAMPLES[key(m)];
  if (tuples) return tuples.map((t) => fill(m, t)).filter((s) => englishServerMessage(s) === null);
  let combos: string[][] = [[]];
  for (let i = 0; i < m.expressions.length; i++) combos = combos.flatMap((c) => GENERIC.map((g) => [...c, g]));
  return combos.some((c) => englishServerMessage(fill(m, c)) !== null) ? [] : [fill(m, combos[0]!)];
}

describe('the server messages the renderer translates', () => {
  const found = scanServerMessages(ROOT).filter((m) => !NOT_SENT.has(m.strings[0]!));

  it('finds the messages of the server’s source', () => {
    // A floor that catches a scan that silently stopped finding them (there are about 300).
    expect(found.length).toBeGreaterThan(250);
    expect(found.filter((m) => m.expressions.length > 0).length).toBeGreaterThan(40);
    const texts = new Set(found.map((m) => m.strings.join('${}')));
    for (const sample of [
      'Usuario o contraseña incorrectos.', // a constant (auth.ts BAD_CREDENTIALS)
      'Su rol no tiene permiso para esta acción.', // a default parameter (errors.ts forbidden)
      'La contraseña no puede ser una secuencia de teclado', // a returned problem (password-policy.ts)
      'Número entero', // a zod check's only argument (.int('…'))
      'Escriba la organización a la que se remite', // an addIssue message
      'Escribiendo el archivo', // an export job's progress
      'La sesión se cerró por inactividad. Inicie sesión de nuevo.', // a conditional's branch
      'El ${} lleva solo dígitos (3 a 15)', // a template literal
      'falta el indicador o la actividad', // a pushed R4V problem
      'Demasiadas solicitudes con esta sesión. Espere ${} s.', // the LAN host's envelope
      'La frase de acceso no es correcta. No se modificó ningún archivo.', // a StoreError of the storage layer (db/keyring.ts)
      'No se encontró la base de datos en ${}.', // a StoreError's template literal (db/connection.ts)
      'La base de datos está en uso por otro proceso (el servidor de Acogida o la aplicación de escritorio). Ciérrelo y repita la restauración. No se modificó nada.', // a StoreError's constant (db/restore-swap.ts)
    ]) {
      expect(texts, sample).toContain(sample);
    }
  });

  it('reads the storage layer but not its migrations', () => {
    const db = found.filter((m) => m.where.startsWith('db/'));
    // 25 StoreError messages in db/*.ts (keyring, connection, store, backup, backup-check, backup-snapshot, restore-swap).
    expect(db.length).toBeGreaterThanOrEqual(25);
    expect(db.filter((m) => m.where.startsWith('db/migrations/'))).toEqual([]);
  });

  it('has English for every one of them', () => {
    const missing = found.flatMap((m) => untranslated(m).map((text) => `${m.where}: ${text}`));
    expect(missing).toEqual([]);
  });

  it('notices a message the catalogue does not know', () => {
    expect(untranslated({ where: 'x.ts:1', strings: ['Mensaje nuevo sin traducir'], expressions: [] })).toEqual(['Mensaje nuevo sin traducir']);
    expect(untranslated({ where: 'x.ts:1', strings: ['Otro mensaje con ', ' dentro'], expressions: ['n'] })).toHaveLength(1);
  });

  it('notices a StoreError of the storage layer the catalogue does not know', () => {
    // A scratch copy of a db/ file with one new message: the scan finds it and the check reports it.
    const scratch = mkdtempSync(join(tmpdir(), 'server-messages-'));
    try {
      mkdirSync(join(scratch, 'db'));
      writeFileSync(
        join(scratch, 'db/keyring.ts'),
        [
          "import { StoreError } from './errors';",
          'export function check(file: string): void {',
          "  throw new StoreError('keyring_damaged', `El archivo de claves ${file} tiene un formato nuevo que nadie tradujo.`);",
          '}',
          "export const known = () => new StoreError('wrong_passphrase', 'La frase de acceso no es correcta. No se modificó ningún archivo.');",
        ].join('\n'),
      );
      const scanned = scanServerMessages(scratch, [join(scratch, 'db/keyring.ts')]);
      expect(scanned.map((m) => m.where)).toEqual(['db/keyring.ts:3', 'db/keyring.ts:5']);
      expect(scanned.flatMap((m) => untranslated(m))).toEqual(['El archivo de claves C:\\Users\\Ana María\\AppData\\Roaming\\Acogida (prueba)\\keyring.json tiene un formato nuevo que nadie tradujo.', 'El archivo de claves /home/unidad/datos 2026. v2/keyring.json tiene un formato nuevo que nadie tradujo.']);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('has English for zod’s own Spanish messages (z.locales.es) where a schema gives none', () => {
    const { localeError } = z.locales.es();
    const issues: object[] = [
      { code: 'invalid_type', expected: 'string', input: 3 },
      { code: 'invalid_type', expected: 'number', input: undefined },
      { code: 'invalid_type', expected: 'Date', input: 'x' },
      { code: 'invalid_value', values: ['a'] },
      { code: 'invalid_value', values: ['a', 'b'] },
      { code: 'too_big', origin: 'string', maximum: 60, inclusive: true },
      { code: 'too_big', origin: 'array', maximum: 5, inclusive: true },
      { code: 'too_big', origin: 'number', maximum: 240, inclusive: true },
      { code: 'too_small', origin: 'string', minimum: 1, inclusive: true },
      { code: 'too_small', origin: 'number', minimum: 0, inclusive: false },
      { code: 'invalid_format', format: 'regex', pattern: '/^a$/' },
      { code: 'invalid_format', format: 'starts_with', prefix: 'a' },
      { code: 'invalid_format', format: 'email' },
      { code: 'not_multiple_of', divisor: 5 },
      { code: 'unrecognized_keys', keys: ['a'] },
      { code: 'unrecognized_keys', keys: ['a', 'b'] },
      { code: 'invalid_key', origin: 'record' },
      { code: 'invalid_union' },
      { code: 'invalid_element', origin: 'map' },
    ];
    const texts = issues.map((issue) => localeError(issue as never));
    const missing = texts.filter((text) => typeof text !== 'string' || englishServerMessage(text) === null);
    expect(missing).toEqual([]);
    expect(englishServerMessage(texts[0] as string)).toBe('Invalid input: expected string, received number');
    expect(englishServerMessage(texts[5] as string)).toBe('Too big: expected string to have <=60 characters');
  });

  it('translates what a contract schema answers in the forms', () => {
    const parsed = registerPatientInput.safeParse({ patient: { givenNames: '', familyNames: 'Pérez', documentType: 'CC', documentNumber: '12A' } });
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((i) => i.message);
    expect(messages.length).toBeGreaterThan(3);
    expect(messages.filter((m) => englishServerMessage(m) === null)).toEqual([]);
  });
});

describe('serverText', () => {
  it('answers the Spanish text as it is in Spanish', () => {
    expect(serverText('Escriba los nombres', 'es')).toBe('Escriba los nombres');
    expect(serverText('Usuario o contraseña incorrectos.', 'es')).toBe('Usuario o contraseña incorrectos.');
  });

  it('translates exact messages into English', () => {
    expect(serverText('Usuario o contraseña incorrectos.', 'en')).toBe('Wrong username or password.');
    expect(serverText('Su rol no tiene permiso para esta acción.', 'en')).toBe('Your role is not allowed to do this.');
  });

  it('translates messages built from templates, their captured phrases too', () => {
    expect(serverText('Escriba los nombres', 'en')).toBe('Enter the given names');
    expect(serverText('Los apellidos: máximo 80 caracteres', 'en')).toBe('Family names: at most 80 characters');
    expect(serverText('El CC lleva solo dígitos (3 a 15)', 'en')).toBe('The CC has digits only (3 to 15)');
    expect(serverText('Máximo 120 caracteres', 'en')).toBe('At most 120 characters');
    expect(serverText('Nota clínica: máximo 20000 caracteres', 'en')).toBe('Clinical note: at most 20000 characters');
    expect(serverText('Ana Pérez ya tiene una cita a las 08:30: elija otra hora.', 'en')).toBe('Ana Pérez already has an appointment at 08:30: choose another time.');
    expect(serverText('No se puede cancelar una cita en estado "completed".', 'en')).toBe('An appointment with status "completed" cannot be cancelled.');
    expect(serverText('Cuenta bloqueada por intentos fallidos. Intente de nuevo en 15 min o pida a un administrador que restablezca la contraseña.', 'en')).toBe(
      'Account locked after failed attempts. Try again in 15 min or ask an administrator to reset the password.',
    );
    expect(serverText('El archivo se abre con la clave pero no tiene el esquema de Acogida. No se modificó nada.', 'en')).toBe(
      'The file opens with the key but does not have the Acogida schema. Nothing was changed.',
    );
  });

  it('translates the storage layer’s messages, its paths unchanged', () => {
    expect(serverText(`No se encontró la base de datos en ${WINDOWS_DB}.`, 'en')).toBe(`The database was not found at ${WINDOWS_DB}.`);
    expect(serverText(`No se pudo leer la base de datos (${POSIX_DB}): el archivo está dañado o no corresponde a esta clave. No se modificó nada.`, 'en')).toBe(
      `The database (${POSIX_DB}) could not be read: the file is damaged or does not match this key. Nothing was changed.`,
    );
    expect(serverText('La frase de acceso no es correcta. No se modificó ningún archivo.', 'en')).toBe('The passphrase is not correct. No file was changed.');
    expect(serverText(`No existe el archivo ${BACKUP}.`, 'en')).toBe(`The file ${BACKUP} does not exist.`);
    // restore's own wording of a missing file keeps its pattern
    expect(serverText(`No existe el archivo ${BACKUP}. No se modificó nada.`, 'en')).toBe(`The file ${BACKUP} does not exist. Nothing was changed.`);
    expect(serverText(`La copia ${BACKUP} fue hecha con otra clave (id 3f9a0c1d2e4b5a67; esta unidad usa 0123456789abcdef): no se puede restaurar aquí. No se modificó nada.`, 'en')).toBe(
      `The backup ${BACKUP} was made with another key (id 3f9a0c1d2e4b5a67; this unit uses 0123456789abcdef): it cannot be restored here. Nothing was changed.`,
    );
    expect(serverText(`${WINDOWS_DB} ya existe; elija otro nombre (una copia nunca se sobrescribe).`, 'en')).toBe(`${WINDOWS_DB} already exists; choose another name (a backup is never overwritten).`);
    expect(serverText('No se pudo copiar la base de datos: SQLITE_FULL: database or disk is full. La copia incompleta se descarta.', 'en')).toBe(
      'The database could not be copied: SQLITE_FULL: database or disk is full. The incomplete copy is discarded.',
    );
  });

  it('keeps the Spanish text when it does not know the message or a phrase in it', () => {
    expect(serverText('Un mensaje que el catálogo no conoce', 'en')).toBe('Un mensaje que el catálogo no conoce');
    expect(serverText('Escriba algo desconocido aquí', 'en')).toBe('Escriba algo desconocido aquí');
    expect(serverText('Un problema nuevo. No se modificó nada.', 'en')).toBe('Un problema nuevo. No se modificó nada.');
  });

  it('never answers blank, and leaves English text alone', () => {
    expect(serverText('', 'en')).toBe('');
    expect(serverText('Enter the name', 'en')).toBe('Enter the name');
  });
});
