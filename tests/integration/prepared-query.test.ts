// db/prepared.ts: a query compiled once answers exactly what the same query built each time answers,
// whatever the parameters, inside a transaction too; and a builder whose placeholder would not be a
// single parameter of the statement is refused at its first run instead of binding the wrong values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { prepared } from '../../db/prepared';
import type { Database } from '../../db/schema';
import type { Role } from '../../electron/api/procedure';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
const usernames = ['ana', 'beto', 'carla', 'dario'];

beforeAll(async () => {
  unit = await createTestUnit();
  for (const name of usernames) await unit.addUser(name, name === 'dario' ? 'admin' : 'reception');
}, 60_000);
afterAll(() => unit.cleanup());

const byRoleAndName = prepared((db: Kysely<Database>, p: { role: Role; after: string }) =>
  db.selectFrom('users').select(['username', 'role']).where('role', '=', p.role).where('username', '>', p.after).orderBy('username'),
);

describe('a prepared query', () => {
  it('answers what the query built each time answers, for every set of parameters', async () => {
    const db = unit.ctx.db;
    for (const role of ['reception', 'admin', 'clinician'] as const) {
      for (const after of ['', 'ana', 'beto', 'zzz']) {
        const built = await db.selectFrom('users').select(['username', 'role']).where('role', '=', role).where('username', '>', after).orderBy('username').execute();
        expect(await byRoleAndName.rows(db, { role, after })).toEqual(built);
        expect(await byRoleAndName.first(db, { role, after })).toEqual(built[0]);
      }
    }
    expect((await byRoleAndName.rows(db, { role: 'reception', after: '' })).map((r) => r.username)).toEqual(['ana', 'beto', 'carla']);
  });

  it('writes within the caller’s transaction, and a rollback takes the write back', async () => {
    const rename = prepared((db: Kysely<Database>, p: { from: string; to: string }) => db.updateTable('users').set({ display_name: p.to }).where('username', '=', p.from));
    await unit.ctx.db.transaction().execute(async (trx) => {
      await rename.run(trx, { from: 'ana', to: 'Ana María' });
    });
    await expect(
      unit.ctx.db.transaction().execute(async (trx) => {
        await rename.run(trx, { from: 'beto', to: 'Roberto' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const names = await unit.ctx.db.selectFrom('users').select(['username', 'display_name']).where('username', 'in', ['ana', 'beto']).orderBy('username').execute();
    expect(names).toEqual([
      { username: 'ana', display_name: 'Ana María' },
      { username: 'beto', display_name: 'Persona beto' },
    ]);
  });

  it('refuses a placeholder given as an IN list, used twice, or spread as an object', async () => {
    const db = unit.ctx.db;
    const inList = prepared((d: Kysely<Database>, p: { names: string[] }) => d.selectFrom('users').select('id').where('username', 'in', p.names));
    const twice = prepared((d: Kysely<Database>, p: { name: string }) => d.selectFrom('users').select('id').where('username', '=', p.name).where('display_name', '=', p.name));
    const spread = prepared((d: Kysely<Database>, p: { display_name: string }) => d.updateTable('users').set({ ...p }).where('id', '=', 0));
    // Kysely writes `in ?` for a single value: SQLite refuses the statement rather than match nothing.
    await expect(inList.rows(db, { names: ['ana'] })).rejects.toThrow(/syntax error/);
    await expect(twice.rows(db, { name: 'ana' })).rejects.toThrow(/prepared: each parameter/);
    await expect(spread.run(db, { display_name: 'x' })).rejects.toThrow();
  });
});
