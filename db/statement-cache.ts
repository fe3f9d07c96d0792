// Kysely's SQLite driver prepares every statement again on each call; for the host's hot queries
// (FTS joins, the session lookup) preparing costs about as much as running. This keeps the most
// recently used prepared statements, keyed by their SQL text.
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type { RawDatabase } from './connection';

const DEFAULT_MAX = 256;

export type CachedDatabase = SqliteDatabase & { readonly inTransaction: boolean };

export function withStatementCache(raw: RawDatabase, max = DEFAULT_MAX): CachedDatabase {
  const cache = new Map<string, ReturnType<RawDatabase['prepare']>>();
  return {
    close: () => raw.close(),
    get inTransaction() {
      return raw.inTransaction;
    },
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql);
      // A statement still being iterated (a stream) cannot run again: that caller gets a fresh one.
      if (cached && !cached.busy) {
        // Map order is insertion order: re-inserting marks it most recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached as unknown as SqliteStatement;
      }
      const statement = raw.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > max) cache.delete(cache.keys().next().value!);
      }
      return statement as unknown as SqliteStatement;
    },
  };
}
