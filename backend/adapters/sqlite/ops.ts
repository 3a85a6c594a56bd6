import { randomBytes } from 'node:crypto';
import {
  DuplicateIdError,
  type Filter,
  type FindOptions,
  type NearHit,
  type NearQuery,
  type Patch,
  type SearchQuery,
  type SearchResult,
  type StoredDoc,
} from '../../ports/document-store';
import { q } from './names';
import type { DocCache } from './doc-cache';
import { nearestHits } from './near';
import type { Registry } from './registry';
import { searchByGrams } from './gram-search';
import { MAX_GRAM } from './grams';
import { searchByTrigrams } from './trigram-search';
import { compileFilter, compilePage, compileSort } from './sql-filter';
import { compilePatch } from './sql-patch';
import { toDoc, type DocRow, type Statements } from './statements';

type NewDoc = Omit<StoredDoc, '_id'> & { _id?: string };

/** 15 random bytes → 20 URL-safe characters. */
export const newId = (): string => randomBytes(15).toString('base64url');

/** By shape, not instanceof: under jest's VM realms SqliteError is not an `Error` of ours. */
function hasCode(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === code;
}

function checkCount(name: string, n: number | undefined): void {
  if (n !== undefined && (!Number.isInteger(n) || n < 0))
    throw new Error(`${name} must be a non-negative integer`);
}

/** The synchronous operations; the store wraps them in promises and the transaction gate. */
export class SqliteOps {
  constructor(
    private readonly sql: Statements,
    private readonly registry: Registry,
    readonly cache: DocCache,
  ) {}

  /**
   * Runs several reads as one read transaction: one snapshot, and one lock instead of one
   * per statement (in WAL mode taking it costs more than a small indexed query). Inside
   * the store's own transaction it just runs. The document cache is checked against the
   * snapshot first.
   */
  private read<R>(work: () => R): R {
    const own = !this.sql.db.inTransaction;
    if (own) this.sql.run('BEGIN', []);
    try {
      this.cache.sync(
        this.sql.one<{ data_version: number }>('PRAGMA data_version', [])?.data_version ?? -1,
      );
      return work();
    } finally {
      if (own) this.sql.run('COMMIT', []);
    }
  }

  /** Documents by rid, in order, through the cache; only the misses are read (one query). */
  private docsByRid<T extends StoredDoc>(collection: string, rids: number[]): Array<T | undefined> {
    return this.cache.resolve<T>(collection, rids, (missing) =>
      this.sql.all<DocRow & { rid: number }>(
        `SELECT rid, _id, doc FROM ${q(collection)} WHERE rid IN (SELECT value FROM json_each(?))`,
        [JSON.stringify(missing)],
      ),
    );
  }

  get<T extends StoredDoc>(collection: string, id: string): T | null {
    this.registry.get(collection);
    const row = this.sql.one<DocRow>(`SELECT _id, doc FROM ${q(collection)} WHERE _id = ?`, [id]);
    return row ? toDoc<T>(row) : null;
  }

  find<T extends StoredDoc>(collection: string, filter?: Filter, options: FindOptions = {}): T[] {
    this.registry.checkFilter(collection, filter);
    this.registry.checkSort(collection, options.sort);
    const where = compileFilter(filter, 't');
    const page = compilePage(options.limit, options.skip);
    const rows = this.sql.all<DocRow>(
      `SELECT t._id AS _id, t.doc AS doc FROM ${q(collection)} AS t WHERE ${where.sql}
       ORDER BY ${compileSort(options.sort, 't')} ${page.sql}`,
      [...where.params, ...page.params],
    );
    return rows.map((row) => toDoc<T>(row));
  }

  count(collection: string, filter?: Filter): number {
    this.registry.checkFilter(collection, filter);
    const where = compileFilter(filter, 't');
    const row = this.sql.one<{ n: number }>(
      `SELECT count(*) AS n FROM ${q(collection)} AS t WHERE ${where.sql}`,
      where.params,
    );
    return row?.n ?? 0;
  }

  insert(collection: string, doc: NewDoc): string {
    this.registry.get(collection);
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
      throw new Error('a document must be an object');
    const { _id, ...body } = doc;
    const id = _id ?? newId();
    if (typeof id !== 'string' || id === '') throw new Error('_id must be a non-empty string');
    this.writing(collection, () => {
      try {
        this.sql.run(`INSERT INTO ${q(collection)}(_id, doc) VALUES (?, ?)`, [
          id,
          JSON.stringify(body),
        ]);
      } catch (err) {
        if (hasCode(err, 'SQLITE_CONSTRAINT_UNIQUE')) throw new DuplicateIdError(collection, id);
        throw err;
      }
    });
    return id;
  }

  /** All or nothing: better-sqlite3 turns this into a SAVEPOINT inside an open transaction. */
  insertMany(collection: string, docs: NewDoc[]): number {
    this.writing(collection, () =>
      this.sql.db.transaction(() => docs.forEach((doc) => this.insert(collection, doc)))(),
    );
    return docs.length;
  }

  update(collection: string, id: string, patch: Patch): boolean {
    return this.writing(collection, () => this.patch(collection, id, undefined, patch));
  }

  updateIf(collection: string, id: string, expected: Filter, patch: Patch): boolean {
    this.registry.checkFilter(collection, expected);
    return this.writing(collection, () => this.patch(collection, id, expected, patch));
  }

  /** Every write forgets the collection's cached documents, whether or not it succeeded. */
  private writing<R>(collection: string, write: () => R): R {
    try {
      return write();
    } finally {
      this.cache.forget(collection);
    }
  }

  /** One UPDATE whose WHERE holds the expectation: the compare and the set cannot be split. */
  private patch(
    collection: string,
    id: string,
    expected: Filter | undefined,
    patch: Patch,
  ): boolean {
    this.registry.get(collection);
    const { doc, guard } = compilePatch(patch, 't.doc');
    const where = compileFilter(expected, 't');
    const table = `${q(collection)} AS t`;
    const changes = this.sql.run(
      `UPDATE ${table} SET doc = ${doc.sql} WHERE t._id = ? AND ${where.sql} AND ${guard.sql}`,
      [...doc.params, id, ...where.params, ...guard.params],
    );
    if (changes > 0) return true;
    if (guard.sql === '1') return false;
    // Nothing changed: missing, not as expected, or an `inc` target that is not a number.
    const matched = this.sql.one(`SELECT 1 FROM ${table} WHERE t._id = ? AND ${where.sql}`, [
      id,
      ...where.params,
    ]);
    if (matched) throw new Error(`cannot inc a non-numeric field in ${collection}/${id}`);
    return false;
  }

  remove(collection: string, id: string): boolean {
    this.registry.get(collection);
    return this.writing(
      collection,
      () => this.sql.run(`DELETE FROM ${q(collection)} WHERE _id = ?`, [id]) > 0,
    );
  }

  removeWhere(collection: string, filter: Filter, limit?: number): number {
    this.registry.checkFilter(collection, filter);
    checkCount('limit', limit);
    const where = compileFilter(filter, 't');
    return this.writing(collection, () =>
      this.sql.run(
        `DELETE FROM ${q(collection)} WHERE rid IN (SELECT t.rid FROM ${q(collection)} AS t WHERE ${where.sql} LIMIT ?)`,
        [...where.params, limit ?? -1],
      ),
    );
  }

  near<T extends StoredDoc>(collection: string, query: NearQuery): NearHit<T>[] {
    const spec = this.registry.get(collection);
    if (!spec.geo) throw new Error(`${collection} declares no geo field`);
    const { lat, lng, maxDistanceMeters: max, limit } = query;
    if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180))
      throw new Error('near: invalid coordinates');
    if (!(max >= 0 && Number.isFinite(max)))
      throw new Error('near: maxDistanceMeters must be a finite number ≥ 0');
    checkCount('limit', limit);
    this.registry.checkFilter(collection, query.filter);
    if (limit === 0) return [];

    return this.read(() => {
      const hits = nearestHits(this.sql, spec, query);
      const docs = this.docsByRid<T>(
        collection,
        hits.map((h) => h.rid),
      );
      return hits.flatMap((h, i) => {
        const doc = docs[i];
        return doc ? [{ doc, distanceMeters: h.distanceMeters }] : [];
      });
    });
  }

  search<T extends StoredDoc>(collection: string, query: SearchQuery): SearchResult<T> {
    const spec = this.registry.get(collection);
    if (!spec.text || spec.text.length === 0)
      throw new Error(`${collection} declares no text fields`);
    this.registry.checkFilter(collection, query.filter);
    if (typeof query.q !== 'string') throw new Error('search: q must be a string');
    checkCount('limit', query.limit);
    checkCount('skip', query.skip);
    // Every text contains the empty string; a search for nothing finds nothing instead.
    if (query.q.length === 0) return { items: [], total: 0 };
    // SEC: FTS5 reads a query as a C string, so NUL cuts it ("unterminated string"). The
    // contract's text() refuses NUL and no stored text holds one: nothing can match.
    if (query.q.includes('\u0000')) return { items: [], total: 0 };
    return this.read(() => {
      const found =
        [...query.q].length <= MAX_GRAM
          ? searchByGrams(this.sql, spec, query)
          : searchByTrigrams(this.sql, spec, query);
      const docs = this.docsByRid<T>(collection, found.rids);
      return { items: docs.filter((doc): doc is T => doc !== undefined), total: found.total };
    });
  }
}
