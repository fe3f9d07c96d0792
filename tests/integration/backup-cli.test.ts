// The documented command line: backup, verify, restore, compact, seed, run as an administrator would.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/store';
import { createTestUnit, PASSPHRASE, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let passphraseFile: string;

beforeAll(async () => {
  unit = await createTestUnit();
  await unit.addUser('recepcion', 'reception');
  passphraseFile = join(unit.dir, 'frase.txt');
  writeFileSync(passphraseFile, `${PASSPHRASE}\n`);
});
afterAll(async () => {
  await unit.cleanup();
});

function cli(...args: string[]): Promise<{ code: number; stdout: string; errorLine: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'electron/host/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('exit', (code) => {
      // npm may warn on stderr about its own configuration; the CLI's error is the "error: …" line.
      const errorLines = stderr.split('\n').filter((line) => line.startsWith('error: '));
      resolve({ code: code ?? -1, stdout, errorLine: errorLines.join('\n') });
    });
  });
}

const base = () => ['--data-dir', unit.dataDir, '--passphrase-file', passphraseFile];

describe('npm run cli -- backup | verify | restore | compact | seed', { timeout: 60_000 }, () => {
  let out: string;

  it('backup --out FILE writes an encrypted, verified backup there', async () => {
    out = join(unit.dir, 'copia-manual.db');
    const result = await cli('backup', ...base(), '--out', out);
    expect(result, result.errorLine).toMatchObject({ code: 0 });
    expect(result.stdout).toContain(`Copia de seguridad cifrada creada: ${out}`);
    expect(readFileSync(out).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(existsSync(`${out}.json`)).toBe(true);

    const again = await cli('backup', ...base(), '--out', out);
    expect(again.code).toBe(1);
    expect(again.errorLine).toMatch(/^error: .*ya existe/);
  });

  it('backup without --out goes to DATA_DIR/backups', async () => {
    const result = await cli('backup', ...base());
    expect(result.code, result.errorLine).toBe(0);
    expect(readdirSync(join(unit.dataDir, 'backups')).filter((f) => f.endsWith('.db'))).toHaveLength(1);
  });

  it('verify --file FILE (or a positional FILE) reports integrity, key, counts and the audit chain', async () => {
    for (const args of [['--file', out], [out]]) {
      const result = await cli('verify', ...base(), ...args);
      expect(result.code, result.errorLine).toBe(0);
      expect(result.stdout).toContain('Integridad: ok');
      expect(result.stdout).toContain('Clave: coincide');
      expect(result.stdout).toMatch(/Auditoría: cadena verificada \(\d+ filas\)/);
      expect(result.stdout).toMatch(/^ {2}users 2$/m);
      expect(result.stdout).toContain('Resultado: la copia es válida y se puede restaurar.');
    }
    const junk = join(unit.dir, 'junk.db');
    writeFileSync(junk, 'hola');
    const refused = await cli('verify', ...base(), junk);
    expect(refused.code).toBe(1);
    expect(refused.errorLine).toBe(`error: ${junk} no es una base de datos de Acogida (tamaño 4 bytes). No se modificó nada.`);
  });

  it('restore --from FILE refuses while the database is open, then replaces it and keeps the old one', async () => {
    const busy = await cli('restore', ...base(), '--from', out);
    expect(busy.code).toBe(1);
    expect(busy.errorLine).toMatch(/^error: La base de datos está en uso por otro proceso/);

    await unit.store.close();
    const result = await cli('restore', ...base(), '--from', out);
    expect(result.code, result.errorLine).toBe(0);
    expect(result.stdout).toContain(`Base de datos restaurada desde ${out}.`);
    expect(readdirSync(unit.dataDir).filter((f) => f.startsWith('acogida.db.before-restore-'))).toHaveLength(1);

    // The --in spelling is accepted too, and a second restore keeps a second old copy.
    const viaIn = await cli('restore', ...base(), '--in', out);
    expect(viaIn.code, viaIn.errorLine).toBe(0);
    expect(readdirSync(unit.dataDir).filter((f) => f.startsWith('acogida.db.before-restore-'))).toHaveLength(2);
  });

  it('compact rewrites the closed store, keeps the old file unless --discard-previous, and verifies the copy', async () => {
    const result = await cli('compact', ...base());
    expect(result.code, result.errorLine).toBe(0);
    expect(result.stdout).toMatch(/^Base de datos compactada en [\d.]+ s: .* MB → .* MB \(integridad ok, mismas filas en cada tabla\)\.$/m);
    expect(readdirSync(unit.dataDir).filter((f) => f.startsWith('acogida.db.before-compact-'))).toHaveLength(1);
    const discarding = await cli('compact', ...base(), '--discard-previous');
    expect(discarding.code, discarding.errorLine).toBe(0);
    expect(readdirSync(unit.dataDir).filter((f) => f.startsWith('acogida.db.before-compact-'))).toHaveLength(1);
    const verified = await cli('verify', ...base(), join(unit.dataDir, 'acogida.db'));
    expect(verified.stdout).toMatch(/Auditoría: cadena verificada \(\d+ filas\)/);
  });

  it('seed fills the closed store with synthetic people and compacts it, unless --no-compact', async () => {
    const seeded = await cli('seed', ...base(), '--patients', '200', '--sessions-per-patient', '1', '--seed', '3');
    expect(seeded.code, seeded.errorLine).toBe(0);
    expect(seeded.stdout).toMatch(/^Datos sintéticos: 200 pacientes, 200 sesiones firmadas/m);
    expect(seeded.stdout).toMatch(/^Base de datos compactada en /m);
    // The file before compaction holds nothing the compacted one lacks: not kept.
    expect(readdirSync(unit.dataDir).filter((f) => f.startsWith('acogida.db.before-compact-'))).toHaveLength(1);
    const uncompacted = await cli('seed', ...base(), '--patients', '10', '--sessions-per-patient', '0', '--no-compact');
    expect(uncompacted.code, uncompacted.errorLine).toBe(0);
    expect(uncompacted.stdout).not.toContain('compactada');

    // With the database open elsewhere the seeding is kept and only the compaction is left for later.
    const held = await openStore(unit.dataDir, unit.store.dataKey);
    try {
      const whileOpen = await cli('seed', ...base(), '--patients', '10', '--sessions-per-patient', '0');
      expect(whileOpen.code, whileOpen.errorLine).toBe(0);
      expect(whileOpen.stdout).toContain('Los datos sintéticos quedaron guardados, pero no se compactó la base de datos');
      expect(held.raw.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(220);
    } finally {
      await held.close();
    }
  });

  it('answers one Spanish line and exit status 1 on a missing option', async () => {
    const result = await cli('restore', '--data-dir', unit.dataDir, '--from', out);
    expect(result.code).toBe(1);
    expect(result.errorLine).toMatch(/^error: Faltan opciones: --passphrase-file/);
  });
});
