// Group commit for the LAN host: the write transactions of concurrent requests (an audited read's
// audit row, a registration) share one SQLite transaction and so one fsync (synchronous=FULL),
// instead of one each — on a disk, a commit costs milliseconds during which the single connection,
// and the event loop with it, can do nothing else.
//
// Each `db.transaction()` becomes a SAVEPOINT inside a batch opened with BEGIN IMMEDIATE:
// - its own failure rolls back to its savepoint only; the other members keep their rows;
// - it resolves only after the batch's COMMIT has returned, so no answer ever leaves before its
//   writes (and its audit row) are durable; if the COMMIT fails, every member fails;
// - all members run one after another on the one connection, so the audit hash chain is appended
//   in order, each row linking to the previous one even when it is not yet committed.
// The batch commits once the event loop has handled the requests that were ready together
// (setImmediate). A statement that writes outside a transaction (a raw BEGIN, the session touch)
// first commits the open batch, so it never rides in a batch nobody waits for. Reads outside a
// transaction on this connection see the open batch, as a transaction sees its own writes.
import {
  CompiledQuery,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDatabase,
} from 'kysely';

interface Batch {
  members: number;
  durable: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

export interface GroupCommitStats {
  /** Batches committed (or failed) and the transactions they held. */
  batches: number;
  transactions: number;
}

const SAVEPOINT = 'acogida_group_member';

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const durable = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A batch may fail with no member waiting on it (its only member rolled back).
  durable.catch(() => {});
  return { members: 0, durable, resolve, reject };
}

class BatchLost extends Error {
  constructor() {
    super('The group-commit transaction was rolled back by SQLite; none of its members was committed.');
  }
}

class GroupConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly driver: GroupCommitDriver,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    this.driver.beforeStatement(query.sql);
    return this.inner.executeQuery<R>(query);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class GroupCommitDriver implements Driver {
  private batch: Batch | null = null;
  /** A transaction runs between beginTransaction and commit/rollback. */
  private inMember = false;
  /** The batch the current connection holder committed into: it waits for it on release. */
  private waitFor: Promise<void> | null = null;
  private flushScheduled = false;
  readonly stats: GroupCommitStats = { batches: 0, transactions: 0 };

  constructor(
    private readonly inner: Driver,
    private readonly database: SqliteDatabase & { readonly inTransaction: boolean },
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new GroupConnection(await this.inner.acquireConnection(), this);
  }

  /** Called for every statement a holder runs outside a transaction. */
  beforeStatement(sql: string): void {
    // The statement cache makes this prepare free for the statement about to run anyway.
    if (this.batch && !this.inMember && !this.database.prepare(sql).reader) this.commitBatch();
  }

  /** Our own BEGIN/SAVEPOINT/RELEASE go straight to the connection, past beforeStatement. */
  private exec(connection: DatabaseConnection, sql: string): Promise<QueryResult<unknown>> {
    return (connection as GroupConnection).inner.executeQuery(CompiledQuery.raw(sql));
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.batch && !this.database.inTransaction) this.failBatch(new BatchLost());
    if (!this.batch) {
      // IMMEDIATE takes the write lock now: another process writing (the CLI) makes us wait our turn
      // (busy_timeout) instead of failing to upgrade a read transaction later.
      await this.exec(connection, 'BEGIN IMMEDIATE');
      this.batch = newBatch();
    }
    await this.exec(connection, `SAVEPOINT ${SAVEPOINT}`);
    this.inMember = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    this.inMember = false;
    await this.exec(connection, `RELEASE ${SAVEPOINT}`);
    const batch = this.batch;
    if (!batch || !this.database.inTransaction) {
      const lost = new BatchLost();
      if (batch) this.failBatch(lost);
      throw lost;
    }
    batch.members += 1;
    this.waitFor = batch.durable;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    this.inMember = false;
    if (this.batch && this.database.inTransaction) {
      // Only this member's changes go; the batch and its other members stay.
      await this.exec(connection, `ROLLBACK TO ${SAVEPOINT}`);
      await this.exec(connection, `RELEASE ${SAVEPOINT}`);
    } else if (this.batch) {
      // SQLite rolled the whole transaction back (an I/O error, a full disk): every member is lost.
      this.failBatch(new BatchLost());
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const wait = this.waitFor;
    this.waitFor = null;
    if (this.batch && !this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => void this.flush());
    }
    await this.inner.releaseConnection((connection as GroupConnection).inner);
    // The caller's transaction() resolves (or rejects) only once its batch is committed.
    if (wait) await wait;
  }

  /** Commits the open batch as soon as no transaction holds the connection. */
  private async flush(): Promise<void> {
    this.flushScheduled = false;
    if (!this.batch) return;
    const connection = await this.inner.acquireConnection();
    try {
      this.commitBatch();
    } finally {
      await this.inner.releaseConnection(connection);
    }
  }

  /** Synchronous: called with the connection held, between transactions. */
  private commitBatch(): void {
    const batch = this.batch;
    if (!batch) return;
    if (!this.database.inTransaction) {
      this.failBatch(new BatchLost());
      return;
    }
    try {
      this.database.prepare('COMMIT').run([]);
    } catch (error) {
      if (this.database.inTransaction) this.database.prepare('ROLLBACK').run([]);
      this.failBatch(error);
      return;
    }
    this.batch = null;
    this.stats.batches += 1;
    this.stats.transactions += batch.members;
    batch.resolve();
  }

  private failBatch(error: unknown): void {
    const batch = this.batch;
    this.batch = null;
    if (!batch) return;
    this.stats.batches += 1;
    this.stats.transactions += batch.members;
    batch.reject(error);
  }

  async destroy(): Promise<void> {
    const connection = await this.inner.acquireConnection();
    try {
      this.commitBatch();
    } finally {
      await this.inner.releaseConnection(connection);
    }
    await this.inner.destroy();
  }
}

/** A SQLite dialect whose transactions are group-committed (see the top of this file). */
export class GroupCommitSqliteDialect extends SqliteDialect {
  private driver: GroupCommitDriver | null = null;

  constructor(private readonly database: SqliteDatabase & { readonly inTransaction: boolean }) {
    super({ database });
  }

  override createDriver(): Driver {
    this.driver = new GroupCommitDriver(super.createDriver(), this.database);
    return this.driver;
  }

  get stats(): GroupCommitStats {
    return this.driver?.stats ?? { batches: 0, transactions: 0 };
  }
}
