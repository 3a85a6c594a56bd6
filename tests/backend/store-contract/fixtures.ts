import type { CollectionSpec, DocumentStore } from '../../../backend/ports/document-store';
import { HOSPITALS } from '../../../backend/collections';

/** Collections the contract uses: small synthetic ones plus the real hospitals spec. */
export const ITEMS: CollectionSpec = {
  name: 'items',
  indexes: ['kind', 'n', 'score', 'label', 'flag', 'meta.level'],
};

export const PLACES: CollectionSpec = { name: 'places', indexes: ['category'], geo: 'location' };

export const ARTICLES: CollectionSpec = {
  name: 'articles',
  indexes: ['rank', 'title', 'city'],
  text: ['title', 'alias', 'body'],
  searchTieBreak: [
    ['rank', 'asc'],
    ['title', 'asc'],
  ],
};

export const CONTRACT_COLLECTIONS: CollectionSpec[] = [ITEMS, PLACES, ARTICLES, HOSPITALS];

/**
 * How the contract reaches an adapter. `open` gives a fresh, empty store; `reopen`
 * (durable stores only) closes it and opens the same data again.
 */
export interface StoreHarness {
  open(): Promise<DocumentStore>;
  close(store: DocumentStore): Promise<void>;
  reopen?(store: DocumentStore): Promise<DocumentStore>;
}

/** Registers a fresh store per test; read it with `get()` inside tests. */
export function freshStorePerTest(harness: StoreHarness): () => DocumentStore {
  let store: DocumentStore | null = null;
  beforeEach(async () => {
    store = await harness.open();
  });
  afterEach(async () => {
    if (store) await harness.close(store);
    store = null;
  });
  return () => {
    if (!store) throw new Error('store used outside a test');
    return store;
  };
}

/** mulberry32: a tiny seeded PRNG so failures reproduce. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const R = 6371008.8;
const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** Haversine in the atan2 form, written apart from the adapters' code on purpose. */
export function referenceDistance(
  a: { lat: number; lng: number },
  b: { lat: number; lng: number },
): number {
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * R * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}

/** The point `meters` away from `from` on initial bearing `bearingDeg` (great circle). */
export function destination(
  from: { lat: number; lng: number },
  bearingDeg: number,
  meters: number,
) {
  const d = meters / R;
  const b = rad(bearingDeg);
  const lat1 = rad(from.lat);
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lng2 =
    rad(from.lng) +
    Math.atan2(
      Math.sin(b) * Math.sin(d) * Math.cos(lat1),
      Math.cos(d) - Math.sin(lat1) * Math.sin(lat2),
    );
  const lng = ((deg(lng2) + 540) % 360) - 180;
  return { lat: deg(lat2), lng };
}

/** Settles later, when the test says so (to hold a transaction open). */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export const ids = (docs: Array<{ _id: string }>): string[] => docs.map((d) => d._id);
