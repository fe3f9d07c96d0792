// Verifies a backup file with the unit's key: integrity, schema, row counts, audit chain.
// Opens it read-only: verifying never changes the file.
import { statSync } from 'node:fs';
import { inspectBackupFile, integrityProblems, openBackupReadonly } from '../../db/backup-check';
import { createKysely, type RawDatabase } from '../../db/connection';
import type { StoreErrorCode } from '../../db/errors';
import { keyIdOf } from '../../db/keyring';
import { migrations } from '../../db/migrations/index';
import type { AuditVerifyOutput } from '../api/audit';
import { checkAuditChain } from './audit';

export interface BackupReport {
  file: string;
  bytes: number;
  /** The key id of the unit's key, which opened the file. */
  keyId: string;
  /** integrity_check messages; empty when the file is sound. */
  integrity: string[];
  migrations: { applied: string[]; unknown: string[]; pending: string[] };
  /** Row count of every table (FTS shadow tables included), by name. */
  tables: Record<string, number>;
  audit: AuditVerifyOutput | null;
  /** What is wrong, one Spanish line each; empty when the backup can be restored. */
  problems: BackupProblem[];
}

export interface BackupProblem {
  code: StoreErrorCode;
  message: string;
}

function appliedMigrations(raw: RawDatabase): string[] | null {
  const table = raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`).get();
  if (!table) return null;
  return (raw.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
}

export function tableCounts(raw: RawDatabase): Record<string, number> {
  const names = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  const out: Record<string, number> = {};
  for (const { name } of names) out[name] = (raw.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n;
  return out;
}

/** Everything but the engine checks runs on an open connection; `file` is only named in messages. */
export async function verifyOpenBackup(raw: RawDatabase, file: string, dataKey: Buffer): Promise<BackupReport> {
  const report: BackupReport = {
    file,
    bytes: statSync(raw.name).size,
    keyId: keyIdOf(dataKey),
    integrity: integrityProblems(raw),
    migrations: { applied: [], unknown: [], pending: [] },
    tables: {},
    audit: null,
    problems: [],
  };
  if (report.integrity.length > 0) {
    report.problems.push({ code: 'backup_damaged', message: `La copia no pasa la verificación de integridad (${report.integrity.length} problema(s); el primero: ${report.integrity[0]}).` });
    return report;
  }
  const applied = appliedMigrations(raw);
  if (!applied || !applied.includes(Object.keys(migrations)[0]!)) {
    report.problems.push({ code: 'backup_not_acogida', message: 'El archivo se abre con la clave pero no tiene el esquema de Acogida.' });
    return report;
  }
  report.migrations = {
    applied,
    unknown: applied.filter((name) => !(name in migrations)),
    pending: Object.keys(migrations).filter((name) => !applied.includes(name)),
  };
  if (report.migrations.unknown.length > 0) {
    report.problems.push({ code: 'backup_newer_schema', message: `La copia viene de una versión más nueva de Acogida (migraciones desconocidas: ${report.migrations.unknown.join(', ')}); actualice la aplicación antes de restaurarla.` });
  }
  report.tables = tableCounts(raw);
  report.audit = await checkAuditChain(createKysely(raw));
  if (!report.audit.ok) {
    report.problems.push({ code: 'backup_audit_broken', message: `La cadena del registro de auditoría está rota en la fila ${report.audit.firstBrokenId} (${report.audit.reason}): la copia pudo ser alterada.` });
  }
  return report;
}

/**
 * Verifies a backup file. Throws a StoreError when the file cannot be read at all (missing, not a
 * database, unencrypted, another key, changed since it was made); otherwise answers a report whose
 * `problems` say whether it can be restored.
 */
export async function verifyBackup(file: string, dataKey: Buffer): Promise<BackupReport> {
  inspectBackupFile(file, dataKey);
  const raw = openBackupReadonly(file, dataKey);
  try {
    return await verifyOpenBackup(raw, file, dataKey);
  } finally {
    raw.close();
  }
}
