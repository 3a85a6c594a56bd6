import { createCloudbaseStore } from '../../backend/adapters/cloudbase';
import {
  DuplicateIdError,
  UnindexedFieldError,
  type DocumentStore,
} from '../../backend/ports/document-store';
import { C, fakeDatabase } from './store-contract/cloudbase-fake';
import { CONTRACT_COLLECTIONS } from './store-contract/suite';

/** The CloudBase adapter's exact calls, against a recorded fake of `cloud.database()`. */

let fake: ReturnType<typeof fakeDatabase>;
let store: DocumentStore;

beforeEach(() => {
  fake = fakeDatabase();
  store = createCloudbaseStore(fake.db, CONTRACT_COLLECTIONS);
});

describe('get', () => {
  it('reads doc(id) and turns the SDK GeoPoint back into { lat, lng }', async () => {
    fake.respond('doc.get', {
      data: { _id: 'p1', category: 'a', location: { longitude: 121.47, latitude: 31.23 } },
    });
    expect(await store.get('places', 'p1')).toEqual({
      _id: 'p1',
      category: 'a',
      location: { lat: 31.23, lng: 121.47 },
    });
    expect(fake.log).toEqual([
      ['collection', 'places'],
      ['doc.get', 'p1'],
    ]);
  });

  it('returns null when the SDK rejects with "does not exist", and rethrows other failures', async () => {
    expect(await store.get('items', 'nope')).toBeNull();
    fake.respond('doc.get', new Error('document.get:fail -501001 resource system error'));
    await expect(store.get('items', 'x')).rejects.toThrow('-501001');
  });
});

describe('find / count', () => {
  it('builds where with the command helpers, then orderBy, _id tie-break, skip and limit', async () => {
    fake.respond('get', { data: [{ _id: 'a', kind: 'x', n: 2 }] });
    const docs = await store.find(
      'items',
      {
        kind: 'x',
        n: { $gte: 1, $lt: 5 },
        'meta.level': { $in: [1, 2] },
        flag: { $ne: null },
        label: { $eq: null },
      },
      {
        sort: [
          ['n', 'desc'],
          ['kind', 'asc'],
        ],
        skip: 10,
        limit: 3,
      },
    );
    expect(docs).toEqual([{ _id: 'a', kind: 'x', n: 2 }]);
    expect(fake.log).toEqual([
      ['collection', 'items'],
      [
        'where',
        {
          kind: C.eq('x'),
          n: C.and(C.gte(1), C.lt(5)),
          'meta.level': C.in([1, 2]),
          flag: C.neq(null),
          label: C.eq(null),
        },
      ],
      ['orderBy', 'n', 'desc'],
      ['orderBy', 'kind', 'asc'],
      ['orderBy', '_id', 'asc'],
      ['skip', 10],
      ['limit', 3],
      ['get'],
    ]);
  });

  it('reads past the 1000-per-query cap in pages when no limit is given', async () => {
    const page = (from: number, n: number) => ({
      data: Array.from({ length: n }, (_, i) => ({ _id: `d${from + i}` })),
    });
    fake.respond('get', page(0, 1000), page(1000, 1000), page(2000, 7));
    expect(await store.find('items', { kind: 'x' })).toHaveLength(2007);
    const paging = fake.log.filter(([name]) => name === 'skip' || name === 'limit');
    expect(paging).toEqual([
      ['limit', 1000],
      ['skip', 1000],
      ['limit', 1000],
      ['skip', 2000],
      ['limit', 1000],
    ]);
  });

  it('asks for no more than the limit across pages, and nothing for limit 0', async () => {
    fake.respond('get', { data: Array.from({ length: 1000 }, (_, i) => ({ _id: `d${i}` })) });
    fake.respond('get', { data: Array.from({ length: 500 }, (_, i) => ({ _id: `e${i}` })) });
    expect(await store.find('items', {}, { limit: 1500 })).toHaveLength(1500);
    expect(fake.log.filter(([name]) => name === 'limit')).toEqual([
      ['limit', 1000],
      ['limit', 500],
    ]);
    fake.log.length = 0;
    expect(await store.find('items', {}, { limit: 0 })).toEqual([]);
    expect(fake.log).toEqual([]);
  });

  it('refuses undeclared fields before calling the database', async () => {
    await expect(store.find('items', { secret: 1 })).rejects.toBeInstanceOf(UnindexedFieldError);
    await expect(store.find('items', {}, { sort: [['secret', 'asc']] })).rejects.toBeInstanceOf(
      UnindexedFieldError,
    );
    await expect(store.count('items', { secret: 1 })).rejects.toBeInstanceOf(UnindexedFieldError);
    expect(fake.log).toEqual([]);
  });

  it('counts with where(...).count()', async () => {
    fake.respond('count', { total: 42 });
    expect(await store.count('items', { kind: { $in: [] } })).toBe(42);
    expect(fake.log).toEqual([['collection', 'items'], ['where', { kind: C.in([]) }], ['count']]);
  });
});

describe('insert / insertMany', () => {
  it('adds with an assigned _id and the geo field as Geo.Point(lng, lat)', async () => {
    const id = await store.insert('places', { category: 'a', location: { lat: 31.2, lng: 121.5 } });
    expect(id).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(fake.log).toEqual([
      ['collection', 'places'],
      ['add', { data: { _id: id, category: 'a', location: C.point(121.5, 31.2) } }],
    ]);
  });

  it('maps the duplicate-key failure to DuplicateIdError and rethrows others', async () => {
    fake.respond(
      'add',
      new Error('collection.add:fail -502001 database request fail. E11000 duplicate key error'),
    );
    await expect(store.insert('items', { _id: 'x' })).rejects.toEqual(
      new DuplicateIdError('items', 'x'),
    );
    fake.respond('add', new Error('collection.add:fail -501001 network'));
    await expect(store.insert('items', { _id: 'y' })).rejects.not.toBeInstanceOf(DuplicateIdError);
  });

  it('refuses a geo field that is not { lat, lng }', async () => {
    await expect(store.insert('places', { location: [121.5, 31.2] })).rejects.toThrow('location');
    expect(fake.log).toEqual([]);
  });

  it('inserts many in one transaction: checks each id, then sets the document', async () => {
    expect(
      await store.insertMany('places', [
        { _id: 'p1', location: { lat: 1, lng: 2 } },
        { _id: 'p2' },
      ]),
    ).toBe(2);
    expect(fake.log).toEqual([
      ['runTransaction'],
      ['tx.collection', 'places'],
      ['tx.get', 'p1'],
      ['tx.set', 'p1', { data: { location: C.point(2, 1) } }],
      ['tx.collection', 'places'],
      ['tx.get', 'p2'],
      ['tx.set', 'p2', { data: {} }],
      ['commit'],
    ]);
  });

  it('rolls the batch back on an existing id, and refuses duplicates within the batch', async () => {
    fake.respond('tx.get', fake.notFound(), { data: { _id: 'taken' } });
    await expect(
      store.insertMany('items', [{ _id: 'new' }, { _id: 'taken' }]),
    ).rejects.toBeInstanceOf(DuplicateIdError);
    expect(fake.log.at(-1)).toEqual(['rollback']);
    fake.log.length = 0;
    await expect(store.insertMany('items', [{ _id: 'a' }, { _id: 'a' }])).rejects.toBeInstanceOf(
      DuplicateIdError,
    );
    expect(fake.log).toEqual([['runTransaction'], ['rollback']]);
  });
});

describe('update / updateIf / remove / removeWhere', () => {
  it('updates doc(id) with dotted set, _.set for objects, _.inc and _.remove()', async () => {
    expect(
      await store.update('places', 'p', {
        set: { 'meta.level': 2, tags: ['a'], meta2: { x: 1 }, location: { lat: 31, lng: 121 } },
        inc: { n: 2 },
        unset: ['gone'],
      }),
    ).toBe(true);
    expect(fake.log).toEqual([
      ['collection', 'places'],
      [
        'doc.update',
        'p',
        {
          data: {
            'meta.level': 2,
            tags: C.set(['a']),
            meta2: C.set({ x: 1 }),
            location: C.set(C.point(121, 31)),
            n: C.inc(2),
            gone: C.remove(),
          },
        },
      ],
    ]);
  });

  it('tells "missing" from "no change" when nothing was updated', async () => {
    fake.respond('doc.update', { stats: { updated: 0 } }, { stats: { updated: 0 } });
    fake.respond('count', { total: 1 }, { total: 0 });
    expect(await store.update('items', 'same', { set: { n: 1 } })).toBe(true);
    expect(await store.update('items', 'gone', { set: { n: 1 } })).toBe(false);
    expect(fake.log.filter(([n]) => n === 'where')).toEqual([
      ['where', { _id: C.eq('same') }],
      ['where', { _id: C.eq('gone') }],
    ]);
  });

  it('refuses _id, overlapping paths and dotted paths into the geo field', async () => {
    await expect(store.update('items', 'a', { set: { _id: 'b' } })).rejects.toThrow('_id');
    await expect(
      store.update('items', 'a', { set: { meta: {} }, inc: { 'meta.n': 1 } }),
    ).rejects.toThrow('conflicting');
    await expect(store.update('places', 'p', { set: { 'location.lat': 1 } })).rejects.toThrow(
      'location',
    );
    expect(fake.log).toEqual([]);
  });

  it('compare-and-set is one where({ _id, ...expected }).update and needs stats.updated === 1', async () => {
    fake.respond('update', { stats: { updated: 1 } }, { stats: { updated: 0 } });
    const patch = { set: { kind: 'paid' } };
    expect(await store.updateIf('items', 'o', { kind: 'pending', n: { $lt: 3 } }, patch)).toBe(
      true,
    );
    expect(await store.updateIf('items', 'o', { kind: 'pending' }, patch)).toBe(false);
    expect(fake.log.slice(0, 3)).toEqual([
      ['collection', 'items'],
      ['where', { _id: 'o', kind: C.eq('pending'), n: C.lt(3) }],
      ['update', { data: { kind: 'paid' } }],
    ]);
  });

  it('removes doc(id), reporting whether it existed', async () => {
    fake.respond('doc.remove', { stats: { removed: 1 } }, { stats: { removed: 0 } });
    expect(await store.remove('items', 'a')).toBe(true);
    expect(await store.remove('items', 'a')).toBe(false);
    expect(fake.log).toEqual([
      ['collection', 'items'],
      ['doc.remove', 'a'],
      ['collection', 'items'],
      ['doc.remove', 'a'],
    ]);
  });

  it('removeWhere: one where(...).remove() without a limit; fetched ids in batches with one', async () => {
    fake.respond('remove', { stats: { removed: 9 } });
    expect(await store.removeWhere('items', { kind: 'old' })).toBe(9);
    expect(fake.log).toEqual([
      ['collection', 'items'],
      ['where', { kind: C.eq('old') }],
      ['remove'],
    ]);
    fake.log.length = 0;
    fake.respond('get', { data: [{ _id: 'a' }, { _id: 'b' }] });
    fake.respond('remove', { stats: { removed: 2 } });
    expect(await store.removeWhere('items', { kind: 'old' }, 3)).toBe(2);
    expect(fake.log).toEqual([
      ['collection', 'items'],
      ['where', { kind: C.eq('old') }],
      ['limit', 3],
      ['get'],
      ['collection', 'items'],
      ['where', { _id: C.in(['a', 'b']) }],
      ['remove'],
    ]);
  });
});
