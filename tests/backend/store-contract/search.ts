import { UnindexedFieldError, type SearchQuery } from '../../../backend/ports/document-store';
import { ids, freshStorePerTest, type StoreHarness } from './fixtures';

/** Each title is the case it tests; `rank` then title break ties. */
const ARTICLES = [
  { _id: 'e1', title: 'Heart', rank: 3, city: 'sh' },
  { _id: 'e2', title: 'heart', rank: 1, city: 'bj' },
  { _id: 'p1', title: 'Heart Center', rank: 2, city: 'sh' },
  { _id: 'p2', title: 'heartbeat clinic', rank: 0, city: 'sh' },
  { _id: 's1', title: 'The Heart Institute', rank: 0, city: 'bj' },
  { _id: 's2', title: 'Sweetheart', rank: 0, city: 'sh' },
  { _id: 'o1', title: 'Cardiology', alias: 'heart dept', rank: 0, city: 'sh' },
  { _id: 'o2', title: 'Clinic', body: 'we treat HEART disease', rank: 5, city: 'sh' },
  { _id: 'o3', title: 'Alpha', body: 'heart', rank: 5, city: 'bj' },
  { _id: 'n1', title: 'Lung', body: 'hear t, hea-rt', rank: 0, city: 'sh' },
];
const RANKED = ['e2', 'e1', 'p2', 'p1', 's2', 's1', 'o1', 'o3', 'o2'];

const HOSPITALS = [
  {
    _id: 'h1',
    name: '上海交通大学医学院附属瑞金医院',
    shortName: '瑞金医院',
    departmentsText: '眼科 心内科 内分泌科',
    gradeRank: 1,
  },
  {
    _id: 'h2',
    name: '瑞金医院卢湾分院',
    shortName: '瑞金卢湾',
    departmentsText: '眼科',
    gradeRank: 2,
  },
  {
    _id: 'h3',
    name: '复旦大学附属眼耳鼻喉科医院',
    shortName: '五官科医院',
    departmentsText: '眼科 耳鼻喉科',
    gradeRank: 1,
  },
  {
    _id: 'h4',
    name: '复旦大学附属中山医院',
    shortName: '中山医院',
    departmentsText: '心内科 肝肿瘤科',
    gradeRank: 1,
  },
  { _id: 'h5', name: '眼科', shortName: '', departmentsText: '', gradeRank: 3 },
];

/** Titles holding characters that mean something to LIKE, FTS5 or SQL. */
const AWKWARD = [
  { _id: 'x1', title: '100% 满意', rank: 0 },
  { _id: 'x2', title: '100 满意', rank: 0 },
  { _id: 'x3', title: 'a_b', rank: 0 },
  { _id: 'x4', title: 'axb', rank: 0 },
  { _id: 'x5', title: 'say "hi"', rank: 0 },
  { _id: 'x6', title: 'C:\\path', rank: 0 },
  { _id: 'x7', title: 'cats OR dogs', rank: 0 },
  { _id: 'x8', title: 'NEAR(x)', rank: 0 },
  { _id: 'x9', title: 'star*', rank: 0 },
  { _id: 'x10', title: "it's", rank: 0 },
];

export function searchContract(harness: StoreHarness): void {
  const store = freshStorePerTest(harness);
  const search = (collection: string, query: Partial<SearchQuery> & { q: string }) =>
    store().search(collection, { limit: 50, ...query });
  const found = async (collection: string, q: string) =>
    ids((await search(collection, { q })).items);

  describe('ranking', () => {
    beforeEach(async () => {
      await store().insertMany('articles', ARTICLES);
    });

    it('puts exact, then prefix, then substring of the first field, then other fields; ties by searchTieBreak', async () => {
      expect(await search('articles', { q: 'heart' })).toEqual({
        items: RANKED.map((id) => expect.objectContaining({ _id: id })),
        total: RANKED.length,
      });
    });

    it('ignores the case of Latin letters', async () => {
      expect(await found('articles', 'HEART')).toEqual(RANKED);
      expect(await found('articles', 'hEaRt cEnTeR')).toEqual(['p1']);
    });

    it('pages with skip/limit while total counts every match', async () => {
      const pages = await Promise.all(
        [0, 4, 8].map((skip) => search('articles', { q: 'heart', skip, limit: 4 })),
      );
      expect(pages.map((p) => p.total)).toEqual([9, 9, 9]);
      expect(pages.flatMap((p) => ids(p.items))).toEqual(RANKED);
    });

    it('applies a filter on indexed fields, and refuses undeclared ones', async () => {
      expect(await search('articles', { q: 'heart', filter: { city: 'bj' } })).toEqual({
        items: ['e2', 's1', 'o3'].map((id) => expect.objectContaining({ _id: id })),
        total: 3,
      });
      await expect(
        search('articles', { q: 'heart', filter: { body: 'x' } }),
      ).rejects.toBeInstanceOf(UnindexedFieldError);
    });

    it('finds nothing for an empty query or a mere near-miss', async () => {
      expect(await search('articles', { q: '' })).toEqual({ items: [], total: 0 });
      expect(await found('articles', 'hearts')).toEqual([]);
    });
  });

  describe('Chinese text (the real hospitals spec)', () => {
    beforeEach(async () => {
      await store().insertMany('hospitals', HOSPITALS);
    });

    it('matches one- and two-character queries', async () => {
      expect(await found('hospitals', '瑞')).toEqual(['h2', 'h1']);
      expect(await found('hospitals', '瑞金')).toEqual(['h2', 'h1']);
      expect(await found('hospitals', '眼科')).toEqual(['h5', 'h1', 'h3', 'h2']);
      expect(await found('hospitals', '附属')).toEqual(['h1', 'h4', 'h3']);
    });

    it('matches three or more characters, in any text field', async () => {
      expect(await found('hospitals', '心内科')).toEqual(['h1', 'h4']);
      expect(await found('hospitals', '中山医院')).toEqual(['h4']);
      expect(await found('hospitals', '五官科医院')).toEqual(['h3']);
      expect(await found('hospitals', '瑞金医院卢湾分院')).toEqual(['h2']);
      expect(await found('hospitals', '中山医院X')).toEqual([]);
    });
  });

  describe('awkward input is literal text', () => {
    beforeEach(async () => {
      await store().insertMany('articles', AWKWARD);
    });

    it.each([
      ['%', ['x1']],
      ['0%', ['x1']],
      ['100%', ['x1']],
      ['_', ['x3']],
      ['a_b', ['x3']],
      ['"', ['x5']],
      ['"hi"', ['x5']],
      ['\\', ['x6']],
      [':\\p', ['x6']],
      ['OR', ['x7']],
      ['cats OR', ['x7']],
      ['NEAR(', ['x8']],
      ['*', ['x9']],
      ['star*', ['x9']],
      ["'", ['x10']],
      ["it's", ['x10']],
      ['title:a', []],
      ['AND', []],
      ['") OR ("', []],
    ])('q = %j', async (q, expected) => {
      expect((await found('articles', q)).sort()).toEqual(expected);
    });
  });

  describe('stays in step with writes', () => {
    beforeEach(async () => {
      await store().insertMany('articles', ARTICLES);
    });

    it('after update and remove', async () => {
      await store().update('articles', 'n1', { set: { title: 'Lung and heart' } });
      await store().update('articles', 'e1', { set: { title: 'Kidney' } });
      await store().remove('articles', 's2');
      await store().update('articles', 'o3', { set: { rank: -1 } });
      expect(await found('articles', 'heart')).toEqual([
        'e2',
        'p2',
        'p1',
        'n1',
        's1',
        'o3',
        'o1',
        'o2',
      ]);
      expect(await found('articles', 'kidney')).toEqual(['e1']);
      expect(await found('articles', 'sweet')).toEqual([]);
    });
  });
}
