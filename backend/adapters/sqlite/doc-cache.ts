import type { StoredDoc } from '../../ports/document-store';
import { type DocRow, toDoc } from './statements';

/**
 * Parsed documents of read-mostly collections (CollectionSpec.cacheDocs), by rid, so a hot
 * list path (`near`, `search`) reads and parses only the rows it has not seen. Reading a
 * row's JSON and parsing it is most of what such a call costs (about 3 µs a document
 * against 0.1 µs for a lookup here).
 *
 * Stale documents are never served:
 *  - every write through this connection forgets the collection (`forget`), and a rolled
 *    back transaction forgets everything (`clear`), since its reads may have cached rows
 *    that were never committed;
 *  - a commit by ANY other connection (an import beside the running server) changes
 *    SQLite's `PRAGMA data_version`, checked by `sync` at the start of every cached read.
 *
 * Cached documents are deep-frozen and shared between callers: a handler that tried to
 * change one would throw instead of corrupting the next caller's answer.
 */
interface Shelf {
  capacity: number;
  docs: Map<number, StoredDoc>;
}

export class DocCache {
  private readonly shelves = new Map<string, Shelf>();
  private dataVersion: number | null = null;

  /** `capacity`: documents kept per collection; collections not named are never cached. */
  constructor(capacity: ReadonlyMap<string, number>) {
    for (const [collection, n] of capacity) {
      if (n > 0) this.shelves.set(collection, { capacity: n, docs: new Map() });
    }
  }

  /** Called inside a read's transaction with its `data_version`: another writer empties it. */
  sync(dataVersion: number): void {
    if (dataVersion !== this.dataVersion) this.clear();
    this.dataVersion = dataVersion;
  }

  /**
   * The documents of `rids`, in order (undefined where a row is gone): cached ones as they
   * are, the rest read by `readRows` in one query, parsed, and — for a cached collection —
   * frozen and remembered.
   */
  resolve<T extends StoredDoc>(
    collection: string,
    rids: readonly number[],
    readRows: (missing: number[]) => Array<DocRow & { rid: number }>,
  ): Array<T | undefined> {
    const shelf = this.shelves.get(collection);
    const found = new Map<number, StoredDoc>();
    const missing: number[] = [];
    for (const rid of rids) {
      const doc = shelf?.docs.get(rid);
      if (doc === undefined) {
        missing.push(rid);
        continue;
      }
      // Least recently used first: a hit moves to the end.
      shelf?.docs.delete(rid);
      shelf?.docs.set(rid, doc);
      found.set(rid, doc);
    }
    if (missing.length > 0) {
      for (const row of readRows(missing)) {
        const doc = toDoc(row);
        if (shelf) remember(shelf, row.rid, deepFreeze(doc));
        found.set(row.rid, doc);
      }
    }
    return rids.map((rid) => found.get(rid) as T | undefined);
  }

  /** A write to `collection` through this connection: its cached documents may be stale. */
  forget(collection: string): void {
    this.shelves.get(collection)?.docs.clear();
  }

  clear(): void {
    for (const shelf of this.shelves.values()) shelf.docs.clear();
  }
}

function remember(shelf: Shelf, rid: number, doc: StoredDoc): void {
  shelf.docs.delete(rid);
  while (shelf.docs.size >= shelf.capacity) {
    const oldest = shelf.docs.keys().next();
    if (oldest.done) break;
    shelf.docs.delete(oldest.value);
  }
  shelf.docs.set(rid, doc);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
