// Compaction: the same rows in fuller pages, audited in the new file, refused while the store is open.
import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawDatabase } from '../../db/connection';
import type { StoreError } from '../../db/errors';
import { openStore, type Store } from '../../db/store';
import { checkAuditChain } from '../../electron/core/audit';
import { compactStore } from '../../electron/core/compaction';
import { seedDataset } from '../../electron/core/synthetic/seed-dataset';
import { createTestUnit, dataDigest, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let reopened: Store | null = null;

beforeEach(async () => {
  unit = await createTestUnit();
  await unit.addUser('psicologa', 'clinician');
  // Patients inserted in record order: their names reach the name index in random order, as
  // registrations at a desk do.
  await seedDataset(unit.ctx, unit.store.raw, { patients: 3000, sessionsPerPatient: 1, seed: 11, chunkSize: 1000 });
});
afterEach(async () => {
  await reopened?.close();
  reopened = null;
  await unit.cleanup();
});

/** Pages of a b-tree and how full they are (dbstat). */
function pagesOf(raw: RawDatabase, name: string): { pages: number; fill: number } {
  return raw.prepare(`SELECT count(*) AS pages, sum(pgsize - unused) * 1.0 / sum(pgsize) AS fill FROM dbstat WHERE name = ?`).get(name) as { pages: number; fill: number };
}

async function closeUnitStore(): Promise<void> {
  await unit.ctx.readOnly?.close();
  await unit.store.close();
}

describe('compactStore', { timeout: 60_000 }, () => {
  it('rewrites the store with the same rows in fewer, fuller pages and audits it in the new file', async () => {
    const digest = await dataDigest(unit.store);
    const namesBefore = pagesOf(unit.store.raw, 'patients_name_candidates');
    const pageCountBefore = unit.store.raw.pragma('page_count', { simple: true }) as number;
    await closeUnitStore();

    const result = await compactStore(unit.dataDir, unit.store.dataKey, { clock: unit.clock, origin: 'test' });

    expect(result.bytesAfter).toBeLessThan(result.bytesBefore);
    expect(result.previous && existsSync(result.previous)).toBe(true);
    reopened = await openStore(unit.dataDir, unit.store.dataKey);
    expect(await dataDigest(reopened)).toEqual(digest);
    const namesAfter = pagesOf(reopened.raw, 'patients_name_candidates');
    expect(namesAfter.pages).toBeLessThan(namesBefore.pages);
    expect(namesAfter.fill).toBeGreaterThan(0.95);
    expect(namesBefore.fill).toBeLessThan(0.93);
    expect(reopened.raw.pragma('page_count', { simple: true })).toBeLessThan(pageCountBefore);
    expect(reopened.raw.pragma('journal_mode', { simple: true })).toBe('wal');

    const last = await reopened.db.selectFrom('audit_log').select(['action', 'origin', 'details']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'store.compact', origin: 'test' });
    expect(JSON.parse(last.details)).toEqual({ bytesBefore: result.bytesBefore, bytesAfter: result.bytesAfter, freePagesBefore: result.freePagesBefore });
    expect((await checkAuditChain(reopened.db)).ok).toBe(true);
    // Nothing of the work is left behind: the live file, its key ring, the kept old file, the backups folder.
    expect(readdirSync(unit.dataDir).filter((f) => f.includes('.compact-') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('deletes the old file when asked to', async () => {
    await closeUnitStore();
    const result = await compactStore(unit.dataDir, unit.store.dataKey, { clock: unit.clock, keepPrevious: false });
    expect(result.previous).toBeNull();
    expect(readdirSync(unit.dataDir).filter((f) => f.includes('before-compact'))).toEqual([]);
  });

  it('refuses while the store is open, and changes nothing', async () => {
    const digest = await dataDigest(unit.store);
    const auditRows = unit.store.raw.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const refused = await compactStore(unit.dataDir, unit.store.dataKey, { clock: unit.clock }).catch((error: StoreError) => error);
    expect((refused as StoreError).code).toBe('database_in_use');
    expect((refused as StoreError).message).toMatch(/^La base de datos está en uso por otro proceso .*Ciérrelo y repita la compactación\. No se modificó nada\.$/);
    expect(await dataDigest(unit.store)).toEqual(digest);
    expect(unit.store.raw.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditRows);
    expect(readdirSync(unit.dataDir).filter((f) => f.includes('compact'))).toEqual([]);
  });
});
