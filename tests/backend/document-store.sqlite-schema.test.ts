import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../backend/adapters/sqlite';
import type { CollectionSpec } from '../../backend/ports/document-store';

/** What only the SQLite adapter has: a file, a schema that evolves, SQL to keep safe. */

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-sqlite-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const V1: CollectionSpec = { name: 'notes', indexes: ['rank'], text: ['title'] };
const V2: CollectionSpec = {
  name: 'notes',
  indexes: ['rank', 'city'],
  text: ['title', 'body'],
  geo: 'at',
};

it('opens a file database in WAL mode, creating its folder', async () => {
  const file = join(dir, 'nested', 'wal.sqlite');
  const store = openSqliteStore({ file, collections: [V1] });
  await store.insert('notes', { title: 'x' });
  const probe = new Database(file, { readonly: true });
  expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
  probe.close();
  await store.close();
});

// Durability (issue 15): a SIGKILL cannot tell FULL from NORMAL, so the setting is asserted.
it('syncs every commit: WAL with synchronous=FULL on a file database', async () => {
  const store = openSqliteStore({ file: join(dir, 'full.sqlite'), collections: [V1] });
  expect(store.durability()).toEqual({ journalMode: 'wal', synchronous: 2 });
  await store.close();
});

it('brings an existing file up to a changed spec: new index columns, text fields and geo', async () => {
  const file = join(dir, 'evolve.sqlite');
  const v1 = openSqliteStore({ file, collections: [V1] });
  await v1.insert('notes', {
    _id: 'n1',
    title: 'alpha',
    body: '瑞金 beta',
    city: 'sh',
    rank: 1,
    at: { lat: 31.2, lng: 121.5 },
  });
  await v1.close();

  const v2 = openSqliteStore({ file, collections: [V2] });
  expect((await v2.search('notes', { q: '瑞金', limit: 5 })).total).toBe(1);
  expect(await v2.count('notes', { city: 'sh' })).toBe(1);
  expect(
    await v2.near('notes', { lat: 31.2, lng: 121.5, maxDistanceMeters: 5, limit: 1 }),
  ).toHaveLength(1);
  await v2.close();
});

describe('SQL safety', () => {
  it.each([
    [{ name: 'notes; DROP TABLE x', indexes: [] }],
    [{ name: 'notes__fts', indexes: [] }],
    [{ name: 'notes', indexes: ['a"b'] }],
    [{ name: 'notes', indexes: ['a..b'] }],
    [{ name: 'notes', indexes: [], text: ["t') --"] }],
    [{ name: 'notes', indexes: [], geo: 'loc ation' }],
    [{ name: 'notes', indexes: [], searchTieBreak: [['rank', 'asc']] as const }],
  ])('refuses an unsafe or inconsistent spec at open: %j', (spec) => {
    expect(() =>
      openSqliteStore({ file: ':memory:', collections: [spec as CollectionSpec] }),
    ).toThrow();
  });

  it('binds hostile values as data', async () => {
    const store = openSqliteStore({ file: ':memory:', collections: [V2] });
    const evil = `x'); DROP TABLE notes; --`;
    await store.insert('notes', { _id: evil, title: evil, city: evil });
    expect(await store.find('notes', { city: evil })).toHaveLength(1);
    expect(await store.find('notes', { city: { $in: [evil, `"`] } })).toHaveLength(1);
    expect((await store.search('notes', { q: evil, limit: 5 })).total).toBe(1);
    await expect(store.update('notes', evil, { set: { [`a"]`]: 1 } })).rejects.toThrow(
      'invalid field path',
    );
    expect(await store.get('notes', evil)).toMatchObject({ title: evil });
    await store.close();
  });
});

describe('guards', () => {
  const open = () => openSqliteStore({ file: ':memory:', collections: [V2] });

  it('rejects an unknown collection', async () => {
    const store = open();
    await expect(store.get('nope', 'x')).rejects.toThrow('unknown collection');
    await store.close();
  });

  it('refuses to increment a non-number and leaves the document alone', async () => {
    const store = open();
    await store.insert('notes', { _id: 'a', rank: 'high', title: 't' });
    await expect(
      store.update('notes', 'a', { inc: { rank: 1 }, set: { title: 'changed' } }),
    ).rejects.toThrow('non-numeric');
    expect(await store.get('notes', 'a')).toEqual({ _id: 'a', rank: 'high', title: 't' });
    await store.close();
  });

  it('refuses to use a transaction view after its transaction ended', async () => {
    const store = open();
    let view: Parameters<Parameters<typeof store.transaction>[0]>[0] | null = null;
    await store.transaction(async (tx) => {
      view = tx;
    });
    await expect(view!.insert('notes', { title: 'late' })).rejects.toThrow('ended');
    expect(await store.count('notes')).toBe(0);
    await store.close();
  });

  it('waits for a running transaction before closing', async () => {
    const store = open();
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const tx = store.transaction(async (t) => {
      inside();
      await released; // still running when close is asked for
      await t.insert('notes', { title: 'committed' });
    });
    await entered;
    const closed = store.close();
    release();
    await closed;
    await expect(tx).resolves.toBeUndefined();
  });
});
