import { UnindexedFieldError, type Filter } from '../../../backend/ports/document-store';
import { ids, freshStorePerTest, type StoreHarness } from './fixtures';

/** Ten documents covering types, nulls, missing fields and nesting. */
const DATA = [
  { _id: 'a', kind: 'x', n: 1, score: 10, label: 'apple', flag: true, meta: { level: 1 } },
  { _id: 'b', kind: 'x', n: 2, score: 20, label: 'banana', flag: false, meta: { level: 2 } },
  { _id: 'c', kind: 'y', n: 3, score: 20, label: 'cherry', flag: true, meta: { level: 3 } },
  { _id: 'd', kind: 'y', n: 4, score: 30, label: null, flag: false, meta: { level: 1 } },
  { _id: 'e', kind: 'z', n: 5, score: 30, flag: true },
  { _id: 'f', kind: 'z', n: 6, score: 10, label: 'fig' },
  { _id: 'g', kind: 'x', n: 7, score: 40, label: 'grape', meta: { level: 2 } },
  { _id: 'h', kind: 'y', n: 8, score: '30', label: 'honeydew' },
  { _id: 'i', kind: 'z', n: 9, score: 20, label: 'Ice' },
  { _id: 'j', kind: 'x', n: 10, score: 50, label: 'jackfruit', meta: { level: 3 } },
];

export function filterContract(harness: StoreHarness): void {
  const store = freshStorePerTest(harness);
  beforeEach(async () => {
    await store().insertMany('items', DATA);
  });
  const found = async (filter: Filter) =>
    ids(await store().find('items', filter, { sort: [['_id', 'asc']] }));

  it('matches equality on strings, numbers and booleans, ANDed across fields', async () => {
    expect(await found({ kind: 'x' })).toEqual(['a', 'b', 'g', 'j']);
    expect(await found({ n: 3 })).toEqual(['c']);
    expect(await found({ flag: true })).toEqual(['a', 'c', 'e']);
    expect(await found({ flag: false, kind: 'y' })).toEqual(['d']);
    expect(await found({ kind: { $eq: 'z' }, score: 10 })).toEqual(['f']);
  });

  it('treats null as "null or missing", like CloudBase', async () => {
    expect(await found({ label: null })).toEqual(['d', 'e']);
    expect(await found({ label: { $ne: null } })).toEqual(['a', 'b', 'c', 'f', 'g', 'h', 'i', 'j']);
  });

  it('$ne also matches documents without the field', async () => {
    expect(await found({ flag: { $ne: true } })).toEqual(['b', 'd', 'f', 'g', 'h', 'i', 'j']);
  });

  it('$in matches any listed value; an empty list matches nothing', async () => {
    expect(await found({ kind: { $in: ['y', 'z'] }, n: { $in: [3, 5, 9, 100] } })).toEqual([
      'c',
      'e',
      'i',
    ]);
    expect(await found({ kind: { $in: [] } })).toEqual([]);
    expect(await store().count('items', { n: { $in: [] } })).toBe(0);
  });

  it('compares ranges within one type (the string "30" is not a number ≥ 25)', async () => {
    expect(await found({ score: { $gte: 25 } })).toEqual(['d', 'e', 'g', 'j']);
    expect(await found({ score: { $gt: 20, $lte: 40 } })).toEqual(['d', 'e', 'g']);
    expect(await found({ n: { $lt: 3 } })).toEqual(['a', 'b']);
    expect(await found({ label: { $gte: 'c', $lt: 'h' } })).toEqual(['c', 'f', 'g']);
    expect(await found({ score: { $gte: '0' } })).toEqual(['h']);
  });

  it('reaches nested fields with dotted paths', async () => {
    expect(await found({ 'meta.level': 2 })).toEqual(['b', 'g']);
    expect(await found({ 'meta.level': { $gte: 2 }, kind: 'x' })).toEqual(['b', 'g', 'j']);
    expect(await found({ 'meta.level': null })).toEqual(['e', 'f', 'h', 'i']);
  });

  it('sorts by several keys, each ascending or descending', async () => {
    const docs = await store().find(
      'items',
      { score: { $gte: 0 } },
      {
        sort: [
          ['score', 'desc'],
          ['n', 'asc'],
        ],
      },
    );
    expect(ids(docs)).toEqual(['j', 'g', 'd', 'e', 'b', 'c', 'i', 'a', 'f']);
    const byKind = await store().find(
      'items',
      {},
      {
        sort: [
          ['kind', 'asc'],
          ['n', 'desc'],
        ],
      },
    );
    expect(ids(byKind)).toEqual(['j', 'g', 'b', 'a', 'h', 'd', 'c', 'i', 'f', 'e']);
  });

  it('pages with skip and limit without losing or repeating documents', async () => {
    const pages: string[] = [];
    for (let skip = 0; skip < 10; skip += 3) {
      const page = await store().find('items', {}, { sort: [['n', 'asc']], skip, limit: 3 });
      expect(page.length).toBe(Math.min(3, 10 - skip));
      pages.push(...ids(page));
    }
    expect(pages).toEqual(DATA.map((d) => d._id));
    expect(
      ids(await store().find('items', { kind: 'x' }, { sort: [['n', 'desc']], limit: 2 })),
    ).toEqual(['j', 'g']);
    expect(
      ids(await store().find('items', { kind: 'x' }, { sort: [['n', 'asc']], skip: 3 })),
    ).toEqual(['j']);
  });

  describe('only declared index fields may be named', () => {
    const expectUnindexed = async (attempt: Promise<unknown>, field: string) => {
      const err = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UnindexedFieldError);
      expect(err).toMatchObject({ collection: 'items', field });
    };

    it('in find filters and sorts, count, removeWhere and updateIf', async () => {
      await expectUnindexed(store().find('items', { secret: 'x' }), 'secret');
      await expectUnindexed(store().find('items', {}, { sort: [['secret', 'asc']] }), 'secret');
      await expectUnindexed(store().count('items', { 'meta.other': 1 }), 'meta.other');
      await expectUnindexed(store().removeWhere('items', { secret: 1 }), 'secret');
      await expectUnindexed(
        store().updateIf('items', 'a', { secret: 1 }, { set: { n: 0 } }),
        'secret',
      );
      expect(await store().get('items', 'a')).toMatchObject({ n: 1 });
      expect(await store().count('items')).toBe(10);
    });

    it('and refuses unknown operators instead of ignoring them', async () => {
      await expect(store().find('items', { n: { $regex: 'x' } as never })).rejects.toThrow();
    });
  });
}
