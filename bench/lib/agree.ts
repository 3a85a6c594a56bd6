import type { CollectionSpec, StoredDoc } from '../../backend/ports/document-store';
import { haversineMeters } from '../../contract/geo';
import type { Located, NaiveNearHit, NaiveSearchHit } from './naive';
import { naiveTier } from './naive';

/**
 * Sanity checks: a fast answer that differs from the naive one is a bug, not a speed-up.
 * Each returns null when the answers agree, else a sentence saying how they differ.
 */

/** Distances are reported rounded to the metre. */
const DISTANCE_SLACK_M = 1;

/**
 * Top-k by distance. Doctors share their hospital's location, so several hits can tie at
 * the same distance and either side may cut a tie group differently at position k. So:
 * same length, same distance at every position, every id really at its reported distance,
 * and every naive id strictly closer than the k-th distance present on the indexed side.
 */
export function compareNear(
  label: string,
  indexed: ReadonlyArray<{ id: string; distanceMeters: number }>,
  naive: readonly NaiveNearHit[],
  byId: ReadonlyMap<string, Located>,
  at: { lat: number; lng: number },
): string | null {
  if (indexed.length !== naive.length) {
    return `${label}: indexed returned ${indexed.length} hits, naive ${naive.length}`;
  }
  for (let i = 0; i < naive.length; i++) {
    const got = indexed[i];
    if (Math.abs(got.distanceMeters - naive[i].distanceMeters) > DISTANCE_SLACK_M) {
      return `${label}: hit #${i + 1} is at ${got.distanceMeters} m indexed, ${naive[i].distanceMeters.toFixed(1)} m naive`;
    }
    const doc = byId.get(got.id);
    if (!doc) return `${label}: indexed returned unknown id ${got.id}`;
    const real = haversineMeters(at.lat, at.lng, doc.location.lat, doc.location.lng);
    if (Math.abs(real - got.distanceMeters) > DISTANCE_SLACK_M) {
      return `${label}: ${got.id} reported at ${got.distanceMeters} m but is ${real.toFixed(1)} m away`;
    }
  }
  if (naive.length === 0) return null;
  const ids = new Set(indexed.map((h) => h.id));
  if (ids.size !== indexed.length) return `${label}: indexed returned a duplicate id`;
  const kth = naive[naive.length - 1].distanceMeters;
  const missing = naive.find((h) => h.distanceMeters < kth - DISTANCE_SLACK_M && !ids.has(h.id));
  return missing
    ? `${label}: indexed top-k lacks ${missing.id} at ${missing.distanceMeters.toFixed(1)} m`
    : null;
}

/** True when both sides list the same ids in the same order (ties cut identically too). */
export const sameIds = (
  a: ReadonlyArray<{ id: string }>,
  b: ReadonlyArray<{ id: string }>,
): boolean => a.length === b.length && a.every((x, i) => x.id === b[i].id);

/**
 * Search: the totals must be equal, and the first page must rank by the same tiers
 * (exact name, prefix, substring, other field) as the naive ranking.
 */
export function compareSearch(
  label: string,
  indexed: { total: number; ids: readonly string[] },
  naive: { total: number; items: readonly NaiveSearchHit[] },
  tierOf: (id: string) => number | null,
): string | null {
  if (indexed.total !== naive.total)
    return `${label}: total ${indexed.total} indexed, ${naive.total} naive`;
  if (indexed.ids.length !== naive.items.length) {
    return `${label}: first page has ${indexed.ids.length} items indexed, ${naive.items.length} naive`;
  }
  for (let i = 0; i < indexed.ids.length; i++) {
    const tier = tierOf(indexed.ids[i]);
    if (tier !== naive.items[i].tier) {
      return `${label}: item #${i + 1} (${indexed.ids[i]}) has tier ${tier}, naive ranks tier ${naive.items[i].tier} there`;
    }
  }
  return null;
}

/** Tier lookup over both collections for compareSearch. */
export function tierLookup(
  sides: Array<{ spec: CollectionSpec; byId: ReadonlyMap<string, StoredDoc> }>,
  q: string,
): (id: string) => number | null {
  const needle = q.toLowerCase();
  return (id) => {
    for (const { spec, byId } of sides) {
      const doc = byId.get(id);
      if (doc) return naiveTier(spec, doc, needle);
    }
    return null;
  };
}
