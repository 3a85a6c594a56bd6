import type { Ctx } from '../core/context';
import type {
  DocumentStore,
  Filter,
  FindOptions,
  NearQuery,
  SearchQuery,
  StoredDoc,
} from '../ports/document-store';
import type { FileStore } from '../ports/files';

/**
 * How much one batch of a deletion job may do. A CloudBase invocation should finish well
 * inside ~3 s: every port call (a store or file operation; each is one to three SDK
 * calls) counts against `maxOps`, and no new operation starts after `budgetMs` of wall
 * time. The progress write that ends a batch is inside `maxOps`.
 */
export interface BatchLimits {
  maxOps: number;
  budgetMs: number;
  /** Rows per removeWhere. */
  removeBatch: number;
  /** Rows read at once where each row needs its own operations (files, archive, anonymise). */
  findBatch: number;
  /** Parent rows per page when clearing the rows linked to them. */
  parentPage: number;
  /** Rows per page when counting files and orders. */
  scanPage: number;
}

export const BATCH_LIMITS: BatchLimits = {
  maxOps: 40,
  budgetMs: 2000,
  removeBatch: 200,
  findBatch: 50,
  parentPage: 20,
  scanPage: 200,
};

/** No bounds: the preview counts everything in one call. */
export const UNBOUNDED: BatchLimits = {
  ...BATCH_LIMITS,
  maxOps: Number.POSITIVE_INFINITY,
  budgetMs: Number.POSITIVE_INFINITY,
};

export interface Meter {
  readonly limits: BatchLimits;
  /** Port calls so far. */
  readonly ops: number;
  /** Whether `n` more calls fit, keeping one for the progress write. */
  fits(n: number): boolean;
  /** How many calls are left before the reserved progress write. */
  left(): number;
}

function countingStore(inner: DocumentStore, tick: () => void): DocumentStore {
  return {
    get<T extends StoredDoc>(c: string, id: string) {
      tick();
      return inner.get<T>(c, id);
    },
    find<T extends StoredDoc>(c: string, f?: Filter, o?: FindOptions) {
      tick();
      return inner.find<T>(c, f, o);
    },
    count(c, f) {
      tick();
      return inner.count(c, f);
    },
    insert(c, d) {
      tick();
      return inner.insert(c, d);
    },
    insertMany(c, d) {
      tick();
      return inner.insertMany(c, d);
    },
    update(c, id, p) {
      tick();
      return inner.update(c, id, p);
    },
    updateIf(c, id, e, p) {
      tick();
      return inner.updateIf(c, id, e, p);
    },
    remove(c, id) {
      tick();
      return inner.remove(c, id);
    },
    removeWhere(c, f, l) {
      tick();
      return inner.removeWhere(c, f, l);
    },
    near<T extends StoredDoc>(c: string, q: NearQuery) {
      tick();
      return inner.near<T>(c, q);
    },
    search<T extends StoredDoc>(c: string, q: SearchQuery) {
      tick();
      return inner.search<T>(c, q);
    },
    transaction<R>(work: (tx: DocumentStore) => Promise<R>) {
      return inner.transaction((tx) => work(countingStore(tx, tick)));
    },
    // Local housekeeping (SQLite only), not a call against CloudBase's budget: not counted.
    ...(inner.purgeRemnants ? { purgeRemnants: () => inner.purgeRemnants!() } : {}),
  };
}

function countingFiles(inner: FileStore, tick: () => void): FileStore {
  const counted =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      tick();
      return f(...args);
    };
  return {
    put: counted(inner.put.bind(inner)),
    get: counted(inner.get.bind(inner)),
    remove: counted(inner.remove.bind(inner)),
    removePrefix: counted(inner.removePrefix.bind(inner)),
    signedUrl: counted(inner.signedUrl.bind(inner)),
  };
}

/** The handler's ports with every store and file call counted against one batch's limits. */
export function metered(ctx: Ctx, limits: BatchLimits): { ctx: Ctx; meter: Meter } {
  const started = Date.now();
  let ops = 0;
  const tick = () => {
    ops++;
  };
  const meter: Meter = {
    limits,
    get ops() {
      return ops;
    },
    left: () => (Date.now() - started >= limits.budgetMs ? 0 : limits.maxOps - 1 - ops),
    fits: (n) => meter.left() >= n,
  };
  return {
    ctx: {
      ...ctx,
      store: countingStore(ctx.store, tick),
      ...(ctx.files ? { files: countingFiles(ctx.files, tick) } : {}),
    },
    meter,
  };
}
