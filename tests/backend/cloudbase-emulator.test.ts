import {
  CloudbaseEmulator,
  DEFAULT_LIMIT,
  emulatorDatabase,
  MAX_LIMIT,
  QUERY_IN_TRANSACTION,
} from '../support/cloudbase-emulator';

/**
 * The emulator enforces the platform's documented rules, seen through the real wx-server-sdk
 * (tests/support/cloudbase-emulator cites the doc for each). These tests pin those rules, so
 * a change to the emulator cannot quietly make it more forgiving than CloudBase.
 */

let emulator: CloudbaseEmulator;
let db: ReturnType<typeof emulatorDatabase>;
beforeEach(() => {
  emulator = new CloudbaseEmulator({ geoIndexes: { places: ['location'] }, lockWaitMs: 200 });
  db = emulatorDatabase(emulator);
});

const seed = (collection: string, n: number) => {
  for (let i = 0; i < n; i++) emulator.store.insert(collection, { _id: `d${1000 + i}`, n: i });
};

/** The wx-server-sdk calls these tests make, promise-typed (the SDK types allow callbacks). */
type Rec = Record<string, unknown>;
interface SdkQuery {
  get(): Promise<{ data: Rec[] }>;
  limit(n: number): SdkQuery;
}
interface SdkDoc {
  get(): Promise<{ data: Rec | null }>;
  update(o: { data: Rec }): Promise<unknown>;
}
interface SdkTx {
  collection(name: string): { doc(id: string): SdkDoc; where(q: object): SdkQuery };
  commit(): Promise<unknown>;
  rollback(): Promise<unknown>;
}
interface Sdk {
  collection(name: string): SdkQuery & { where(q: object): SdkQuery; doc(id: string): SdkDoc };
  startTransaction(): Promise<SdkTx>;
  runTransaction(work: (tx: SdkTx) => Promise<void>): Promise<void>;
}
const sdk = () => db as unknown as Sdk;

describe('queries', () => {
  it('get() answers 100 documents by default and never more than 1000', async () => {
    seed('items', 1200);
    expect((await sdk().collection('items').get()).data).toHaveLength(DEFAULT_LIMIT);
    expect((await sdk().collection('items').limit(5000).get()).data).toHaveLength(MAX_LIMIT);
  });

  it('where() has MongoDB semantics: commands, RegExp, and/or, exists, nested paths', async () => {
    const _ = db.command as unknown as Record<string, (...a: unknown[]) => unknown> & {
      exists(b: boolean): unknown;
      nin(v: unknown[]): unknown;
    };
    emulator.store.insert('items', { _id: 'a', n: 1, tag: '瑞金医院', meta: { level: 2 } });
    emulator.store.insert('items', { _id: 'b', n: 5, tag: 'other' });
    emulator.store.insert('items', { _id: 'c', n: 9, tag: null });
    const ids = async (q: object) =>
      (await sdk().collection('items').where(q).get()).data.map((d) => d._id).sort();
    expect(await ids({ n: _.gt(1) })).toEqual(['b', 'c']);
    expect(await ids({ n: _.nin([1, 9]) })).toEqual(['b']);
    expect(await ids({ 'meta.level': 2 })).toEqual(['a']);
    expect(await ids({ meta: _.exists(false) })).toEqual(['b', 'c']);
    expect(await ids({ tag: db.RegExp({ regexp: '^瑞金', options: 'i' }) })).toEqual(['a']);
    expect(await ids(_.or({ n: 1 }, { n: 9 }) as object)).toEqual(['a', 'c']);
    expect(await ids({ tag: _.neq(null) })).toEqual(['a', 'b']);
  });

  it('update operators inc, set, remove, push and pull apply as on MongoDB', async () => {
    const _ = db.command as unknown as Record<string, (...a: unknown[]) => unknown>;
    await db.collection('items').add({ data: { _id: 'x', n: 1, list: [1, 2], gone: true } });
    await db
      .collection('items')
      .doc('x')
      .update({
        data: { n: _.inc(2), obj: _.set({ k: 1 }), gone: _.remove(), list: _.push([3]) },
      });
    await db
      .collection('items')
      .doc('x')
      .update({ data: { list: _.pull(1) } });
    expect(emulator.store.dump('items')).toEqual([{ _id: 'x', n: 3, list: [2, 3], obj: { k: 1 } }]);
  });

  it('_id is unique; a cloud function add gets no _openid; a record is at most 16 MB', async () => {
    await db.collection('items').add({ data: { _id: 'x' } });
    await expect(db.collection('items').add({ data: { _id: 'x' } })).rejects.toThrow(/E11000/);
    const { _id } = (await db.collection('items').add({ data: { n: 1 } })) as { _id: string };
    expect(emulator.store.dump('items').find((d) => d._id === _id)).toEqual({ _id, n: 1 });
    const big = 'x'.repeat(3 * 1024 * 1024);
    const huge = { _id: 'big', parts: [big, big, big, big, big, big] };
    expect(() => emulator.store.insert('items', huge)).toThrow(/at most/);
    await expect(db.collection('items').add({ data: { blob: `${big}${big}` } })).rejects.toThrow(
      /over the limit/,
    );
  });
});

describe('geoNear', () => {
  it('needs a geo index on the field, and answers nearest first with the distance', async () => {
    await db
      .collection('places')
      .add({ data: { _id: 'far', location: db.Geo.Point(121.5, 31.3) } });
    await db
      .collection('places')
      .add({ data: { _id: 'near', location: db.Geo.Point(121.47, 31.231) } });
    // A fresh stage per call: the SDK rewrites `near` in the object it is given.
    const stage = () => ({
      near: db.Geo.Point(121.47, 31.23),
      distanceField: 'd',
      spherical: true as const,
      maxDistance: 50_000,
      query: {},
      key: 'location',
    });
    const { list } = (await db
      .collection('places')
      .aggregate()
      .geoNear(stage())
      .limit(10)
      .end()) as {
      list: Array<{ _id: string; d: number }>;
    };
    expect(list.map((p) => p._id)).toEqual(['near', 'far']);
    expect(list[0].d).toBeLessThan(200);
    await expect(db.collection('shops').aggregate().geoNear(stage()).end()).rejects.toThrow(
      /index/,
    );
  });

  it('refuses a location that is not a GeoPoint in a geo-indexed field', async () => {
    await expect(
      db.collection('places').add({ data: { location: { lat: 31, lng: 121 } } }),
    ).rejects.toThrow(/geo keys/);
  });
});

describe('transactions', () => {
  it('refuse any query inside, with the platform message', async () => {
    seed('items', 3);
    const tx = await sdk().startTransaction();
    await expect(tx.collection('items').where({ n: 1 }).get()).rejects.toThrow(
      QUERY_IN_TRANSACTION,
    );
    await tx.rollback();
  });

  it('two transactions writing one document: startTransaction surfaces the conflict', async () => {
    await db.collection('items').add({ data: { _id: 'x', n: 0 } });
    const a = await sdk().startTransaction();
    const b = await sdk().startTransaction();
    await a
      .collection('items')
      .doc('x')
      .update({ data: { n: 1 } });
    await expect(
      b
        .collection('items')
        .doc('x')
        .update({ data: { n: 2 } }),
    ).rejects.toThrow(/transaction conflict/);
    await a.commit();
    await b.rollback();
    expect(emulator.store.dump('items')).toEqual([{ _id: 'x', n: 1 }]);
  });

  it('a transaction reads its snapshot; a plain write waits for its lock', async () => {
    await db.collection('items').add({ data: { _id: 'x', n: 0 } });
    const a = await sdk().startTransaction();
    expect((await a.collection('items').doc('x').get()).data).toEqual({ _id: 'x', n: 0 });
    await db
      .collection('items')
      .doc('x')
      .update({ data: { n: 5 } });
    expect((await a.collection('items').doc('x').get()).data).toEqual({ _id: 'x', n: 0 });
    await expect(
      a
        .collection('items')
        .doc('x')
        .update({ data: { n: 1 } }),
    ).rejects.toThrow(/conflict/);
    await a.rollback();
    const b = await sdk().startTransaction();
    await b
      .collection('items')
      .doc('x')
      .update({ data: { n: 7 } });
    const plain = db
      .collection('items')
      .doc('x')
      .update({ data: { n: 9 } });
    await b.commit();
    await plain;
    expect(emulator.store.dump('items')).toEqual([{ _id: 'x', n: 9 }]);
  });

  it("runTransaction under wx-server-sdk does not retry a conflict (the SDK's check never matches)", async () => {
    await db.collection('items').add({ data: { _id: 'x', n: 0 } });
    const holder = await sdk().startTransaction();
    await holder
      .collection('items')
      .doc('x')
      .update({ data: { n: 1 } });
    let runs = 0;
    await expect(
      sdk().runTransaction(async (tx) => {
        runs += 1;
        await tx
          .collection('items')
          .doc('x')
          .update({ data: { n: 2 } });
      }),
    ).rejects.toThrow(/transaction conflict/);
    expect(runs).toBe(1);
    await holder.rollback();
  });
});
