/**
 * The part of wx-server-sdk's `cloud.database()` this adapter uses, shaped so the SDK's own
 * `DB.Database` type is assignable to it (no cast in the cloud functions). Commands,
 * GeoPoints and RegExps are values the SDK builds and serializes; the adapter only passes
 * them on, so they are opaque here.
 */

export type CbOpaque = unknown;

/**
 * The SDK declares every call as callback-or-promise (`Promise<T> | void | string`); called
 * without callbacks it always returns the promise, which `settle` checks and unwraps.
 */
export type SdkResult<T> = Promise<T> | void | string;
export type CbCondition = Record<string, CbOpaque>;

/** A document as the SDK returns it: `_id` plus fields; GeoPoints as SDK objects or GeoJSON. */
export interface CbRawDoc {
  _id?: string | number;
  [field: string]: unknown;
}

export interface CbCommand {
  eq(value: CbOpaque): CbOpaque;
  neq(value: CbOpaque): CbOpaque;
  gt(value: CbOpaque): CbOpaque;
  gte(value: CbOpaque): CbOpaque;
  lt(value: CbOpaque): CbOpaque;
  lte(value: CbOpaque): CbOpaque;
  in(values: CbOpaque[]): CbOpaque;
  and(...conditions: CbOpaque[]): CbOpaque;
  or(...conditions: CbOpaque[]): CbOpaque;
  inc(by: number): CbOpaque;
  set(value: CbOpaque): CbOpaque;
  remove(): CbOpaque;
}

export interface CbUpdateResult {
  stats: { updated: number };
}

export interface CbRemoveResult {
  stats: { removed: number };
}

export interface CbQuery {
  where(condition: CbOpaque): CbQuery;
  orderBy(field: string, order: 'asc' | 'desc'): CbQuery;
  skip(n: number): CbQuery;
  limit(n: number): CbQuery;
  get(): SdkResult<{ data: CbRawDoc[] }>;
  count(): SdkResult<{ total: number }>;
  update(options: { data: Record<string, CbOpaque> }): SdkResult<CbUpdateResult>;
  remove(): SdkResult<CbRemoveResult>;
}

export interface CbDocRef {
  /** Rejects when the document does not exist (wx-server-sdk's default `throwOnNotFound`). */
  get(): SdkResult<{ data: CbRawDoc }>;
  set(options: { data: Record<string, CbOpaque> }): SdkResult<unknown>;
  update(options: { data: Record<string, CbOpaque> }): SdkResult<CbUpdateResult>;
  remove(): SdkResult<CbRemoveResult>;
}

export interface CbGeoNearOptions {
  near: CbOpaque;
  distanceField: string;
  spherical: true;
  maxDistance: number;
  query: CbOpaque;
  key: string;
}

export interface CbAggregate {
  geoNear(options: CbGeoNearOptions): CbAggregate;
  limit(n: number): CbAggregate;
  end(): SdkResult<{ list: CbRawDoc[] }>;
}

export interface CbCollection extends CbQuery {
  doc(id: string): CbDocRef;
  add(options: { data: Record<string, CbOpaque> }): SdkResult<{ _id: string | number }>;
  aggregate(): CbAggregate;
}

/** What `runTransaction` hands its callback: single-document reads and writes only. */
export interface CbTransaction {
  collection(name: string): { doc(id: string): CbDocRef };
}

export interface CloudbaseDatabase {
  readonly command: CbCommand;
  readonly Geo: { Point(longitude: number, latitude: number): CbOpaque };
  RegExp(options: { regexp: string; options: string }): CbOpaque;
  collection(name: string): CbCollection;
  runTransaction<R>(work: (tx: CbTransaction) => Promise<R>): Promise<R>;
}
