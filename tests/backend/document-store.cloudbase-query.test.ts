import { createCloudbaseStore } from '../../backend/adapters/cloudbase';
import type { DocumentStore } from '../../backend/ports/document-store';
import { C, fakeDatabase } from './store-contract/cloudbase-fake';
import { destination, referenceDistance } from './store-contract/fixtures';
import { CONTRACT_COLLECTIONS } from './store-contract/suite';

/** near, search and transaction on CloudBase: the exact calls, and what is done in memory. */

let fake: ReturnType<typeof fakeDatabase>;
let store: DocumentStore;

beforeEach(() => {
  fake = fakeDatabase();
  store = createCloudbaseStore(fake.db, CONTRACT_COLLECTIONS);
});

describe('near', () => {
  const center = { lat: 31.2304, lng: 121.4737 };

  it('runs aggregate().geoNear(...).limit(n).end() with a GeoPoint, the filter and the geo key', async () => {
    await store.near('places', {
      ...center,
      maxDistanceMeters: 5000,
      limit: 7,
      filter: { category: 'a' },
    });
    expect(fake.log).toEqual([
      ['collection', 'places'],
      ['aggregate'],
      [
        'geoNear',
        {
          near: C.point(center.lng, center.lat),
          distanceField: 'distanceMeters',
          spherical: true,
          maxDistance: 5000 * 1.002,
          query: { category: C.eq('a') },
          key: 'location',
        },
      ],
      ['limit', 7],
      ['end'],
    ]);
  });

  it('returns { lat, lng } documents with the port’s haversine distance, dropping any past the radius', async () => {
    const near = destination(center, 30, 1200);
    const edge = destination(center, 200, 5004);
    fake.respond('end', {
      list: [
        { _id: 'n', category: 'a', location: C.point(near.lng, near.lat), distanceMeters: 1201.3 },
        { _id: 'e', category: 'a', location: C.point(edge.lng, edge.lat), distanceMeters: 5009.9 },
      ],
    });
    const hits = await store.near('places', { ...center, maxDistanceMeters: 5000, limit: 7 });
    expect(hits).toEqual([
      { doc: { _id: 'n', category: 'a', location: near }, distanceMeters: expect.any(Number) },
    ]);
    expect(hits[0].distanceMeters).toBeCloseTo(referenceDistance(center, near), 3);
  });

  it('asks for nothing when limit is 0, and refuses undeclared filter fields', async () => {
    expect(await store.near('places', { ...center, maxDistanceMeters: 10, limit: 0 })).toEqual([]);
    await expect(
      store.near('places', { ...center, maxDistanceMeters: 10, limit: 1, filter: { name: 'x' } }),
    ).rejects.toThrow('not declared');
    expect(fake.log).toEqual([]);
  });
});

describe('search', () => {
  const articles = (...docs: Array<Record<string, unknown>>) => ({ data: docs });

  it('escapes the query into one case-insensitive db.RegExp and queries each text field, then counts', async () => {
    await store.search('articles', {
      q: 'a.b*(c)[d]|e^$?+{f}\\',
      limit: 10,
      filter: { city: 'sh' },
    });
    const re = C.regexp('a\\.b\\*\\(c\\)\\[d\\]\\|e\\^\\$\\?\\+\\{f\\}\\\\', 'i');
    const cond = { city: C.eq('sh') };
    const perField = (field: string) => [
      ['collection', 'articles'],
      ['where', C.and(cond, { [field]: re })],
      ['orderBy', 'rank', 'asc'],
      ['orderBy', 'title', 'asc'],
      ['orderBy', '_id', 'asc'],
      ['limit', 200],
      ['get'],
    ];
    expect(fake.log).toEqual([
      ...perField('title'),
      ...perField('alias'),
      ...perField('body'),
      ['collection', 'articles'],
      ['where', C.and(cond, C.or({ title: re }, { alias: re }, { body: re }))],
      ['count'],
    ]);
    expect(new RegExp(re.regexp, 'i').test('xx A.B*(C)[D]|E^$?+{F}\\ yy')).toBe(true);
    expect(new RegExp(re.regexp, 'i').test('aXb*(c)[d]|e^$?+{f}\\')).toBe(false);
  });

  it('ranks candidates in memory: exact, prefix, substring of the first field, other fields; then tie-break', async () => {
    fake.respond(
      'get',
      articles(
        { _id: 's1', title: 'The Heart Institute', rank: 0 },
        { _id: 'e1', title: 'Heart', rank: 3 },
        { _id: 'p1', title: 'Heart Center', rank: 2 },
        { _id: 'e2', title: 'heart', rank: 1 },
      ),
      articles(
        { _id: 'o1', title: 'Cardiology', alias: 'heart dept', rank: 0 },
        { _id: 'p1', title: 'Heart Center', rank: 2 },
      ),
      articles(
        { _id: 'o2', title: 'Clinic', body: 'HEART', rank: 5 },
        { _id: 'o3', title: 'Alpha', body: 'heart', rank: 5 },
      ),
    );
    fake.respond('count', { total: 7 });
    const result = await store.search('articles', { q: 'HEART', limit: 4, skip: 1 });
    expect(result.total).toBe(7);
    expect(result.items.map((d) => d._id)).toEqual(['e1', 'p1', 's1', 'o1']);
  });

  it('asks for skip+limit candidates when that exceeds 200, capped at 1000', async () => {
    await store.search('articles', { q: 'x', limit: 50, skip: 400 });
    await store.search('articles', { q: 'x', limit: 50, skip: 5000 });
    const limits = fake.log.filter(([n]) => n === 'limit').map(([, v]) => v);
    expect(limits).toEqual([450, 450, 450, 1000, 1000, 1000]);
  });

  it('makes no call for an empty query', async () => {
    expect(await store.search('articles', { q: '', limit: 5 })).toEqual({ items: [], total: 0 });
    expect(fake.log).toEqual([]);
  });
});

describe('transaction', () => {
  it('gets, updates and removes by id through the transaction object', async () => {
    fake.respond(
      'tx.get',
      { data: { _id: 'o', kind: 'pending', n: 1 } },
      { data: { _id: 'o', kind: 'paid' } },
      {
        data: { _id: 'o' },
      },
    );
    const result = await store.transaction(async (tx) => {
      const ok = await tx.updateIf(
        'items',
        'o',
        { kind: 'pending', n: { $gte: 1 } },
        { set: { kind: 'paid' }, inc: { n: 1 } },
      );
      const again = await tx.updateIf('items', 'o', { kind: 'pending' }, { set: { kind: 'x' } });
      const removed = await tx.remove('items', 'o');
      return [ok, again, removed];
    });
    expect(result).toEqual([true, false, true]);
    expect(fake.log).toEqual([
      ['runTransaction'],
      ['tx.collection', 'items'],
      ['tx.get', 'o'],
      ['tx.collection', 'items'],
      ['tx.update', 'o', { data: { kind: 'paid', n: C.inc(1) } }],
      ['tx.collection', 'items'],
      ['tx.get', 'o'],
      ['tx.collection', 'items'],
      ['tx.get', 'o'],
      ['tx.remove', 'o'],
      ['commit'],
    ]);
  });

  it('refuses queries inside a transaction with a clear error, and rolls back', async () => {
    await expect(store.transaction((tx) => tx.find('items', { kind: 'x' }))).rejects.toThrow(
      /single documents by _id/,
    );
    await expect(
      store.transaction((tx) => tx.search('articles', { q: 'x', limit: 1 })),
    ).rejects.toThrow(/by _id/);
    expect(fake.log.filter(([n]) => n === 'rollback')).toHaveLength(2);
    expect(fake.log.some(([n]) => n === 'where')).toBe(false);
  });

  it('joins nested calls to the open transaction and refuses use after it ended', async () => {
    let view: DocumentStore | null = null;
    await store.transaction(async (tx) => {
      view = tx;
      await tx.transaction(async (inner) => inner.get('items', 'a'));
    });
    expect(fake.log.filter(([n]) => n === 'runTransaction')).toHaveLength(1);
    await expect(view!.get('items', 'a')).rejects.toThrow('ended');
  });
});
