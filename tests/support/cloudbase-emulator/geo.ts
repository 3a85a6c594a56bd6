import { Query } from 'mingo';
import { clone, CODES, EmulatorError, type Doc } from './wire';

/** Geo (2dsphere) indexed fields by collection. */
export type GeoIndexes = Record<string, string[]>;

/** MongoDB measures spherical distances on a sphere of this radius (metres). */
const EARTH_RADIUS = 6378100;

const rad = (deg: number) => (deg * Math.PI) / 180;

function meters(a: [number, number], b: [number, number]): number {
  const [lng1, lat1] = a.map(rad);
  const [lng2, lat2] = b.map(rad);
  const h =
    Math.sin((lat2 - lat1) / 2) ** 2 +
    Math.cos(lat1) * Math.cos(lat2) * Math.sin((lng2 - lng1) / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function valueAt(doc: Doc, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, k) => (typeof v === 'object' && v !== null ? (v as Doc)[k] : undefined),
      doc,
    );
}

export function pointOf(value: unknown): [number, number] | null {
  const p = value as { type?: unknown; coordinates?: unknown } | null;
  if (p?.type !== 'Point' || !Array.isArray(p.coordinates)) return null;
  const [lng, lat] = p.coordinates as unknown[];
  return typeof lng === 'number' && typeof lat === 'number' ? [lng, lat] : null;
}

/**
 * The `$geoNear` stage. Aggregate.geoNear (developers.weixin.qq.com/miniprogram/dev/wxcloud/
 * reference-sdk-api/database/aggregate/Aggregate.geoNear.html): "geoNear 必须为第一个聚合阶段";
 * "必须有地理位置索引。如果有多个，必须用 key 参数指定要使用的索引"; spherical must be true.
 */
export function geoNear(indexes: GeoIndexes, collection: string, docs: Doc[], opts: Doc): Doc[] {
  const indexed = indexes[collection] ?? [];
  const key = typeof opts.key === 'string' ? opts.key : indexed.length === 1 ? indexed[0] : null;
  if (!key || !indexed.includes(key))
    throw new EmulatorError(
      CODES.failed,
      `unable to find index for $geoNear query on ${collection}`,
    );
  if (opts.spherical !== true)
    throw new EmulatorError(CODES.invalid, 'geoNear: spherical must be true');
  const near = pointOf(opts.near);
  if (!near) throw new EmulatorError(CODES.invalid, 'geoNear: near must be a GeoPoint');
  if (typeof opts.distanceField !== 'string')
    throw new EmulatorError(CODES.invalid, 'geoNear: distanceField is required');
  const max = typeof opts.maxDistance === 'number' ? opts.maxDistance : Infinity;
  const min = typeof opts.minDistance === 'number' ? opts.minDistance : 0;
  const query = new Query((opts.query as Doc | undefined) ?? {}, {});
  const field = opts.distanceField;
  return docs
    .flatMap((doc) => {
      const at = pointOf(valueAt(doc, key));
      if (!at || !query.test(doc)) return [];
      const d = meters(near, at);
      return d <= max && d >= min ? [{ ...clone(doc), [field]: d }] : [];
    })
    .sort((a, b) => (a[field] as number) - (b[field] as number));
}
