// Group commit (the LAN host's store): concurrent audited reads share commits, yet each answer
// waits until its own audit row is durable, the hash chain verifies, a failing transaction loses
// only its own rows, and a failed commit fails every member and keeps none of their rows.
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEncrypted, type RawDatabase } from '../../db/connection';
import { GroupCommitSqliteDialect } from '../../db/group-commit';
import type { Database } from '../../db/schema';
import { withStatementCache } from '../../db/statement-cache';
import { appendAudit, checkAuditChain } from '../../electron/core/audit';
import { createDispatcher, type Dispatch } from '../../electron/core/dispatch';
import { patientInput } from '../helpers/patients';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
let token: string;
let patientIds: number[];
let dialect: GroupCommitSqliteDialect;
let db: Kysely<Database>;
let dispatch: Dispatch;
/** A second connection: what it sees is committed. */
let other: RawDatabase;

beforeAll(async () => {
  unit = await createTestUnit();
  await unit.addUser('recepcion', 'reception');
  token = await unit.login('recepcion');
  patientIds = [];
  for (let i = 0; i < 30; i++) {
    const r = await unit.call('patients.register', { patient: patientInput({ givenNames: `Persona ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, documentNumber: `7.000.${String(i).padStart(3, '0')}` }) }, token);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    patientIds.push((r.value as { patient: { id: number } }).patient.id);
  }
  // From here on only the group-commit instance touches the connection.
  dialect = new GroupCommitSqliteDialect(withStatementCache(unit.store.raw));
  db = new Kysely<Database>({ dialect });
  dispatch = createDispatcher({ ...unit.ctx, db }, { log: () => {} });
  other = openEncrypted(unit.store.databaseFile, unit.store.dataKey, { readonly: true });
}, 60_000);

afterAll(async () => {
  other?.close();
  await db.destroy();
  await unit.cleanup();
});

const get = (patientId: number) => dispatch('patients.get', { patientId }, { token, origin: 'test' });
const committedReads = (patientId: number) =>
  (other.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'patients.read' AND patient_id = ?`).get(patientId) as { n: number }).n;

describe('group commit', () => {
  it('answers concurrent audited reads only once each audit row is committed, in fewer commits than reads', async () => {
    const before = { ...dialect.stats };
    const seenAtAnswer: number[] = [];
    const answers = await Promise.all(
      patientIds.map((id) =>
        get(id).then((answer) => {
          // At the moment of the answer, another connection already sees the row.
          seenAtAnswer.push(committedReads(id));
          return answer;
        }),
      ),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(seenAtAnswer.every((n) => n === 1)).toBe(true);
    const batches = dialect.stats.batches - before.batches;
    expect(dialect.stats.transactions - before.transactions).toBe(patientIds.length);
    expect(batches).toBeGreaterThanOrEqual(1);
    expect(batches).toBeLessThan(patientIds.length / 2);
    expect(await checkAuditChain(db)).toMatchObject({ ok: true });
  });

  it('loses only the rows of a transaction that fails; the others of its batch are committed', async () => {
    const ids = patientIds.slice(0, 6);
    const failing = db.transaction().execute(async (trx) => {
      await appendAudit(unit.ctx, trx, { action: 'test.rolled_back', details: {} });
      throw new Error('the handler failed after writing');
    });
    const [outcomes, failed, missing] = await Promise.all([
      Promise.all(ids.map(get)),
      failing.then(() => 'committed', (error: Error) => error.message),
      get(9_999_999),
    ]);
    expect(outcomes.every((a) => a.ok)).toBe(true);
    expect(failed).toBe('the handler failed after writing');
    expect(!missing.ok && missing.error.code).toBe('not_found');
    for (const id of ids) expect(committedReads(id)).toBe(2);
    expect(other.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'test.rolled_back'`).get()).toEqual({ n: 0 });
    expect(await checkAuditChain(db)).toMatchObject({ ok: true });
  });

  it('fails every member of a batch whose commit fails, and keeps none of their rows', async () => {
    const ids = patientIds.slice(10, 16);
    const auditRowsBefore = (other.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    // A foreign key checked only at COMMIT: the whole batch's commit fails.
    const poisoned = db.transaction().execute(async (trx) => {
      await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
      await trx.insertInto('patient_phones').values({ patient_id: 9_999_999, position: 0, number: '300 000 0000', search_key: '3000000000', whatsapp: 0 }).execute();
    });
    const [outcomes, poison] = await Promise.all([Promise.all(ids.map(get)), poisoned.then(() => 'committed', () => 'failed')]);
    expect(poison).toBe('failed');
    expect(outcomes.every((a) => !a.ok && a.error.code === 'internal')).toBe(true);
    expect((other.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditRowsBefore);
    // Each was read once by the first test, and not again.
    for (const id of ids) expect(committedReads(id)).toBe(1);

    // The next batch starts clean.
    const after = await get(ids[0]!);
    expect(after.ok).toBe(true);
    expect(committedReads(ids[0]!)).toBe(2);
    expect(await checkAuditChain(db)).toMatchObject({ ok: true });
  });

  it('commits the open batch before a write outside a transaction, which is not batched', async () => {
    let write!: Promise<unknown>;
    const member = db.transaction().execute(async (trx) => {
      await appendAudit(unit.ctx, trx, { action: 'test.member', details: {} });
      // Queued behind this transaction: it runs once the member has joined the batch, before the batch commits.
      write = db.updateTable('auth_sessions').set({ origin: 'test' }).where('id', '=', -1).execute();
    });
    await new Promise((resolve) => setTimeout(resolve, 0)).then(() => write);
    expect(other.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'test.member'`).get()).toEqual({ n: 1 });
    await member;
    expect(await checkAuditChain(db)).toMatchObject({ ok: true });
  });
});
