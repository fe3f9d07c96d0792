import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { registerTally } from '../../db/tally';

describe('tally aggregate', () => {
  it('counts rows and sums weights per key tuple, as GROUP BY would', () => {
    const db = new Database(':memory:');
    registerTally(db);
    db.exec(`CREATE TABLE t (a TEXT, b INTEGER, w INTEGER);
      INSERT INTO t VALUES ('x', 1, 2), ('x', 1, 3), ('x', 2, 1), ('y', 1, 5), (NULL, 1, 1), (NULL, 1, 1), ('', 1, 1), ('1', '1', 1), ('1', 1, 1)`);
    const tallied = JSON.parse((db.prepare('SELECT tally(a, b, w) AS cells FROM t').get() as { cells: string }).cells) as unknown[][];
    const grouped = db.prepare('SELECT a, b, COUNT(*) AS n, SUM(w) AS s FROM t GROUP BY a, b').raw(true).all() as unknown[][];
    const sort = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sort(tallied)).toEqual(sort(grouped));
    expect(JSON.parse((db.prepare('SELECT tally(a, b, w) AS cells FROM t WHERE 0').get() as { cells: string }).cells)).toEqual([]);
    db.close();
  });
});
