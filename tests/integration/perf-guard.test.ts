// The CI profile of the benchmark, on its "unit" size: only gross regressions it can measure
// reliably, never absolute times. Every search and report query keeps using an index (no full scan of patients or sessions),
// and encryption costs far less than 3× on a fixed search workload (issue 7; `npm run bench` has the numbers).
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema';
import { reachRowsOf } from '../../db/reach-cells';
import { dashboardInput } from '../../electron/api/stats';
import { R4V_DEFAULTS } from '../../electron/core/exports';
import { loadPatient, loadSummaries } from '../../electron/core/patient-rows';
import { nameTokens } from '../../electron/core/names';
import { exactMatchExpression, nameMatchConditions, searchPatientIds } from '../../electron/core/patient-search';
import { computeDashboard } from '../../electron/core/reports/dashboard';
import { computeMonthlyReport } from '../../electron/core/reports/monthly-report';
import { computeR4v } from '../../electron/core/reports/r4v';
import { seedDataset } from '../../electron/core/synthetic/seed-dataset';
import { makePlainCopy, openPlain } from '../../scripts/bench/plain-copy';
import { buildQueries, QUERY_KINDS } from '../../scripts/bench/queries';
import { SIZES } from '../../scripts/bench/sizes';
import { createTestUnit, type TestUnit } from '../helpers/temp-store';

let unit: TestUnit;
/** A month of a store that holds a year: a report must read that month through the date indexes. */
const MONTH = { from: '2026-10-01', to: '2026-10-31' };

// The bench's "unit" size (50,000 patients, 150,000 sessions): query plans and ratios as the bench sees them.
beforeAll(async () => {
  unit = await createTestUnit();
  await seedDataset(unit.ctx, unit.store.raw, { ...SIZES.unit, seed: 5 });
}, 300_000);
afterAll(() => unit.cleanup());

/** Runs `work` on a Kysely that records every statement it sends. */
async function capture(work: (db: Kysely<Database>) => Promise<unknown>): Promise<{ sql: string; parameters: readonly unknown[] }[]> {
  const seen: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: unit.store.raw }),
    log: (event) => {
      if (event.level === 'query') seen.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  await work(db);
  return seen;
}

/** Full scans of patients or sessions (by name or by alias) in a statement's query plan. */
function fullScans(sqlText: string, parameters: readonly unknown[]): string[] {
  const plan = (unit.store.raw.prepare(`EXPLAIN QUERY PLAN ${sqlText}`).all(...(parameters as unknown[])) as { detail: string }[]).map((r) => r.detail);
  const names = new Set(['patients', 'sessions']);
  for (const m of sqlText.matchAll(/"?(patients|sessions)"?\s+(?:as\s+)?"?(\w+)"?/gi)) if (!/^(where|on|join|inner|left|group|order)$/i.test(m[2]!)) names.add(m[2]!);
  // MIN or MAX alone is one seek at an end of sessions_period, though the plan shows a search on status.
  const bounds = /^\s*SELECT \(SELECT MIN\(starts_at\) FROM sessions INDEXED BY sessions_period WHERE status = 'signed'\)/i.test(sqlText);
  return plan.filter((d) => {
    const scan = /^SCAN (\w+)(.*)$/.exec(d);
    // A search of signed sessions on status alone reads every signed session: a scan in disguise.
    const allSigned = /^SEARCH (\w+) USING (COVERING )?INDEX sessions_period \(status=\?\)$/.exec(d);
    return (scan && names.has(scan[1]!) && !/USING (COVERING )?INDEX/.test(scan[2]!)) || (allSigned && names.has(allSigned[1]!) && !bounds);
  });
}

/** The query plan of a statement, one line per step. */
function planOf(s: { sql: string; parameters: readonly unknown[] }): string[] {
  return planTree(s).map((r) => r.detail);
}

/** The query plan with each step's parent, to tell which subquery a temporary B-tree belongs to. */
function planTree(s: { sql: string; parameters: readonly unknown[] }): { id: number; parent: number; detail: string }[] {
  return unit.store.raw.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...(s.parameters as unknown[])) as { id: number; parent: number; detail: string }[];
}

describe('query plans (EXPLAIN QUERY PLAN)', () => {
  it('patient search, every kind of query, never scans patients', async () => {
    const queries = buildQueries(unit.store.raw, 5);
    const statements = await capture(async (db) => {
      for (const kind of QUERY_KINDS) for (const q of queries[kind]) await searchPatientIds(db, q, 21);
    });
    expect(statements.length).toBeGreaterThan(30);
    for (const s of statements) expect(fullScans(s.sql, s.parameters), s.sql).toEqual([]);
  });

  it("a name search reads its candidates' names from the narrow index, never their wide rows", async () => {
    const queries = buildQueries(unit.store.raw, 5);
    const statements = await capture(async (db) => {
      for (const q of [...queries.name_prefix, ...queries.full_name, ...queries.name_with_typo]) await searchPatientIds(db, q, 21);
    });
    // The candidates' statements (the words' counts, also asked of patient_search, read no patient).
    const candidates = statements.filter((s) => /\bpatient_search MATCH\b/.test(s.sql) && /\bJOIN patients AS p\b/.test(s.sql));
    expect(candidates.length).toBeGreaterThanOrEqual(15);
    for (const s of candidates) {
      expect(planOf(s).filter((d) => /\b(p|patients)\b/.test(d) && !/patient_search/.test(d))).toEqual(['SEARCH p USING COVERING INDEX patients_name_candidates (id=?)']);
    }
  });

  it('a name typed by its first letters is not looked up as typed when no one is named so', async () => {
    const spelled = unit.store.raw.prepare("SELECT 1 FROM name_variants WHERE kind = 's' AND variant = ? AND term = ?");
    const isName = (word: string) => spelled.get(word, word) !== undefined;
    const prefixes = buildQueries(unit.store.raw, 60).name_prefix;
    const unknown = prefixes.filter((q) => nameTokens(q).some((t) => !isName(t)));
    const known = prefixes.filter((q) => nameTokens(q).every(isName));
    expect(unknown.length).toBeGreaterThan(20);
    expect(known.length).toBeGreaterThan(0);
    const asTypedAsked = async (q: string) => {
      const statements = await capture((db) => searchPatientIds(db, q, 21));
      return statements.some((s) => s.parameters.includes(exactMatchExpression(nameTokens(q))));
    };
    // The index would answer nothing: the lookup was a millisecond and more at a million for "Gera Cast".
    for (const q of unknown) expect(await asTypedAsked(q), q).toBe(false);
    // Words that are names ("Rosa Pére" is not, "Rosa Luis" is) are still asked as typed first.
    for (const q of known) expect(await asTypedAsked(q), q).toBe(true);
  });

  it('a misspelled name whose words as typed match no one widens the likeliest typo first, its rarest word', async () => {
    let searchesWidened = 0;
    let widenings = 0;
    for (const q of buildQueries(unit.store.raw, 60).name_with_typo) {
      const tokens = nameTokens(q);
      const narrow = await nameMatchConditions(unit.ctx.db, tokens);
      const wide = await nameMatchConditions(unit.ctx.db, tokens, 'wide');
      const statements = await capture((db) => searchPatientIds(db, q, 21));
      // Each widening asks the widened word's condition, which holds its neighbours.
      const widened = wide.filter((w, i) => w.expression !== narrow[i]!.expression && statements.some((s) => String(s.parameters[0]).includes(w.expression)));
      if (widened.length) searchesWidened++;
      widenings += widened.length;
    }
    expect(searchesWidened).toBeGreaterThan(10);
    // Words widened in the order typed took 1.9 lookups a search on this store (1.03 rarest first), each of every word.
    expect(widenings / searchesWidened).toBeLessThan(1.25);
  });

  it('a page of results and a patient record read phones from the covering index alone', async () => {
    const ids = (await searchPatientIds(unit.ctx.db, buildQueries(unit.store.raw, 1).common_surname[0]!, 20)).map((h) => h.id);
    expect(ids.length).toBeGreaterThan(0);
    const statements = await capture(async (db) => {
      await loadSummaries(db, ids, new Date());
      await loadPatient(db, ids[0]!, new Date());
    });
    const phones = statements.filter((s) => /\bpatient_phones\b/.test(s.sql));
    expect(phones).toHaveLength(2);
    // A page's ids come as one JSON array (json_each); patient_phones itself is read by the index only.
    for (const s of phones) {
      expect(planOf(s).filter((d) => /patient_phones/.test(d))).toEqual([expect.stringMatching(/^SEARCH patient_phones USING COVERING INDEX patient_phones_by_patient \(patient_id=\?/)]);
    }
  });

  it('the reach cells of a few people (kept at every signing) never scan patients or sessions', async () => {
    const statements = await capture((db) => reachRowsOf(db, { ids: [101, 202, 303] }));
    expect(statements).toHaveLength(1);
    expect(fullScans(statements[0]!.sql, statements[0]!.parameters)).toEqual([]);
    expect(planOf(statements[0]!).filter((d) => /^SCAN (s|r|k)\b/.test(d))).toEqual([]);
  });

  it('the monthly report, the R4V 5W and the dashboard for a month never scan patients or sessions', async () => {
    const config = { ...R4V_DEFAULTS, appealingOrganisation: 'Hospital', implementingPartner: 'Hospital' } as Parameters<typeof computeR4v>[1];
    const statements = await capture(async (db) => {
      await computeMonthlyReport(db, { ...MONTH, threshold: 5 });
      await computeMonthlyReport(db, { from: '2026-10-02', to: '2026-10-31', threshold: 5 });
      await computeR4v(db, config, MONTH);
      await computeDashboard(db, dashboardInput.parse(MONTH));
    });
    expect(statements.length).toBeGreaterThan(3);
    const scans = statements.flatMap((s) => fullScans(s.sql, s.parameters).map((d) => `${d} ← ${s.sql.slice(0, 160)}`));
    expect(scans).toEqual([]);
  });
});

describe('report query shapes (issue 7: a year on a million patients)', () => {
  const YEAR = { from: '2025-11-01', to: '2026-10-31' };
  /** Periods that are not whole months: the monthly report counts them from the sessions. */
  const YEAR_OF_DAYS = { from: '2025-11-02', to: '2026-10-31' };
  const MONTH_OF_DAYS = { from: '2026-10-02', to: '2026-10-31' };

  /** The report's own statement (the other one on sessions reads the bounds of the history). */
  const reportStatement = (statements: { sql: string; parameters: readonly unknown[] }[]) => statements.filter((s) => /\bsessions\b/.test(s.sql) && /GROUP BY/.test(s.sql));

  it('the monthly report over whole months reads only the reach cells of those months, by their key', async () => {
    const statements = await capture((db) => computeMonthlyReport(db, { ...YEAR, threshold: 5 }));
    expect(statements.filter((s) => /\b(from|join)\s+"?(sessions|patients)\b/i.test(s.sql))).toEqual([]);
    const cells = statements.filter((s) => /\breach_cells\b/.test(s.sql));
    expect(cells).toHaveLength(1);
    expect(planOf(cells[0]!).filter((d) => /^SEARCH reach_cells USING PRIMARY KEY \(month>\? AND month<\?\)$/.test(d))).toHaveLength(1);
  });

  it('the monthly report over a year of days groups the sessions by person in index order (sessions_people), without sorting them', async () => {
    const statements = await capture((db) => computeMonthlyReport(db, { ...YEAR_OF_DAYS, threshold: 5 }));
    expect(reportStatement(statements)).toHaveLength(1);
    const tree = planTree(reportStatement(statements)[0]!);
    const pass = tree.filter((r) => /^SEARCH \w+ USING COVERING INDEX sessions_people \(status=\?\)$/.test(r.detail));
    expect(pass).toHaveLength(1);
    // The big pass streams GROUP BY patient_id: no temporary B-tree in its subquery.
    expect(tree.filter((r) => r.parent === pass[0]!.parent && /TEMP B-TREE/.test(r.detail))).toEqual([]);
    expect(tree.filter((r) => /sessions_period/.test(r.detail))).toEqual([]);
    expect(tree.filter((r) => /USING COVERING INDEX patients_report \(id=\?\)/.test(r.detail)).length).toBeGreaterThanOrEqual(2);
    // Never a wide patient row.
    expect(tree.filter((r) => /INTEGER PRIMARY KEY/.test(r.detail))).toEqual([]);
  });

  it('the dashboard for a year streams the scores in person order and counts appointments from a covering index', async () => {
    const statements = await capture((db) => computeDashboard(db, dashboardInput.parse(YEAR)));
    const scores = statements.filter((s) => /\bsession_scores\b/.test(s.sql));
    expect(scores).toHaveLength(1);
    const tree = planTree(scores[0]!);
    const pass = tree.filter((r) => /^SCAN sc USING COVERING INDEX session_scores_person$/.test(r.detail));
    expect(pass).toHaveLength(1);
    expect(tree.filter((r) => r.parent === pass[0]!.parent && /TEMP B-TREE/.test(r.detail))).toEqual([]);
    // Never a wide session or patient row.
    expect(tree.filter((r) => /INTEGER PRIMARY KEY|SEARCH s USING INDEX|SCAN s\b/.test(r.detail))).toEqual([]);
    const appointments = planOf(statements.find((s) => /\bappointments\b/.test(s.sql))!);
    expect(appointments.filter((d) => /USING COVERING INDEX appointments_outcome \(status=\? AND starts_at>\? AND starts_at<\?\)/.test(d))).toHaveLength(1);
  });

  it('the monthly report over a month of days reads only that month, through sessions_period', async () => {
    const statements = await capture((db) => computeMonthlyReport(db, { ...MONTH_OF_DAYS, threshold: 5 }));
    expect(reportStatement(statements)).toHaveLength(1);
    const plan = planOf(reportStatement(statements)[0]!);
    expect(plan.filter((d) => /^SEARCH \w+ USING COVERING INDEX sessions_period \(status=\? AND starts_at>\? AND starts_at<\?\)$/.test(d))).toHaveLength(1);
    expect(plan.filter((d) => /sessions_people/.test(d))).toEqual([]);
  });
});

describe('encryption overhead', () => {
  it('a fixed search workload costs less than 3× on the encrypted store than on a plain copy', async () => {
    const plainFile = join(unit.dir, 'plain.db');
    makePlainCopy(unit.store.databaseFile, unit.store.dataKey, plainFile);
    const plain = openPlain(plainFile);
    const queries = buildQueries(unit.store.raw, 8);
    const workload = QUERY_KINDS.flatMap((k) => queries[k]);
    const round = async (db: Kysely<Database>) => {
      const t0 = performance.now();
      for (const q of workload) await searchPatientIds(db, q, 21);
      return performance.now() - t0;
    };
    // Interleaved rounds, best of each: stable against a busy CI machine.
    const encrypted: number[] = [];
    const clear: number[] = [];
    for (let i = 0; i < 3; i++) {
      encrypted.push(await round(unit.store.db));
      clear.push(await round(plain.db));
    }
    await plain.db.destroy();
    const ratio = Math.min(...encrypted) / Math.min(...clear);
    expect(ratio).toBeLessThan(3);
  }, 30_000);
});
