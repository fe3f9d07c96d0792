// A query Kysely builds and compiles once, then runs again with new parameters. On the LAN host's
// hot paths (the session check of every request, the audit row, a record's read, a page of search
// results) building and compiling took about a tenth of the main thread at 300 requests/s on a
// million patients: as much as SQLite spent on some of those statements.
//
// The builder is called once with `p`, whose every property is a placeholder for the argument of
// that name; each must land in the compiled parameters exactly once, as a single value. The first
// run refuses one used twice or spread as an object; one given as an IN list compiles to `in ?`,
// which SQLite refuses. A list of any length goes as one JSON parameter (json_each).
import type { Compilable, CompiledQuery, Kysely } from 'kysely';

class Placeholder {
  constructor(readonly name: string) {}
}

type Output<C> = C extends Compilable<infer O> ? O : never;

export interface PreparedQuery<DB, P, O> {
  /** Every row. */
  rows(db: Kysely<DB>, params: P): Promise<O[]>;
  /** The first row, if any (as executeTakeFirst). */
  first(db: Kysely<DB>, params: P): Promise<O | undefined>;
  /** Runs a statement whose rows are not wanted (an insert, an update). */
  run(db: Kysely<DB>, params: P): Promise<void>;
}

export function prepared<DB, P extends Record<string, unknown>, C extends Compilable<unknown>>(
  build: (db: Kysely<DB>, p: P) => C,
): PreparedQuery<DB, P, Output<C>> {
  let compiled: CompiledQuery<Output<C>> | null = null;

  const compile = (db: Kysely<DB>): CompiledQuery<Output<C>> => {
    const asked = new Set<string>();
    const p = new Proxy({} as P, {
      get(_, name) {
        if (typeof name !== 'string') return undefined;
        asked.add(name);
        return new Placeholder(name);
      },
    });
    const query = build(db, p).compile() as CompiledQuery<Output<C>>;
    const used = query.parameters.filter((v): v is Placeholder => v instanceof Placeholder).map((v) => v.name);
    const wrong = [...asked].filter((name) => used.filter((u) => u === name).length !== 1);
    if (wrong.length || used.length !== asked.size) {
      throw new Error(`prepared: each parameter must be one value of the query, once (${wrong.join(', ') || 'spread'}) in ${query.sql}`);
    }
    return query;
  };

  const execute = async (db: Kysely<DB>, params: P) => {
    compiled ??= compile(db);
    const parameters = compiled.parameters.map((v) => (v instanceof Placeholder ? params[v.name] : v));
    return (await db.executeQuery<Output<C>>({ ...compiled, parameters })).rows;
  };

  return {
    rows: (db, params) => execute(db, params),
    first: async (db, params) => (await execute(db, params))[0],
    run: async (db, params) => {
      await execute(db, params);
    },
  };
}
