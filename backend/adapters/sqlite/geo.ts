/** Great-circle geometry for `near`: exact distances and boxes that surely contain a circle. */

export const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;
// About 1 cm: absorbs rounding in the box arithmetic so a point on the circle is never cut.
const PAD_DEG = 1e-7;

export function haversineMeters(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface Box {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

/**
 * Lat/lng boxes covering every point within `radius` of the centre: one box, or two when
 * the circle crosses the antimeridian. The longitude half-width is asin(sin δ / cos φ),
 * the exact extent of a spherical cap, so it widens with latitude (cos φ) as it must.
 */
export function boxesAround(lat: number, lng: number, radius: number): Box[] {
  const delta = radius / EARTH_RADIUS_M;
  const minLat = lat - delta * DEG - PAD_DEG;
  const maxLat = lat + delta * DEG + PAD_DEG;
  if (delta >= Math.PI || minLat <= -90 || maxLat >= 90) {
    // The cap contains a pole: every longitude is in reach.
    return [
      { minLat: Math.max(minLat, -90), maxLat: Math.min(maxLat, 90), minLng: -180, maxLng: 180 },
    ];
  }
  const ratio = Math.sin(delta) / Math.cos(lat * RAD);
  if (ratio >= 1) return [{ minLat, maxLat, minLng: -180, maxLng: 180 }];
  const dLng = Math.asin(ratio) * DEG + PAD_DEG;
  const minLng = lng - dLng;
  const maxLng = lng + dLng;
  if (minLng < -180) {
    return [
      { minLat, maxLat, minLng: minLng + 360, maxLng: 180 },
      { minLat, maxLat, minLng: -180, maxLng },
    ];
  }
  if (maxLng > 180) {
    return [
      { minLat, maxLat, minLng, maxLng: 180 },
      { minLat, maxLat, minLng: -180, maxLng: maxLng - 360 },
    ];
  }
  return [{ minLat, maxLat, minLng, maxLng }];
}

export interface GeoCandidate {
  rid: number;
  lat: number;
  lng: number;
}

export interface GeoHit {
  rid: number;
  distanceMeters: number;
}

const FIRST_RING_M = 500;
/** Candidates read per wanted hit: a box holds 4/π of its circle, plus room for clustering. */
const CANDIDATES_PER_HIT = 1.8;
/** Counting costs ~35 ns a point, reading a candidate ~1 µs: several counts are cheap. */
const MAX_COUNTS = 6;
/** A count up to this many times the target is accepted rather than refined further. */
const BAND = 2;

type Center = { lat: number; lng: number };

/**
 * A first radius whose box holds about `limit × CANDIDATES_PER_HIT` points, found by
 * counting (area ∝ r², bracketed so guesses cannot oscillate). Any radius is correct —
 * nearestInRings grows it until it holds `limit` hits — this one just reads few points.
 */
function sizeFirstRing(
  center: Center,
  maxDistance: number,
  limit: number,
  count: (boxes: Box[]) => number,
): number {
  const want = limit * CANDIDATES_PER_HIT;
  let radius = Math.min(maxDistance, FIRST_RING_M);
  let low = 0;
  let high = Infinity;
  for (let i = 0; i < MAX_COUNTS; i++) {
    const n = count(boxesAround(center.lat, center.lng, radius));
    if (n < want) {
      if (radius >= maxDistance) return maxDistance;
      low = radius;
    } else {
      if (n <= BAND * want) return radius;
      high = radius;
    }
    const guess = n > 0 ? radius * Math.sqrt(want / n) : radius * 8;
    const next = guess > low && guess < high ? guess : Math.sqrt(low * Math.min(high, radius * 8));
    radius = Math.min(maxDistance, next);
  }
  return Number.isFinite(high) ? high : radius;
}

/**
 * The `limit` nearest candidates within `maxDistance`, searching boxes of growing radius r.
 * Every point within r lies in r's box, so once `limit` hits are within r they are the
 * answer and no wider box is read. The first radius is sized by counting, so in dense and
 * sparse places alike about one box of a few dozen points is read.
 */
export function nearestInRings(
  center: Center,
  maxDistance: number,
  limit: number,
  fetch: (boxes: Box[]) => GeoCandidate[],
  count: (boxes: Box[]) => number,
): GeoHit[] {
  let radius = sizeFirstRing(center, maxDistance, limit, count);
  for (;;) {
    const seen = new Set<number>();
    const hits: GeoHit[] = [];
    for (const c of fetch(boxesAround(center.lat, center.lng, radius))) {
      if (seen.has(c.rid)) continue;
      seen.add(c.rid);
      const d = haversineMeters(center.lat, center.lng, c.lat, c.lng);
      if (d <= radius) hits.push({ rid: c.rid, distanceMeters: d });
    }
    if (hits.length >= limit || radius >= maxDistance) {
      hits.sort((a, b) => a.distanceMeters - b.distanceMeters || a.rid - b.rid);
      return hits.slice(0, limit);
    }
    // Grow by the density seen so far (area ∝ r²), at least ×1.25 and at most ×8.
    const factor =
      hits.length > 0 ? Math.min(8, Math.max(1.25, 1.2 * Math.sqrt(limit / hits.length))) : 4;
    radius = Math.min(maxDistance, radius * factor);
  }
}
