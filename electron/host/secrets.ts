import { readFileSync } from 'node:fs';

/** Reads a passphrase or password file: the whole file less one trailing newline. */
export function readSecretFile(file: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`No se pudo leer ${what} en ${file}.`);
  }
  const secret = text.replace(/\r?\n$/, '');
  if (!secret) throw new CliError(`El archivo de ${what} ${file} está vacío.`);
  return secret;
}

/** An error the command line prints as one line, exiting with status 1. */
export class CliError extends Error {}
