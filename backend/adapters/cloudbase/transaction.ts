import {
  DuplicateIdError,
  type DocumentStore,
  type Filter,
  type Patch,
  type StoredDoc,
} from '../../ports/document-store';
import type { Codec } from './codec';
import { randomInt } from 'node:crypto';
import { getOrNull, isTransactionConflict, settle, splitNewDoc } from './docs';
import { matchesFilter } from './memory';
import type { Specs } from './specs';
import type { CbTransaction, CloudbaseDatabase } from './types';

type NewDoc = Omit<StoredDoc, '_id'> & { _id?: string };

const QUERY_IN_TX =
  'CloudBase transactions only read and write single documents by _id (get, insert, update, updateIf, remove); run queries before or after the transaction';

/**
 * The store seen inside `db.runTransaction`. CloudBase transactions work on documents by
 * id, so queries are refused. updateIf reads the document and compares in memory: the
 * transaction's conflict detection makes that read-compare-write atomic. A write conflict
 * runs the work again (see runCloudbaseTransaction), so work may run more than once.
 */
class CloudbaseTxStore implements DocumentStore {
  ended = false;

  constructor(
    private readonly tx: CbTransaction,
    private readonly specs: Specs,
    private readonly codec: Codec,
  ) {}

  private ref(collection: string, id: string) {
    if (this.ended) throw new Error('the transaction has already ended');
    this.specs.get(collection);
    return this.tx.collection(collection).doc(id);
  }

  async get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    const raw = await getOrNull(this.ref(collection, id));
    return raw ? this.codec.fromCloud<T>(this.specs.get(collection), raw) : null;
  }

  async insert(collection: string, doc: NewDoc): Promise<string> {
    const { id, body } = splitNewDoc(doc);
    const ref = this.ref(collection, id);
    if (await getOrNull(ref)) throw new DuplicateIdError(collection, id);
    await settle(ref.set({ data: this.codec.toCloud(this.specs.get(collection), body) }));
    return id;
  }

  async insertMany(collection: string, docs: NewDoc[]): Promise<number> {
    const seen = new Set<string>();
    const prepared = docs.map((doc) => {
      const { id, body } = splitNewDoc(doc);
      if (seen.has(id)) throw new DuplicateIdError(collection, id);
      seen.add(id);
      return { ...body, _id: id };
    });
    for (const doc of prepared) await this.insert(collection, doc);
    return prepared.length;
  }

  update(collection: string, id: string, patch: Patch): Promise<boolean> {
    return this.updateIf(collection, id, {}, patch);
  }

  async updateIf(collection: string, id: string, expected: Filter, patch: Patch): Promise<boolean> {
    const spec = this.specs.check(collection, expected);
    const data = this.codec.patch(spec, patch);
    const current = await this.get(collection, id);
    if (!current || !matchesFilter(current, expected)) return false;
    if (Object.keys(data).length > 0) await settle(this.ref(collection, id).update({ data }));
    return true;
  }

  async remove(collection: string, id: string): Promise<boolean> {
    const ref = this.ref(collection, id);
    if (!(await getOrNull(ref))) return false;
    await settle(ref.remove());
    return true;
  }

  find(): Promise<never> {
    return Promise.reject(new Error(QUERY_IN_TX));
  }
  count(): Promise<never> {
    return Promise.reject(new Error(QUERY_IN_TX));
  }
  removeWhere(): Promise<never> {
    return Promise.reject(new Error(QUERY_IN_TX));
  }
  near(): Promise<never> {
    return Promise.reject(new Error(QUERY_IN_TX));
  }
  search(): Promise<never> {
    return Promise.reject(new Error(QUERY_IN_TX));
  }

  /** Nested calls join this transaction. */
  transaction<R>(work: (tx: DocumentStore) => Promise<R>): Promise<R> {
    return this.ended ? Promise.reject(new Error('the transaction has already ended')) : work(this);
  }
}

/** Attempts before a conflict is given up on: each round lets at least one writer commit. */
const CONFLICT_ATTEMPTS = 8;

/**
 * One transaction, run again on a write conflict. The SDK's runTransaction retries only on an
 * error carrying `code: DATABASE_TRANSACTION_CONFLICT`, which wx-server-sdk's document calls
 * never throw (they rewrap it as -501001): under wx-server-sdk the SDK's retry never fires.
 */
export async function runCloudbaseTransaction<R>(
  db: CloudbaseDatabase,
  specs: Specs,
  codec: Codec,
  work: (tx: DocumentStore) => Promise<R>,
): Promise<R> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await attemptTransaction(db, specs, codec, work);
    } catch (err) {
      if (!isTransactionConflict(err) || attempt >= CONFLICT_ATTEMPTS) throw err;
      // A short random pause, so the writers that collided do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, randomInt(1, 4 * attempt + 2)));
    }
  }
}

async function attemptTransaction<R>(
  db: CloudbaseDatabase,
  specs: Specs,
  codec: Codec,
  work: (tx: DocumentStore) => Promise<R>,
): Promise<R> {
  const views: CloudbaseTxStore[] = [];
  try {
    return await db.runTransaction(async (tx) => {
      // A retry after a conflict starts over: the previous attempt's view is dead.
      views.forEach((v) => (v.ended = true));
      const view = new CloudbaseTxStore(tx, specs, codec);
      views.push(view);
      return work(view);
    });
  } finally {
    views.forEach((v) => (v.ended = true));
  }
}
