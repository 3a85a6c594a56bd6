/**
 * DocumentStore: the one port every handler uses for data (docs/ARCHITECTURE.md "The ports").
 * Two adapters implement it: SQLite (local and self-hosted) and CloudBase (production).
 * One contract suite (tests/backend/store-contract/suite.ts) states the behaviour both
 * must honour; it runs against SQLite and against the CloudBase adapter on the emulated
 * platform (tests/support/cloudbase-emulator). Keep this interface to what both can do.
 */

export type Scalar = string | number | boolean | null;

/** A stored document. `_id` is assigned on insert when absent. */
export interface StoredDoc {
  _id: string;
  [field: string]: unknown;
}

/** Comparison on one field. Several keys in one object are ANDed. */
export interface FieldOps {
  $eq?: Scalar;
  $ne?: Scalar;
  $in?: Scalar[];
  $gt?: number | string;
  $gte?: number | string;
  $lt?: number | string;
  $lte?: number | string;
}

/**
 * Equality (`{ field: value }`) or operators (`{ field: { $in: [...] } }`), ANDed across
 * fields. Dotted paths reach into nested objects (`'location.lat'`). Filters may only
 * name fields declared in the collection's `indexes` — the adapters need that to stay fast,
 * and it keeps the CloudBase index list in the repo honest.
 */
export type Filter = Record<string, Scalar | FieldOps>;

export type SortDirection = 'asc' | 'desc';
export type Sort = ReadonlyArray<readonly [field: string, direction: SortDirection]>;

export interface FindOptions {
  sort?: Sort;
  limit?: number;
  skip?: number;
}

/** A partial update: `set` replaces fields (dotted paths allowed), `inc` adds atomically, `unset` removes. */
export interface Patch {
  set?: Record<string, unknown>;
  inc?: Record<string, number>;
  unset?: string[];
}

export interface NearQuery {
  lat: number;
  lng: number;
  /** Only documents within this great-circle distance. */
  maxDistanceMeters: number;
  limit: number;
  filter?: Filter;
}

export interface NearHit<T> {
  doc: T;
  distanceMeters: number;
}

export interface SearchQuery {
  /** Substring to look for (Chinese works: no word splitting is assumed). */
  q: string;
  filter?: Filter;
  limit: number;
  skip?: number;
}

export interface SearchResult<T> {
  items: T[];
  total: number;
}

/**
 * How a collection is stored. Declared once per collection (backend/collections.ts) and
 * given to the adapter, which creates tables/indexes (SQLite) or documents them
 * (cloudbaserc / CloudBase console indexes).
 */
export interface CollectionSpec {
  name: string;
  /** Fields that filters and sorts may name. */
  indexes: string[];
  /** A `{ lat, lng }` field (WGS-84) that `near` searches. */
  geo?: string;
  /**
   * Text fields `search` looks in, most important first. Ranking: exact match of the
   * first field, then prefix of the first field, then substring of the first field,
   * then substring of any other field; ties broken by `searchTieBreak`.
   */
  text?: string[];
  searchTieBreak?: Sort;
  /**
   * Read-mostly collections only (the catalog): how many parsed documents an adapter may
   * keep in memory for its list reads. Writes and other processes' commits invalidate
   * them (SQLite adapter); the CloudBase adapter ignores it.
   */
  cacheDocs?: number;
}

export interface DocumentStore {
  get<T extends StoredDoc>(collection: string, id: string): Promise<T | null>;
  find<T extends StoredDoc>(
    collection: string,
    filter?: Filter,
    options?: FindOptions,
  ): Promise<T[]>;
  count(collection: string, filter?: Filter): Promise<number>;
  /** Inserts and returns the id. Fails with a ConflictError if `_id` exists. */
  insert(collection: string, doc: Omit<StoredDoc, '_id'> & { _id?: string }): Promise<string>;
  /** Inserts many in one go (seeding, import); all or nothing. */
  insertMany(
    collection: string,
    docs: Array<Omit<StoredDoc, '_id'> & { _id?: string }>,
  ): Promise<number>;
  /** Applies the patch; returns false when the document does not exist. */
  update(collection: string, id: string, patch: Patch): Promise<boolean>;
  /** Compare-and-set: applies the patch only if the document still matches `expected`. */
  updateIf(collection: string, id: string, expected: Filter, patch: Patch): Promise<boolean>;
  remove(collection: string, id: string): Promise<boolean>;
  /** Removes up to `limit` matching documents (bounded batches); returns how many. */
  removeWhere(collection: string, filter: Filter, limit?: number): Promise<number>;
  /** Nearest first, each with its great-circle distance in metres. */
  near<T extends StoredDoc>(collection: string, query: NearQuery): Promise<NearHit<T>[]>;
  /** Ranked substring search over the collection's `text` fields. */
  search<T extends StoredDoc>(collection: string, query: SearchQuery): Promise<SearchResult<T>>;
  /** Runs `work` atomically; a throw rolls everything back. */
  transaction<R>(work: (tx: DocumentStore) => Promise<R>): Promise<R>;
  /**
   * DEL: after personal data is deleted, leave no copy of the deleted rows in the adapter's
   * own files (SQLite: the write-ahead log keeps old page images until a checkpoint).
   * Adapters whose storage is not ours to manage (CloudBase) do not have it.
   */
  purgeRemnants?(): Promise<void>;
}

/** Thrown by adapters on a duplicate `_id`; handlers map it to CONFLICT. */
export class DuplicateIdError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`duplicate _id in ${collection}`);
    this.name = 'DuplicateIdError';
  }
}

/** Thrown when a filter or sort names a field the collection does not index. */
export class UnindexedFieldError extends Error {
  constructor(
    readonly collection: string,
    readonly field: string,
  ) {
    super(`${collection}.${field} is not declared in the collection's indexes`);
    this.name = 'UnindexedFieldError';
  }
}
