import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type {
  CollectionSpec,
  DocumentStore,
  Filter,
  FindOptions,
  NearHit,
  NearQuery,
  Patch,
  SearchQuery,
  SearchResult,
  StoredDoc,
} from '../../ports/document-store';
import { DocCache } from './doc-cache';
import { Gate } from './gate';
import { SqliteOps } from './ops';
import { Registry } from './registry';
import { ensureSchema } from './schema';
import { Statements } from './statements';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for a private in-memory database (tests). */
  file: string;
  collections: CollectionSpec[];
}

export interface SqliteDocumentStore extends DocumentStore {
  /** Waits for queued transactions, then closes the database (again is a no-op). */
  close(): Promise<void>;
  /** The connection's durability settings, as SQLite reports them (tests assert them). */
  durability(): { journalMode: string; synchronous: number };
}

type NewDoc = Omit<StoredDoc, '_id'> & { _id?: string };

interface Shared {
  db: Database.Database;
  ops: SqliteOps;
  gate: Gate;
}

/**
 * The DocumentStore over one better-sqlite3 connection. The same class serves as the
 * transaction view handed to `transaction(work)`: with a token it runs directly (it is the
 * transaction), and refuses to run once that transaction has ended.
 */
class SqliteStore implements SqliteDocumentStore {
  constructor(
    private readonly shared: Shared,
    private readonly token: symbol | null = null,
  ) {}

  private exec<T>(op: (ops: SqliteOps) => T): Promise<T> {
    const { gate, ops } = this.shared;
    if (this.token === null) return gate.run(() => op(ops));
    if (!gate.isOpen(this.token))
      return Promise.reject(new Error('the transaction has already ended'));
    try {
      return Promise.resolve(op(ops));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    return this.exec((ops) => ops.get<T>(collection, id));
  }

  find<T extends StoredDoc>(
    collection: string,
    filter?: Filter,
    options?: FindOptions,
  ): Promise<T[]> {
    return this.exec((ops) => ops.find<T>(collection, filter, options));
  }

  count(collection: string, filter?: Filter): Promise<number> {
    return this.exec((ops) => ops.count(collection, filter));
  }

  insert(collection: string, doc: NewDoc): Promise<string> {
    return this.exec((ops) => ops.insert(collection, doc));
  }

  insertMany(collection: string, docs: NewDoc[]): Promise<number> {
    return this.exec((ops) => ops.insertMany(collection, docs));
  }

  update(collection: string, id: string, patch: Patch): Promise<boolean> {
    return this.exec((ops) => ops.update(collection, id, patch));
  }

  updateIf(collection: string, id: string, expected: Filter, patch: Patch): Promise<boolean> {
    return this.exec((ops) => ops.updateIf(collection, id, expected, patch));
  }

  remove(collection: string, id: string): Promise<boolean> {
    return this.exec((ops) => ops.remove(collection, id));
  }

  removeWhere(collection: string, filter: Filter, limit?: number): Promise<number> {
    return this.exec((ops) => ops.removeWhere(collection, filter, limit));
  }

  near<T extends StoredDoc>(collection: string, query: NearQuery): Promise<NearHit<T>[]> {
    return this.exec((ops) => ops.near<T>(collection, query));
  }

  search<T extends StoredDoc>(collection: string, query: SearchQuery): Promise<SearchResult<T>> {
    return this.exec((ops) => ops.search<T>(collection, query));
  }

  /**
   * BEGIN IMMEDIATE takes the write lock up front, so a transaction never fails half-way
   * on a lock upgrade. Nested calls (from this view or from inside the work) join the
   * open transaction.
   */
  transaction<R>(work: (tx: DocumentStore) => Promise<R>): Promise<R> {
    const { db, gate } = this.shared;
    if (this.token !== null) {
      return gate.isOpen(this.token)
        ? work(this)
        : Promise.reject(new Error('the transaction has already ended'));
    }
    const steps = {
      begin: () => db.exec('BEGIN IMMEDIATE'),
      commit: () => db.exec('COMMIT'),
      rollback: () => {
        if (db.inTransaction) db.exec('ROLLBACK');
        // Reads inside the transaction may have cached rows that were never committed.
        this.shared.ops.cache.clear();
      },
    };
    return gate.transaction(steps, (token) => work(new SqliteStore(this.shared, token)));
  }

  /**
   * DEL: copies every page into the file and empties the WAL, whose older frames would
   * otherwise hold deleted rows until a later checkpoint reuses them. With secure_delete
   * the pages copied have the deleted cells zeroed. A reader holding an old snapshot makes
   * it incomplete ("busy"): then it is reported, and the next purge (or close) finishes it.
   */
  purgeRemnants(): Promise<void> {
    const { db, gate } = this.shared;
    if (this.token !== null)
      return Promise.reject(new Error('purgeRemnants cannot run inside a transaction'));
    return gate.run(() => {
      if (!db.open || db.memory) return;
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (result?.busy)
        throw new Error('WAL checkpoint incomplete: a reader holds an old snapshot');
    });
  }

  durability(): { journalMode: string; synchronous: number } {
    const { db } = this.shared;
    return {
      journalMode: String(db.pragma('journal_mode', { simple: true })),
      synchronous: Number(db.pragma('synchronous', { simple: true })),
    };
  }

  close(): Promise<void> {
    return this.shared.gate.run(() => {
      if (this.shared.db.open) this.shared.db.close();
    });
  }
}

export function openSqliteStore(options: SqliteStoreOptions): SqliteDocumentStore {
  const registry = new Registry(options.collections);
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  try {
    if (options.file !== ':memory:') {
      // WAL lets readers run beside the writer. FULL syncs the WAL at every commit, so an
      // acknowledged write survives power loss, not only a process crash (NORMAL may lose
      // the last commits on power loss). Measured in README "Durability".
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('busy_timeout = 5000');
    // DEL: deleted rows are overwritten with zeros, not left in free pages of the file.
    db.pragma('secure_delete = ON');
    ensureSchema(db, registry.all());
  } catch (err) {
    db.close();
    throw err;
  }
  return new SqliteStore({
    db,
    ops: new SqliteOps(
      new Statements(db),
      registry,
      new DocCache(new Map(registry.all().map((spec) => [spec.name, spec.cacheDocs ?? 0]))),
    ),
    gate: new Gate(),
  });
}
