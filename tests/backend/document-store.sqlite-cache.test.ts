import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteDocumentStore } from '../../backend/adapters/sqlite';
import type { CollectionSpec, StoredDoc } from '../../backend/ports/document-store';

/**
 * The SQLite adapter's document cache (CollectionSpec.cacheDocs): a list read after any
 * change — through this store, inside a rolled-back transaction, or by another process on
 * the same file — shows the change; cached documents cannot be altered by a caller.
 */

const PLACES: CollectionSpec = {
  name: 'places',
  indexes: ['category'],
  geo: 'location',
  text: ['name'],
  cacheDocs: 100,
};

interface Place extends StoredDoc {
  name: string;
  category: string;
  location: { lat: number; lng: number };
}

const at = (i: number) => ({ lat: 31.2 + i * 0.001, lng: 121.5 });
const place = (i: number, name = `诊所${i}`): Place => ({
  _id: `p${i}`,
  name,
  category: 'a',
  location: at(i),
});
const around = { ...at(0), maxDistanceMeters: 5_000, limit: 50 };

let dir = '';
let file = '';
let store: SqliteDocumentStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'store-cache-'));
  file = join(dir, 'db.sqlite');
  store = openSqliteStore({ file, collections: [PLACES] });
  await store.insertMany(
    'places',
    [1, 2, 3].map((i) => place(i)),
  );
  // Warm the cache: every later read would be answered from it if nothing forgot it.
  await store.near('places', around);
  await store.search('places', { q: '诊所', limit: 10 });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const names = async () => (await store.near<Place>('places', around)).map((h) => h.doc.name);
const found = async () =>
  (await store.search<Place>('places', { q: '诊所', limit: 10 })).items.map((d) => d.name);

describe('a cached collection shows every change at once', () => {
  it.each([
    ['update', () => store.update('places', 'p2', { set: { name: '诊所二' } })],
    [
      'updateIf',
      () => store.updateIf('places', 'p2', { category: 'a' }, { set: { name: '诊所二' } }),
    ],
    [
      'remove + insert',
      async () => {
        await store.remove('places', 'p2');
        await store.insert('places', place(2, '诊所二'));
      },
    ],
  ])('after %s', async (_, change) => {
    await change();
    expect(await names()).toEqual(['诊所1', '诊所二', '诊所3']);
    expect(await found()).toContain('诊所二');
  });

  it('after removeWhere and insertMany', async () => {
    await store.removeWhere('places', { category: 'a' });
    expect(await names()).toEqual([]);
    await store.insertMany('places', [place(4)]);
    expect(await names()).toEqual(['诊所4']);
  });

  it('a moved place is found at its new distance', async () => {
    await store.update('places', 'p3', { set: { location: at(0) } });
    const hits = await store.near<Place>('places', around);
    expect(hits[0].doc._id).toBe('p3');
    expect(hits[0].doc.location).toEqual(at(0));
  });
});

describe('transactions', () => {
  it('rows read inside a rolled-back transaction are not served afterwards', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.update('places', 'p1', { set: { name: '从未提交' } });
        // This read caches the uncommitted document.
        expect((await tx.near<Place>('places', around))[0].doc.name).toBe('从未提交');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await names()).toEqual(['诊所1', '诊所2', '诊所3']);
  });

  it('a committed transaction is seen', async () => {
    await store.transaction(async (tx) => {
      await tx.update('places', 'p1', { set: { name: '已提交' } });
      await tx.near('places', around);
    });
    expect((await names())[0]).toBe('已提交');
  });
});

describe('another process writing the same file', () => {
  it('its commits are seen by the next read (SQLite data_version)', async () => {
    const other = openSqliteStore({ file, collections: [PLACES] });
    try {
      await other.update('places', 'p1', { set: { name: '别处改的' } });
      await other.remove('places', 'p3');
    } finally {
      await other.close();
    }
    expect(await names()).toEqual(['别处改的', '诊所2']);
    expect(await found()).toEqual(['诊所2']);
  });
});

describe('shared documents', () => {
  it('a caller cannot change what the next caller reads', async () => {
    const [first] = await store.near<Place>('places', around);
    expect(() => {
      (first.doc as { name: string }).name = '篡改';
    }).toThrow(TypeError);
    expect(() => {
      (first.doc.location as { lat: number }).lat = 0;
    }).toThrow(TypeError);
    expect((await names())[0]).toBe('诊所1');
  });

  it('more documents than the capacity are all answered correctly', async () => {
    const small = openSqliteStore({
      file: join(dir, 'small.sqlite'),
      collections: [{ ...PLACES, cacheDocs: 2 }],
    });
    try {
      await small.insertMany(
        'places',
        [1, 2, 3, 4, 5].map((i) => place(i)),
      );
      for (let round = 0; round < 3; round++) {
        const hits = await small.near<Place>('places', around);
        expect(hits.map((h) => h.doc._id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
        expect(hits.map((h) => h.doc.name)).toEqual(['诊所1', '诊所2', '诊所3', '诊所4', '诊所5']);
      }
    } finally {
      await small.close();
    }
  });
});
