import type {
  CollectionSpec,
  FieldOps,
  Filter,
  Patch,
  Scalar,
  StoredDoc,
} from '../../ports/document-store';
import type { CbCondition, CbOpaque, CbRawDoc, CloudbaseDatabase } from './types';

/**
 * Translation between the port's shapes and CloudBase's: filters → `db.command` conditions,
 * patches → update data, and the spec's geo field `{ lat, lng }` ↔ `db.Geo.Point(lng, lat)`
 * (geoNear needs a real GeoPoint with a 2dsphere index).
 */

const RANGE = { $gt: 'gt', $gte: 'gte', $lt: 'lt', $lte: 'lte' } as const;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.getPrototypeOf(v) === Object.prototype;

function checkScalar(value: unknown): Scalar {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new Error(`unsupported filter value: ${String(value)}`);
}

/** Rebuilds only the objects along `path`, applying `fn` to the value at its end. */
function mapAt(
  obj: Record<string, unknown>,
  path: string[],
  fn: (v: unknown) => unknown,
): Record<string, unknown> {
  const [head, ...rest] = path;
  if (!(head in obj)) return obj;
  const value = obj[head];
  if (rest.length === 0) return { ...obj, [head]: fn(value) };
  return isPlainObject(value) ? { ...obj, [head]: mapAt(value, rest, fn) } : obj;
}

function checkPatchPaths(paths: string[]): void {
  const sorted = [...paths].sort();
  sorted.forEach((path, i) => {
    if (path === '' || path === '_id' || path.startsWith('_id.'))
      throw new Error('a patch cannot change _id');
    const next = sorted[i + 1];
    if (next !== undefined && (next === path || next.startsWith(`${path}.`))) {
      throw new Error(`conflicting patch paths: ${path} and ${next}`);
    }
  });
}

export class Codec {
  constructor(private readonly db: CloudbaseDatabase) {}

  where(filter: Filter | undefined): CbCondition {
    const _ = this.db.command;
    const out: CbCondition = {};
    for (const [field, cond] of Object.entries(filter ?? {})) {
      if (typeof cond !== 'object' || cond === null) {
        out[field] = _.eq(checkScalar(cond));
        continue;
      }
      const parts = Object.entries(cond as FieldOps).map(([op, value]) => {
        if (op === '$eq') return _.eq(checkScalar(value));
        if (op === '$ne') return _.neq(checkScalar(value));
        if (op === '$in') {
          if (!Array.isArray(value)) throw new Error('$in needs an array');
          return _.in(value.map(checkScalar));
        }
        if (
          op in RANGE &&
          (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))
        ) {
          return _[RANGE[op as keyof typeof RANGE]](value);
        }
        throw new Error(`unsupported filter operator or value: ${op}`);
      });
      if (parts.length === 0) throw new Error('empty operator object in filter');
      out[field] = parts.length === 1 ? parts[0] : _.and(...parts);
    }
    return out;
  }

  /** `{ _id, ...cond }`, or an `and` when the condition itself names `_id`. */
  withId(id: string, cond: CbCondition): CbOpaque {
    return '_id' in cond ? this.db.command.and({ _id: id }, cond) : { _id: id, ...cond };
  }

  private toGeoPoint(field: string, value: unknown): unknown {
    if (value === undefined || value === null) return value;
    if (isPlainObject(value) && typeof value.lat === 'number' && typeof value.lng === 'number') {
      return this.db.Geo.Point(value.lng, value.lat);
    }
    throw new Error(`${field} must be { lat, lng }`);
  }

  /** A document body for add/set, with the geo field as a GeoPoint. */
  toCloud(spec: CollectionSpec, body: Record<string, unknown>): Record<string, CbOpaque> {
    const geo = spec.geo;
    return geo ? mapAt(body, geo.split('.'), (v) => this.toGeoPoint(geo, v)) : body;
  }

  /** Back to the port's shape: string `_id`, geo field as `{ lat, lng }`. */
  fromCloud<T extends StoredDoc>(spec: CollectionSpec, raw: CbRawDoc): T {
    if (raw._id === undefined) throw new Error(`${spec.name}: a document came back without _id`);
    const doc: Record<string, unknown> = { ...raw, _id: String(raw._id) };
    const fromGeo = (v: unknown): unknown => {
      if (typeof v !== 'object' || v === null) return v;
      const g = v as {
        longitude?: unknown;
        latitude?: unknown;
        type?: unknown;
        coordinates?: unknown;
      };
      if (typeof g.longitude === 'number' && typeof g.latitude === 'number')
        return { lat: g.latitude, lng: g.longitude };
      if (g.type === 'Point' && Array.isArray(g.coordinates))
        return { lat: g.coordinates[1], lng: g.coordinates[0] };
      return v;
    };
    return (spec.geo ? mapAt(doc, spec.geo.split('.'), fromGeo) : doc) as T;
  }

  /**
   * A location inside update data: GeoJSON, not a `db.Geo.Point`. The SDK's update serializer
   * writes a Point under `_.set` as `{ longitude, latitude }`, which is no geo value: the 2dsphere
   * index refuses it and geoNear would never find the document again.
   */
  private toGeoJson(field: string, value: unknown): unknown {
    if (value === undefined || value === null) return value;
    if (isPlainObject(value) && typeof value.lat === 'number' && typeof value.lng === 'number') {
      return { type: 'Point', coordinates: [value.lng, value.lat] };
    }
    throw new Error(`${field} must be { lat, lng }`);
  }

  /**
   * Update data. Objects and arrays go through `_.set` so they replace the field (plain
   * update data would merge them key by key); `inc` is `_.inc`, `unset` is `_.remove()`.
   * A dotted path into the geo field is refused: a location is written whole, as GeoJSON.
   */
  patch(spec: CollectionSpec, patch: Patch): Record<string, CbOpaque> {
    const _ = this.db.command;
    const sets = Object.entries(patch.set ?? {});
    const incs = Object.entries(patch.inc ?? {});
    const unsets = patch.unset ?? [];
    checkPatchPaths([...sets.map(([p]) => p), ...incs.map(([p]) => p), ...unsets]);
    const geo = spec.geo;
    const data: Record<string, CbOpaque> = {};
    for (const [path, raw] of sets) {
      if (raw === undefined) throw new Error(`cannot set ${path} to undefined`);
      if (geo && path.startsWith(`${geo}.`)) {
        throw new Error(`set ${geo} as a whole ({ lat, lng }), not ${path}`);
      }
      let value: unknown = raw;
      if (geo && path === geo) value = this.toGeoJson(geo, raw);
      else if (geo && geo.startsWith(`${path}.`) && isPlainObject(raw)) {
        value = mapAt(raw, geo.slice(path.length + 1).split('.'), (v) => this.toGeoJson(geo, v));
      }
      data[path] = typeof value === 'object' && value !== null ? _.set(value) : value;
    }
    for (const [path, by] of incs) {
      if (typeof by !== 'number' || !Number.isFinite(by))
        throw new Error(`inc ${path} needs a finite number`);
      data[path] = _.inc(by);
    }
    for (const path of unsets) data[path] = _.remove();
    return data;
  }
}
