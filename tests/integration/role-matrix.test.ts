// Every procedure × every role × no session, through the dispatcher (IPC path) and the HTTP host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { allows, contract, ROLES, type Role } from '../../electron/api/index';
import type { ServedProcedure } from '../../electron/core/handlers';
import { buildHost } from '../../electron/host/server';
import { auditCount, createTestUnit, dataDigest, type TestUnit } from '../helpers/temp-store';
import { prepareSamples, type SampleKit } from '../helpers/samples';

let unit: TestUnit;
let host: FastifyInstance;
let kit: SampleKit;
let counter = 0;

const procedures = Object.entries(contract).filter(([, def]) => def.transport !== 'desktop').map(([name]) => name as ServedProcedure);

beforeAll(async () => {
  unit = await createTestUnit();
  kit = await prepareSamples(unit);
  host = await buildHost({ dispatch: unit.dispatch, rendererDir: null, allowedHosts: new Set(['localhost:80']) });
});
afterAll(async () => {
  await host?.close();
  await unit.cleanup();
});

/** A fresh user per cell, so a cell that changes a password or logs out does not touch the next. */
async function freshToken(role: Role): Promise<string> {
  const username = `${role}${++counter}`;
  await unit.addUser(username, role);
  return unit.login(username);
}

type Cell = { procedure: ServedProcedure; role: Role | null };
const cells: Cell[] = procedures.flatMap((procedure) => [null, ...ROLES].map((role) => ({ procedure, role })));

function expected({ procedure, role }: Cell): 'ok' | 401 | 403 {
  const access = contract[procedure].access;
  if (access === 'public') return 'ok';
  if (role === null) return 401;
  return allows(access, role) ? 'ok' : 403;
}

/** Who may call what, written out: loosening a procedure's roles must change this table too. */
const ACCESS: Record<ServedProcedure, string> = {
  'auth.login': 'public',
  'auth.logout': 'authenticated',
  'auth.me': 'authenticated',
  'auth.changePassword': 'authenticated',
  'users.list': 'admin',
  'users.create': 'admin',
  'users.update': 'admin',
  'users.resetPassword': 'admin',
  'users.sessions': 'admin',
  'users.endSessions': 'admin',
  'audit.list': 'admin',
  'audit.verify': 'admin',
  'patients.register': 'admin,reception',
  'patients.update': 'admin,reception',
  'patients.get': 'admin,clinician,reception',
  'patients.history': 'admin,clinician,reception',
  'patients.search': 'admin,clinician,reception',
  'patients.checkDuplicates': 'admin,reception',
  'patients.merge': 'admin',
  'appointments.book': 'admin,clinician,reception',
  'appointments.reschedule': 'admin,clinician,reception',
  'appointments.cancel': 'admin,clinician,reception',
  'appointments.checkIn': 'admin,clinician,reception',
  'appointments.markNoShow': 'admin,clinician,reception',
  'appointments.get': 'admin,clinician,reception',
  'appointments.list': 'admin,clinician,reception',
  'appointments.waitingList': 'admin,clinician,reception',
  'clinicians.list': 'admin,clinician,reception',
  'clinicians.setSchedule': 'admin',
  'unit.info': 'authenticated',
  'unit.update': 'admin',
  'sessions.create': 'clinician',
  'sessions.update': 'clinician',
  'sessions.sign': 'clinician',
  'sessions.amend': 'clinician',
  'sessions.get': 'clinician',
  'sessions.listForPatient': 'clinician',
  'sessions.listDrafts': 'clinician',
  'sessions.listVisits': 'admin,clinician,reception',
  'referrals.updateStatus': 'clinician',
  'instruments.catalog': 'clinician',
  'instruments.history': 'clinician',
  'alerts.list': 'clinician',
  'alerts.acknowledge': 'clinician',
  'activities.record': 'admin,clinician',
  'activities.update': 'admin,clinician',
  'activities.get': 'admin,clinician',
  'activities.list': 'admin,clinician',
  'stats.dashboard': 'admin',
  'stats.monthlyReport': 'admin',
  'exports.create': 'admin',
  'exports.status': 'admin',
  'exports.list': 'admin',
  'exports.download': 'admin',
  'exports.r4vConfig': 'admin',
  'exports.setR4vConfig': 'admin',
  'backups.create': 'admin',
  'backups.list': 'admin',
  'backups.status': 'admin',
  'demo.seed': 'admin',
};

/** Allowed, but refused by the state of the fixture (which already has patients). */
const REFUSED_BY_STATE: Partial<Record<ServedProcedure, 'conflict'>> = { 'demo.seed': 'conflict' };

describe('role matrix', () => {
  it('grants exactly the access written in the table above', () => {
    for (const procedure of procedures) {
      const access = contract[procedure].access;
      expect(typeof access === 'string' ? access : [...access].sort().join(','), procedure).toBe(ACCESS[procedure]);
    }
  });

  it('covers every served procedure of the contract', () => {
    expect(Object.keys(kit.samples).sort()).toEqual([...procedures].sort());
  });

  it.each(cells.map((c) => [c.procedure, c.role ?? 'no session', c] as const))('%s as %s (dispatcher)', async (_p, _r, cell) => {
    const token = cell.role ? await freshToken(cell.role) : null;
    const input = await kit.samples[cell.procedure](token);
    const digest = await dataDigest(unit.store);
    const audits = auditCount(unit.store);
    const result = await unit.call(cell.procedure, input, token);
    const want = expected(cell);
    if (want === 'ok') {
      const refused = REFUSED_BY_STATE[cell.procedure];
      if (refused) expect(result.ok ? 'ok' : result.error.code, JSON.stringify(result)).toBe(refused);
      else expect(result.ok, JSON.stringify(result)).toBe(true);
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(want === 401 ? 'unauthenticated' : 'forbidden');
    expect(await dataDigest(unit.store)).toEqual(digest);
    const newRows = await unit.store.db.selectFrom('audit_log').selectAll().where('id', '>', audits).execute();
    if (want === 403) {
      expect(newRows.map((r) => [r.action, r.outcome, JSON.parse(r.details).procedure])).toEqual([['access.denied', 'denied', cell.procedure]]);
    } else {
      expect(newRows).toEqual([]);
    }
  });

  it.each(cells.map((c) => [c.procedure, c.role ?? 'no session', c] as const))('%s as %s (HTTP)', async (_p, _r, cell) => {
    const token = cell.role ? await freshToken(cell.role) : null;
    const payload = JSON.stringify(await kit.samples[cell.procedure](token));
    const digest = await dataDigest(unit.store);
    const response = await host.inject({
      method: 'POST',
      url: `/api/${cell.procedure}`,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload,
    });
    const want = expected(cell);
    if (want === 'ok' && REFUSED_BY_STATE[cell.procedure]) {
      expect(response.statusCode, response.body).toBe(409);
      return;
    }
    if (want === 'ok') {
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).not.toHaveProperty('error');
      return;
    }
    expect(response.statusCode).toBe(want);
    expect(response.json()).toEqual({ error: expect.objectContaining({ code: want === 401 ? 'unauthenticated' : 'forbidden', message: expect.any(String) }) });
    expect(await dataDigest(unit.store)).toEqual(digest);
  });
});
