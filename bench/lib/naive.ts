import type { CollectionSpec, StoredDoc } from '../../backend/ports/document-store';
import { haversineMeters } from '../../contract/geo';

/**
 * The baseline every indexed figure is compared with: what one would write with no
 * index at all. Documents are loaded into memory arrays ONCE (so the baseline pays no
 * I/O or JSON parsing per call — the strongest naive baseline, not a strawman); every
 * call then scans all of them: haversine per document / `includes()` per text field,
 * a full sort of the matches, and the top k.
 */

export interface Located extends StoredDoc {
  location: { lat: number; lng: number };
}

export interface NaiveNearHit {
  id: string;
  distanceMeters: number;
}

export function naiveNear(
  docs: readonly Located[],
  query: { lat: number; lng: number; maxDistanceMeters: number; limit: number },
): NaiveNearHit[] {
  const hits: NaiveNearHit[] = [];
  for (const doc of docs) {
    const d = haversineMeters(query.lat, query.lng, doc.location.lat, doc.location.lng);
    if (d <= query.maxDistanceMeters) hits.push({ id: doc._id, distanceMeters: d });
  }
  hits.sort((a, b) => a.distanceMeters - b.distanceMeters);
  return hits.slice(0, query.limit);
}

/** The port's ranking tier (DocumentStore CollectionSpec.text), written out independently. */
export function naiveTier(spec: CollectionSpec, doc: StoredDoc, needle: string): number {
  const fields = spec.text ?? [];
  const first = doc[fields[0]];
  const v = typeof first === 'string' ? first.toLowerCase() : '';
  if (v === needle) return 0;
  if (v.startsWith(needle)) return 1;
  if (v.includes(needle)) return 2;
  return 3;
}

function matches(spec: CollectionSpec, doc: StoredDoc, needle: string): boolean {
  for (const field of spec.text ?? []) {
    const value = doc[field];
    if (typeof value === 'string' && value.toLowerCase().includes(needle)) return true;
  }
  return false;
}

export interface NaiveSearchHit {
  id: string;
  tier: number;
}

/** Every match counted; the first `limit` by tier, then the collection's tie-break fields. */
export function naiveSearch(
  spec: CollectionSpec,
  docs: readonly StoredDoc[],
  q: string,
  limit: number,
): { items: NaiveSearchHit[]; total: number } {
  const needle = q.toLowerCase();
  const hits: Array<{ doc: StoredDoc; tier: number }> = [];
  for (const doc of docs) {
    if (matches(spec, doc, needle)) hits.push({ doc, tier: naiveTier(spec, doc, needle) });
  }
  const tieBreak = spec.searchTieBreak ?? [];
  hits.sort((a, b) => {
    if (a.tier !== b.tier) return a.tier - b.tier;
    for (const [field, dir] of tieBreak) {
      const x = a.doc[field] as number | string;
      const y = b.doc[field] as number | string;
      if (x !== y) return (x < y ? -1 : 1) * (dir === 'asc' ? 1 : -1);
    }
    return 0;
  });
  return {
    items: hits.slice(0, limit).map((h) => ({ id: h.doc._id, tier: h.tier })),
    total: hits.length,
  };
}

/**
 * The 全部 tab the way the handler defines it: both lists ranked, merged by tier with
 * hospitals first inside a tier, first `limit`; total is the sum.
 */
export function naiveSearchAll(
  specs: { hospitals: CollectionSpec; doctors: CollectionSpec },
  docs: { hospitals: readonly StoredDoc[]; doctors: readonly StoredDoc[] },
  q: string,
  limit: number,
): { items: NaiveSearchHit[]; total: number } {
  const h = naiveSearch(specs.hospitals, docs.hospitals, q, limit);
  const d = naiveSearch(specs.doctors, docs.doctors, q, limit);
  const merged = [
    ...h.items.map((x, i) => ({ ...x, side: 0, i })),
    ...d.items.map((x, i) => ({ ...x, side: 1, i })),
  ];
  merged.sort((a, b) => a.tier - b.tier || a.side - b.side || a.i - b.i);
  return {
    items: merged.slice(0, limit).map(({ id, tier }) => ({ id, tier })),
    total: h.total + d.total,
  };
}
