import { EJSON } from 'bson';
import { find, update as applyUpdate } from 'mingo';
import { randomBytes } from 'node:crypto';
import { bsonSize, clone, CODES, EmulatorError, type Doc } from './wire';

/**
 * The committed documents and the transactions over them. Rules, each from the platform docs:
 * - Transactions (developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html
 *   «快照隔离» and «单记录操作»): reads see a snapshot plus the transaction's own writes; a
 *   write puts a lock on the document — another transaction's write to it "直接失败"
 *   (fails at once), a plain write "会被阻塞，直到事务锁释放或者超时" (waits); only
 *   doc(id).get/set/update/remove and collection.add run inside one (where() is refused).
 * - `_id` is the collection's unique key (MongoDB's E11000 on a duplicate insert).
 * - A record is a BSON document, at most 16 MB (WeChat's answer in 开放社区: "单条记录大小受
 *   底层 BSON 限制，不超过 16mb").
 */

export const MAX_DOC_BYTES = 16 * 1024 * 1024;

interface Stored {
  doc: Doc;
  /** The commit that last wrote it: a transaction that started before it cannot write it. */
  version: number;
}

export interface Tx {
  id: string;
  startedAt: number;
  /** The transaction's own writes, by `collection/_id`; null = removed. */
  writes: Map<string, { collection: string; id: string; doc: Doc | null }>;
  /** What a commit after the snapshot overwrote (null: it did not exist): the snapshot's view. */
  before: Map<string, Doc | null>;
  ended: boolean;
  release: Array<() => void>;
}

export type ChangeListener = (collection: string) => void;

const key = (collection: string, id: string) => `${collection}/${id}`;

/** CloudBase assigns 32 hex characters when `add` is given no `_id`. */
export const serverId = (): string => randomBytes(16).toString('hex');

export function checkDocSize(doc: Doc, limit = MAX_DOC_BYTES): void {
  const size = bsonSize(doc);
  if (size > limit)
    throw new EmulatorError(
      CODES.failed,
      `document is ${size} bytes; a record is at most ${limit}`,
    );
}

export class Collections {
  private readonly data = new Map<string, Map<string, Stored>>();
  private readonly txs = new Map<string, Tx>();
  private commits = 0;
  private readonly listeners = new Set<ChangeListener>();

  constructor(private readonly lockWaitMs: number) {}

  private coll(name: string): Map<string, Stored> {
    let c = this.data.get(name);
    if (!c) this.data.set(name, (c = new Map()));
    return c;
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(collection: string): void {
    for (const l of [...this.listeners]) l(collection);
  }

  /** Committed documents, in insertion order (the order a query without orderBy sees). */
  all(collection: string): Doc[] {
    return [...this.coll(collection).values()].map((s) => s.doc);
  }

  query(collection: string, where: Doc): Doc[] {
    return find(this.all(collection), where).all() as Doc[];
  }

  private lockedBy(collection: string, id: string, except?: Tx): Tx | undefined {
    const k = key(collection, id);
    return [...this.txs.values()].find((t) => t !== except && !t.ended && t.writes.has(k));
  }

  isLocked(collection: string, id: string): boolean {
    return this.lockedBy(collection, id) !== undefined;
  }

  /** A plain write to a document a transaction has locked waits for the lock, then fails. */
  async waitForLock(collection: string, id: string): Promise<void> {
    const holder = this.lockedBy(collection, id);
    if (!holder) return;
    let timer: NodeJS.Timeout | undefined;
    const released = new Promise<boolean>((resolve) => holder.release.push(() => resolve(true)));
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.lockWaitMs);
    });
    const ok = await Promise.race([released, timedOut]);
    clearTimeout(timer);
    if (!ok)
      throw new EmulatorError(
        CODES.failed,
        `${collection}/${id} is locked by an open transaction (write timed out)`,
      );
  }

  get(collection: string, id: string, tx?: Tx): Doc | null {
    const k = key(collection, id);
    const own = tx?.writes.get(k);
    if (own) return own.doc ? clone(own.doc) : null;
    if (tx?.before.has(k)) {
      const old = tx.before.get(k);
      return old ? clone(old) : null;
    }
    const stored = this.coll(collection).get(id);
    return stored ? clone(stored.doc) : null;
  }

  insert(collection: string, doc: Doc): string {
    const id = doc._id === undefined ? serverId() : doc._id;
    if (typeof id !== 'string' && typeof id !== 'number')
      throw new EmulatorError(CODES.invalid, '_id must be a string or a number');
    const c = this.coll(collection);
    if (c.has(String(id)))
      throw new EmulatorError(
        CODES.failed,
        `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${id}" }`,
      );
    const stored = { ...doc, _id: id };
    checkDocSize(stored);
    this.keepSnapshots(collection, String(id));
    c.set(String(id), { doc: stored, version: ++this.commits });
    this.changed(collection);
    return String(id);
  }

  /** Replaces (or removes, with null) one committed document. */
  put(collection: string, id: string, doc: Doc | null): void {
    const c = this.coll(collection);
    this.keepSnapshots(collection, id);
    if (doc === null) c.delete(id);
    else {
      checkDocSize(doc);
      // Map.set on an existing key keeps its place: storage order stays insertion order.
      c.set(id, { doc, version: ++this.commits });
    }
    this.changed(collection);
  }

  /** Open transactions keep seeing the document as it was when they started. */
  private keepSnapshots(collection: string, id: string): void {
    const k = key(collection, id);
    const old = this.coll(collection).get(id)?.doc ?? null;
    for (const tx of this.txs.values()) if (!tx.before.has(k)) tx.before.set(k, old);
  }

  /** Applies update operators ($set, $inc, $unset, $push, $pull…) with mingo; true if changed. */
  static modify(doc: Doc, ops: Doc): boolean {
    return applyUpdate(doc, ops, undefined, undefined, { cloneMode: 'deep' }).length > 0;
  }

  begin(): Tx {
    const tx: Tx = {
      id: `tx-${randomBytes(6).toString('hex')}`,
      startedAt: this.commits,
      writes: new Map(),
      before: new Map(),
      ended: false,
      release: [],
    };
    this.txs.set(tx.id, tx);
    return tx;
  }

  tx(id: unknown): Tx {
    const tx = typeof id === 'string' ? this.txs.get(id) : undefined;
    if (!tx || tx.ended) throw new EmulatorError(CODES.invalid, 'transaction not found or ended');
    return tx;
  }

  /**
   * A write inside a transaction: fails at once when another open transaction holds the
   * document, or when a commit wrote it after this transaction's snapshot.
   */
  txWrite(tx: Tx, collection: string, id: string, doc: Doc | null): void {
    if (this.lockedBy(collection, id, tx))
      throw new EmulatorError(CODES.conflict, `${collection}/${id}: database transaction conflict`);
    const k = key(collection, id);
    // Someone committed this document after the snapshot: first writer wins.
    if (tx.before.has(k) && !tx.writes.has(k))
      throw new EmulatorError(CODES.conflict, `${collection}/${id}: database transaction conflict`);
    if (doc) checkDocSize(doc);
    tx.writes.set(key(collection, id), { collection, id, doc });
  }

  end(tx: Tx, commit: boolean): void {
    tx.ended = true;
    this.txs.delete(tx.id);
    if (commit) for (const w of tx.writes.values()) this.put(w.collection, w.id, w.doc);
    tx.release.forEach((release) => release());
  }

  /** Every committed document by collection, as EJSON text (a test world saved to a file). */
  save(): string {
    const all = Object.fromEntries([...this.data.keys()].map((name) => [name, this.all(name)]));
    return EJSON.stringify(all, { relaxed: false });
  }

  /** Loads what `save` wrote (into an empty store). */
  load(text: string): void {
    const all = EJSON.parse(text, { relaxed: true }) as Record<string, Doc[]>;
    for (const [name, docs] of Object.entries(all)) for (const doc of docs) this.insert(name, doc);
  }

  /** Test helper: the committed documents of a collection, in storage order. */
  dump(collection: string): Doc[] {
    return this.all(collection).map(clone);
  }
}
