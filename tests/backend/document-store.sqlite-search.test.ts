import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore, type SqliteDocumentStore } from '../../backend/adapters/sqlite';
import type { CollectionSpec, SearchQuery, StoredDoc } from '../../backend/ports/document-store';
import { prng } from './store-contract/fixtures';

/**
 * The SQLite adapter answers 1–2 character searches from a gram index and pages large
 * match sets by walking the tie-break order. Whatever path it takes, the answer must be
 * the port's definition (CollectionSpec.text), written out here from scratch: LIKE-style
 * matching that folds ASCII letters only, trigram matching (3+ characters) that also folds
 * other Latin letters (é/É) but ranks them as "another field" because LIKE does not.
 */

const NOTES: CollectionSpec = {
  name: 'notes',
  indexes: ['rank', 'title', 'city'],
  text: ['title', 'alias', 'body'],
  searchTieBreak: [
    ['rank', 'desc'],
    ['title', 'asc'],
  ],
};

interface Note extends StoredDoc {
  title?: string;
  alias?: string;
  body?: string;
  rank: number;
  city: string;
}

// Dense and rare characters, LIKE and FTS5 syntax, a non-ASCII cased pair, an astral one.
const ALPHABET = [...'aaaAbB医医院科%_\\"\' é😀·1'];

const asciiFold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
/** What the trigram index folds, for this alphabet. */
const fullFold = (s: string) => s.toLowerCase();

function tierOf(note: Note, q: string): number {
  if (typeof note.title !== 'string') return 3;
  const [v, n] = [asciiFold(note.title), asciiFold(q)];
  return v === n ? 0 : v.startsWith(n) ? 1 : v.includes(n) ? 2 : 3;
}

const folded = new WeakMap<Note, Record<'ascii' | 'full', string[]>>();
function matches(note: Note, q: string): boolean {
  let f = folded.get(note);
  if (!f) {
    const text = [note.title, note.alias, note.body].filter((v) => typeof v === 'string');
    f = { ascii: text.map(asciiFold), full: text.map(fullFold) };
    folded.set(note, f);
  }
  const [values, needle] = [...q].length >= 3 ? [f.full, fullFold(q)] : [f.ascii, asciiFold(q)];
  return values.some((v) => v.includes(needle));
}

/** SQLite's order: NULL, then numbers, then text by UTF-8 bytes (code points). */
function compareValues(a: unknown, b: unknown): number {
  const kind = (v: unknown) => (v === undefined || v === null ? 0 : typeof v === 'number' ? 1 : 2);
  if (kind(a) !== kind(b)) return kind(a) - kind(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(utf8(a), utf8(b));
  return 0;
}
const bytes = new Map<string, Buffer>();
const utf8 = (s: string): Buffer => bytes.get(s) ?? bytes.set(s, Buffer.from(s)).get(s)!;

function reference(notes: Note[], query: SearchQuery): { ids: string[]; total: number } {
  const hits = notes
    .filter((n) => matches(n, query.q) && (!query.filter || n.city === query.filter.city))
    .map((note) => ({ note, tier: tierOf(note, query.q) }))
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        compareValues(b.note.rank, a.note.rank) ||
        compareValues(a.note.title, b.note.title) ||
        compareValues(a.note._id, b.note._id),
    );
  const skip = query.skip ?? 0;
  return { ids: hits.slice(skip, skip + query.limit).map((h) => h.note._id), total: hits.length };
}

function randomText(rand: () => number, max: number): string {
  const n = Math.floor(rand() * (max + 1));
  return Array.from({ length: n }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('');
}

/** `common` is a word most bodies hold, so that one search matches most of the collection. */
function randomNote(rand: () => number, id: string, common = ''): Note {
  const note: Note = { _id: id, rank: Math.floor(rand() * 3), city: rand() < 0.5 ? 'sh' : 'bj' };
  if (rand() < 0.95) note.title = randomText(rand, 4);
  if (rand() < 0.7) note.alias = randomText(rand, 3);
  if (rand() < 0.7) note.body = randomText(rand, 8);
  if (common && rand() < 0.9) note.body = `${randomText(rand, 2)}${common}${note.body ?? ''}`;
  return note;
}

let dir = '';
let store: SqliteDocumentStore;
let file = '';
let counter = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-search-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  file = join(dir, `s${++counter}.sqlite`);
  store = openSqliteStore({ file, collections: [NOTES] });
});
afterEach(() => store.close());

async function expectReference(notes: Note[], queries: SearchQuery[]): Promise<void> {
  for (const query of queries) {
    const got = await store.search<Note>('notes', query);
    expect({ query, ids: got.items.map((n) => n._id), total: got.total }).toEqual({
      query,
      ...reference(notes, query),
    });
  }
}

function queriesFor(rand: () => number): SearchQuery[] {
  const words = [
    ...new Set([...ALPHABET, 'z', 'ab', 'AB', '医院', '医医', '医医院', '%_', '😀a', 'é😀']),
    ...Array.from({ length: 40 }, () => randomText(rand, 2)).filter((w) => w.length > 0),
    ...Array.from({ length: 20 }, () => ALPHABET[0] + randomText(rand, 3)),
    'aaa',
    'AAA',
    'éa',
    'Éaa',
  ];
  return words.flatMap((q) => [
    { q, limit: 10 },
    { q, limit: 7, skip: Math.floor(rand() * 40) },
    { q, limit: 500 },
    { q, limit: 5, filter: { city: 'bj' } },
  ]);
}

// Small and mixed, then large with one word in most documents: each search then takes a
// different way through the index (listing a tier, or walking in tie-break order).
it.each([
  [400, ''],
  [3000, '医医院'],
])(
  'answers every query as the port defines it, with exact totals (%i random notes, common word %j)',
  async (count, common) => {
    const rand = prng(20261130 + count);
    const notes = Array.from({ length: count }, (_, i) => randomNote(rand, `n${i}`, common));
    await store.insertMany('notes', notes);
    await expectReference(notes, queriesFor(rand));
  },
);

it('stays in step with inserts, updates and removes', async () => {
  const rand = prng(7);
  const notes = new Map<string, Note>();
  for (let i = 0; i < 150; i++) notes.set(`n${i}`, randomNote(rand, `n${i}`));
  await store.insertMany('notes', [...notes.values()]);
  for (let i = 0; i < 200; i++) {
    const r = rand();
    const id = `n${Math.floor(rand() * 180)}`;
    if (r < 0.3 && !notes.has(id)) {
      notes.set(id, randomNote(rand, id));
      await store.insert('notes', notes.get(id)!);
    } else if (r < 0.5) {
      notes.delete(id);
      await store.remove('notes', id);
    } else if (notes.has(id)) {
      const { _id, ...fresh } = randomNote(rand, id);
      await store.update('notes', id, { set: fresh });
      notes.set(id, { ...notes.get(id)!, ...fresh, _id });
    }
  }
  await expectReference([...notes.values()], queriesFor(rand));
});

it('moves a note between tiers when its first field changes, and forgets removed text', async () => {
  await store.insertMany('notes', [
    { _id: 'x', title: 'ab', rank: 0, city: 'sh' },
    { _id: 'y', title: 'abc', alias: '眼科', rank: 0, city: 'sh' },
  ]);
  const found = async (q: string) =>
    (await store.search('notes', { q, limit: 9 })).items.map((n) => n._id);
  expect(await found('AB')).toEqual(['x', 'y']);
  await store.update('notes', 'x', { set: { title: 'zab' } });
  expect(await found('ab')).toEqual(['y', 'x']);
  expect(await found('眼')).toEqual(['y']);
  await store.update('notes', 'y', { unset: ['alias'] });
  expect(await store.search('notes', { q: '眼', limit: 9 })).toEqual({ items: [], total: 0 });
  await store.remove('notes', 'x');
  expect(await store.search('notes', { q: 'z', limit: 9 })).toEqual({ items: [], total: 0 });
  expect(await found('b')).toEqual(['y']);
});

it('treats 1–2 character queries as literal text and folds only ASCII letters', async () => {
  await store.insertMany('notes', [
    { _id: 'pct', title: '100%', rank: 0, city: 'sh' },
    { _id: 'und', title: 'a_b', rank: 0, city: 'sh' },
    { _id: 'bsl', title: 'C:\\x', rank: 0, city: 'sh' },
    { _id: 'quo', title: 'say "hi"', rank: 0, city: 'sh' },
    { _id: 'acc', title: 'École', rank: 0, city: 'sh' },
    { _id: 'emo', title: '好😀', rank: 0, city: 'sh' },
  ]);
  const found = async (q: string) =>
    (await store.search('notes', { q, limit: 9 })).items.map((n) => n._id).sort();
  expect(await found('%')).toEqual(['pct']);
  expect(await found('0%')).toEqual(['pct']);
  expect(await found('_')).toEqual(['und']);
  expect(await found('_B')).toEqual(['und']);
  expect(await found('\\')).toEqual(['bsl']);
  expect(await found('"h')).toEqual(['quo']);
  expect(await found('C')).toEqual(['acc', 'bsl']);
  expect(await found('éc')).toEqual([]);
  expect(await found('Éc')).toEqual(['acc']);
  expect(await found('😀')).toEqual(['emo']);
  expect(await found('好😀')).toEqual(['emo']);
});

it('builds the gram index for documents written before it existed', async () => {
  await store.insert('notes', { _id: 'old', title: '眼科', rank: 1, city: 'sh' });
  await store.close();
  const raw = new Database(file);
  raw.exec(`DROP TABLE "notes__grams"; UPDATE "__store_meta" SET shape = '{}'`);
  raw.close();
  store = openSqliteStore({ file, collections: [NOTES] });
  expect((await store.search('notes', { q: '眼', limit: 5 })).total).toBe(1);
  await store.insert('notes', { _id: 'new', title: '眼睛', rank: 0, city: 'sh' });
  expect((await store.search('notes', { q: '眼', limit: 5 })).total).toBe(2);
});

it('refuses a write from a connection that cannot keep the gram index', async () => {
  await store.close();
  const raw = new Database(file);
  expect(() =>
    raw.prepare(`INSERT INTO notes(_id, doc) VALUES ('z', '{"title":"x"}')`).run(),
  ).toThrow(/store_search_grams/);
  raw.close();
  store = openSqliteStore({ file, collections: [NOTES] });
  expect((await store.search('notes', { q: 'x', limit: 5 })).total).toBe(0);
});

// SEC (issue 15): `ab\u0000` reached FTS5 and answered INTERNAL ("unterminated string").
it('a query holding NUL finds nothing instead of failing, at any length', async () => {
  await store.insertMany('notes', [{ _id: 'x', title: 'abc', rank: 0, city: 'sh' }]);
  for (const q of ['\u0000', 'a\u0000', 'ab\u0000', 'abc\u0000d', '\u0000abc'])
    expect(await store.search('notes', { q, limit: 9 })).toEqual({ items: [], total: 0 });
});
