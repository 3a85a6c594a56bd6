import {
  DuplicateIdError,
  type CollectionSpec,
  type DocumentStore,
  type Filter,
  type FindOptions,
  type NearHit,
  type NearQuery,
  type Patch,
  type SearchQuery,
  type SearchResult,
  type StoredDoc,
} from '../../ports/document-store';
import { Codec } from './codec';
import { getOrNull, isDuplicateKey, settle, splitNewDoc } from './docs';
import { haversineMeters } from './geo';
import { rankSearchHits, valueAt } from './memory';
import { checkCount, Specs } from './specs';
import { runCloudbaseTransaction } from './transaction';
import type { CbCondition, CbQuery, CloudbaseDatabase } from './types';

type NewDoc = Omit<StoredDoc, '_id'> & { _id?: string };

/** The server SDK returns at most 1000 documents per query (100 when no limit is given). */
const MAX_PAGE = 1000;
/**
 * Search ranks in memory: each text field contributes at most this many regex matches
 * (or skip+limit, up to MAX_PAGE), already in tie-break order. Pages past that cap are
 * not reachable on CloudBase; `total` is still exact (a count query).
 */
const SEARCH_CANDIDATES = 200;
/**
 * geoNear measures on a sphere of radius 6378.1 km (MongoDB's), the port on 6371.0088 km.
 * Asking for a slightly larger radius and re-measuring here gives the port's distances and
 * cut-off exactly. The order is the same on both spheres only up to rounding: near-equal
 * distances can come back swapped, so the hits are sorted again by the port's distance.
 */
const GEO_SLACK = 1.002;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

class CloudbaseStore implements DocumentStore {
  private readonly codec: Codec;

  constructor(
    private readonly db: CloudbaseDatabase,
    private readonly specs: Specs,
  ) {
    this.codec = new Codec(db);
  }

  async get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    const spec = this.specs.get(collection);
    const raw = await getOrNull(this.db.collection(collection).doc(id));
    return raw ? this.codec.fromCloud<T>(spec, raw) : null;
  }

  async find<T extends StoredDoc>(
    collection: string,
    filter?: Filter,
    options: FindOptions = {},
  ): Promise<T[]> {
    const spec = this.specs.check(collection, filter, options.sort);
    checkCount('limit', options.limit);
    checkCount('skip', options.skip);
    const where = this.codec.where(filter);
    const wanted = options.limit ?? Infinity;
    const out: T[] = [];
    let skip = options.skip ?? 0;
    while (out.length < wanted) {
      const size = Math.min(MAX_PAGE, wanted - out.length);
      let query: CbQuery = this.db.collection(collection).where(where);
      for (const [field, dir] of options.sort ?? []) query = query.orderBy(field, dir);
      // `_id` last keeps pages stable across the several requests a long read needs.
      if (!(options.sort ?? []).some(([field]) => field === '_id'))
        query = query.orderBy('_id', 'asc');
      if (skip > 0) query = query.skip(skip);
      const { data } = await settle(query.limit(size).get());
      out.push(...data.map((raw) => this.codec.fromCloud<T>(spec, raw)));
      skip += data.length;
      if (data.length < size) break;
    }
    return out;
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    this.specs.check(collection, filter);
    const { total } = await settle(
      this.db.collection(collection).where(this.codec.where(filter)).count(),
    );
    return total;
  }

  async insert(collection: string, doc: NewDoc): Promise<string> {
    const spec = this.specs.get(collection);
    const { id, body } = splitNewDoc(doc);
    const data = { _id: id, ...this.codec.toCloud(spec, body) };
    try {
      await settle(this.db.collection(collection).add({ data }));
    } catch (err) {
      if (isDuplicateKey(err)) throw new DuplicateIdError(collection, id);
      throw err;
    }
    return id;
  }

  /** All or nothing through one transaction; very large imports belong in the console's import. */
  insertMany(collection: string, docs: NewDoc[]): Promise<number> {
    this.specs.get(collection);
    return this.transaction((tx) => tx.insertMany(collection, docs));
  }

  async update(collection: string, id: string, patch: Patch): Promise<boolean> {
    const data = this.codec.patch(this.specs.get(collection), patch);
    if (Object.keys(data).length > 0) {
      const { stats } = await settle(this.db.collection(collection).doc(id).update({ data }));
      if (stats.updated > 0) return true;
    }
    // Nothing updated: either missing, or the patch changed no value (still a success).
    return (await this.count(collection, { _id: id })) > 0;
  }

  /** One conditional update on the server: `where({ _id, ...expected })` is the compare. */
  async updateIf(collection: string, id: string, expected: Filter, patch: Patch): Promise<boolean> {
    const spec = this.specs.check(collection, expected);
    const data = this.codec.patch(spec, patch);
    const where = this.codec.withId(id, this.codec.where(expected));
    if (Object.keys(data).length === 0) {
      return (await settle(this.db.collection(collection).where(where).count())).total > 0;
    }
    const { stats } = await settle(this.db.collection(collection).where(where).update({ data }));
    return stats.updated === 1;
  }

  async remove(collection: string, id: string): Promise<boolean> {
    this.specs.get(collection);
    const { stats } = await settle(this.db.collection(collection).doc(id).remove());
    return stats.removed > 0;
  }

  /** A server-side remove takes no limit, so a bounded one removes ids fetched in batches. */
  async removeWhere(collection: string, filter: Filter, limit?: number): Promise<number> {
    this.specs.check(collection, filter);
    checkCount('limit', limit);
    const where = this.codec.where(filter);
    if (limit === undefined)
      return (await settle(this.db.collection(collection).where(where).remove())).stats.removed;
    let removed = 0;
    while (removed < limit) {
      const size = Math.min(MAX_PAGE, limit - removed);
      const { data } = await settle(this.db.collection(collection).where(where).limit(size).get());
      if (data.length === 0) break;
      const ids = data.map((d) => d._id);
      const { stats } = await settle(
        this.db
          .collection(collection)
          .where({ _id: this.db.command.in(ids) })
          .remove(),
      );
      removed += stats.removed;
      if (data.length < size) break;
    }
    return removed;
  }

  async near<T extends StoredDoc>(collection: string, query: NearQuery): Promise<NearHit<T>[]> {
    const spec = this.specs.check(collection, query.filter);
    const geo = spec.geo;
    if (!geo) throw new Error(`${collection} declares no geo field`);
    const { lat, lng, maxDistanceMeters: max, limit } = query;
    if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180))
      throw new Error('near: invalid coordinates');
    if (!(max >= 0 && Number.isFinite(max)))
      throw new Error('near: maxDistanceMeters must be a finite number ≥ 0');
    checkCount('limit', limit);
    if (limit === 0) return [];
    const aggregate = this.db
      .collection(collection)
      .aggregate()
      .geoNear({
        near: this.db.Geo.Point(lng, lat),
        distanceField: 'distanceMeters',
        spherical: true,
        maxDistance: max * GEO_SLACK,
        query: this.codec.where(query.filter),
        key: geo,
      })
      .limit(limit)
      .end();
    const { list } = await settle(aggregate);
    return list
      .flatMap((raw) => {
        const { distanceMeters: _serverDistance, ...rest } = raw;
        const doc = this.codec.fromCloud<T>(spec, { ...rest, _id: raw._id });
        const { lat: dLat, lng: dLng } = (valueAt(doc, geo) ?? {}) as {
          lat?: unknown;
          lng?: unknown;
        };
        if (typeof dLat !== 'number' || typeof dLng !== 'number') return [];
        const distanceMeters = haversineMeters(lat, lng, dLat, dLng);
        return distanceMeters <= max ? [{ doc, distanceMeters }] : [];
      })
      .sort((a, b) => a.distanceMeters - b.distanceMeters);
  }

  async search<T extends StoredDoc>(
    collection: string,
    query: SearchQuery,
  ): Promise<SearchResult<T>> {
    const spec = this.specs.check(collection, query.filter);
    const text = spec.text ?? [];
    if (text.length === 0) throw new Error(`${collection} declares no text fields`);
    checkCount('limit', query.limit);
    checkCount('skip', query.skip);
    if (query.q.length === 0) return { items: [], total: 0 };
    const _ = this.db.command;
    const cond = this.codec.where(query.filter);
    const regexp = this.db.RegExp({ regexp: escapeRegExp(query.q), options: 'i' });
    const skip = query.skip ?? 0;
    const cap = Math.min(MAX_PAGE, Math.max(SEARCH_CANDIDATES, skip + query.limit));
    const perField = text.map((field) => {
      let q: CbQuery = this.db.collection(collection).where(_.and(cond, { [field]: regexp }));
      for (const [f, dir] of spec.searchTieBreak ?? []) q = q.orderBy(f, dir);
      return settle(q.orderBy('_id', 'asc').limit(cap).get());
    });
    const counted = settle(
      this.db
        .collection(collection)
        .where(_.and(cond, _.or(...text.map((field): CbCondition => ({ [field]: regexp })))))
        .count(),
    );
    const [{ total }, pages] = await Promise.all([counted, Promise.all(perField)]);
    const unique = new Map(pages.flatMap((p) => p.data).map((raw) => [String(raw._id), raw]));
    const docs = [...unique.values()].map((raw) => this.codec.fromCloud<T>(spec, raw));
    return { items: rankSearchHits(spec, query.q, docs).slice(skip, skip + query.limit), total };
  }

  transaction<R>(work: (tx: DocumentStore) => Promise<R>): Promise<R> {
    return runCloudbaseTransaction(this.db, this.specs, this.codec, work);
  }
}

/** The DocumentStore over CloudBase: `db` is `cloud.database()` from wx-server-sdk. */
export function createCloudbaseStore(
  db: CloudbaseDatabase,
  collections: CollectionSpec[],
): DocumentStore {
  return new CloudbaseStore(db, new Specs(collections));
}
