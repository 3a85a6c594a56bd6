import type { DocumentStore, NearHit, StoredDoc } from '../../../backend/ports/document-store';
import {
  destination,
  prng,
  referenceDistance,
  freshStorePerTest,
  type StoreHarness,
} from './fixtures';

interface Place extends StoredDoc {
  category: string;
  location?: { lat: number; lng: number };
}

const SHANGHAI = { lat: 31.2304, lng: 121.4737 };

/** The brute-force answer: every place within the radius, nearest first, top `limit`. */
function bruteForce(
  places: Place[],
  center: { lat: number; lng: number },
  max: number,
  limit: number,
) {
  return places
    .filter((p) => p.location)
    .map((p) => ({ id: p._id, d: referenceDistance(center, p.location!) }))
    .filter((x) => x.d <= max)
    .sort((a, b) => a.d - b.d)
    .slice(0, limit);
}

function expectSameAsReference(hits: NearHit<Place>[], expected: Array<{ id: string; d: number }>) {
  expect(hits.map((h) => h.doc._id)).toEqual(expected.map((e) => e.id));
  hits.forEach((h, i) => expect(h.distanceMeters).toBeCloseTo(expected[i].d, 3));
}

function ring(
  center: { lat: number; lng: number },
  meters: number,
  prefix: string,
  step = 15,
): Place[] {
  return Array.from({ length: 360 / step }, (_, i) => ({
    _id: `${prefix}${i * step}`,
    category: prefix,
    location: destination(center, i * step, meters),
  }));
}

export function geoContract(harness: StoreHarness): void {
  const store = freshStorePerTest(harness);
  const near = (s: DocumentStore, q: Parameters<DocumentStore['near']>[1]) =>
    s.near<Place>('places', q);

  it('returns exactly the brute-force nearest places, with their distances (random data)', async () => {
    const rand = prng(20240601);
    const places: Place[] = Array.from({ length: 1500 }, (_, i) => ({
      _id: `p${i}`,
      category: rand() < 0.3 ? 'a' : 'b',
      location: {
        lat: SHANGHAI.lat + (rand() - 0.5) * 1.0,
        lng: SHANGHAI.lng + (rand() - 0.5) * 1.2,
      },
    }));
    await store().insertMany('places', places);
    for (let i = 0; i < 24; i++) {
      const center = {
        lat: SHANGHAI.lat + (rand() - 0.5) * 1.2,
        lng: SHANGHAI.lng + (rand() - 0.5) * 1.4,
      };
      const max = [300, 2000, 8000, 50000][i % 4];
      const limit = [1, 7, 20, 200][Math.floor(i / 4) % 4];
      expectSameAsReference(
        await near(store(), { ...center, maxDistanceMeters: max, limit }),
        bruteForce(places, center, max, limit),
      );
      const onlyA = places.filter((p) => p.category === 'a');
      expectSameAsReference(
        await near(store(), {
          ...center,
          maxDistanceMeters: max,
          limit,
          filter: { category: 'a' },
        }),
        bruteForce(onlyA, center, max, limit),
      );
    }
  });

  it('includes points just inside the radius and excludes those just outside, box corners too', async () => {
    const center = { lat: 31.2, lng: 121.5 };
    const places = [
      ...ring(center, 2000 * (1 - 1e-4), 'in'),
      ...ring(center, 2000 * (1 + 1e-4), 'out'),
      // Inside the bounding box but outside the circle.
      ...[45, 135, 225, 315].map((b) => ({
        _id: `corner${b}`,
        category: 'corner',
        location: destination(center, b, 2000 * 1.35),
      })),
    ];
    await store().insertMany('places', places);
    const hits = await near(store(), { ...center, maxDistanceMeters: 2000, limit: 100 });
    expect(hits.map((h) => h.doc._id).sort()).toEqual(
      ring(center, 1, 'in')
        .map((p) => p._id)
        .sort(),
    );
    const distances = hits.map((h) => h.distanceMeters);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('widens the longitude span with latitude (60°N) and crosses the antimeridian', async () => {
    const north = { lat: 60, lng: 10 };
    const dateLine = { lat: -10, lng: 179.995 };
    await store().insertMany('places', [
      ...ring(north, 5000 * 0.9999, 'n', 10),
      { _id: 'west-of-line', category: 'x', location: { lat: -10, lng: 179.98 } },
      { _id: 'east-of-line', category: 'x', location: { lat: -10, lng: -179.992 } },
      { _id: 'too-far-east', category: 'x', location: { lat: -10, lng: -179.96 } },
    ]);
    const northHits = await near(store(), { ...north, maxDistanceMeters: 5000, limit: 100 });
    expect(northHits).toHaveLength(36);
    const lineHits = await near(store(), { ...dateLine, maxDistanceMeters: 3000, limit: 10 });
    expect(lineHits.map((h) => h.doc._id)).toEqual(['east-of-line', 'west-of-line']);
  });

  it('returns nothing when nothing is in range, and at most `limit`', async () => {
    await store().insertMany('places', ring(SHANGHAI, 10_000, 'r'));
    expect(await near(store(), { ...SHANGHAI, maxDistanceMeters: 9_000, limit: 10 })).toEqual([]);
    expect(await near(store(), { ...SHANGHAI, maxDistanceMeters: 11_000, limit: 5 })).toHaveLength(
      5,
    );
  });

  it('follows updates and removals, and ignores documents without a location', async () => {
    await store().insert('places', { _id: 'moving', category: 'a', location: { ...SHANGHAI } });
    await store().insert('places', { _id: 'nowhere', category: 'a' });
    const found = async () =>
      (await near(store(), { ...SHANGHAI, maxDistanceMeters: 1000, limit: 10 })).map(
        (h) => h.doc._id,
      );
    expect(await found()).toEqual(['moving']);

    await store().update('places', 'moving', { set: { location: { lat: 39.9, lng: 116.4 } } });
    expect(await found()).toEqual([]);
    await store().update('places', 'moving', {
      set: { location: { lat: SHANGHAI.lat, lng: SHANGHAI.lng + 0.001 } },
    });
    await store().update('places', 'nowhere', {
      set: { location: { lat: SHANGHAI.lat + 0.001, lng: SHANGHAI.lng } },
    });
    expect((await found()).sort()).toEqual(['moving', 'nowhere']);
    await store().update('places', 'moving', { set: { category: 'b' } });
    expect(
      await near(store(), {
        ...SHANGHAI,
        maxDistanceMeters: 1000,
        limit: 10,
        filter: { category: 'b' },
      }),
    ).toHaveLength(1);

    await store().remove('places', 'moving');
    await store().removeWhere('places', { category: 'a' });
    expect(await found()).toEqual([]);
  });

  it('refuses a filter on an undeclared field', async () => {
    await expect(
      near(store(), { ...SHANGHAI, maxDistanceMeters: 1000, limit: 1, filter: { name: 'x' } }),
    ).rejects.toThrow('not declared');
  });
}
