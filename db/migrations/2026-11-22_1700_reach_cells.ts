// The people each month reaches, kept ready for the reports (issue 7; db/reach-cells.ts says how a
// period counts each person once). Filled here from the signed sessions already stored, by the
// definition in db/reach-cells.ts: a later change to that definition comes with a migration that
// rebuilds the cells.
import { sql, type Kysely } from 'kysely';
import { rebuildReachCells } from '../reach-cells';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE reach_cells (
    format TEXT NOT NULL, month TEXT NOT NULL, prev_month TEXT NOT NULL, sex TEXT NOT NULL, age_band TEXT NOT NULL,
    population_group TEXT NOT NULL, nationality TEXT NOT NULL, people INTEGER NOT NULL, sessions INTEGER NOT NULL,
    PRIMARY KEY (month, format, prev_month, sex, age_band, population_group, nationality)
  ) WITHOUT ROWID`.execute(db);
  await rebuildReachCells(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE reach_cells`.execute(db);
}
