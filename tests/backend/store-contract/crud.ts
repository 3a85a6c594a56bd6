import { DuplicateIdError } from '../../../backend/ports/document-store';
import { ids, freshStorePerTest, type StoreHarness } from './fixtures';

export function crudContract(harness: StoreHarness): void {
  const store = freshStorePerTest(harness);

  describe('insert / get', () => {
    it('assigns a URL-safe id when none is given, and returns the document with it', async () => {
      const a = await store().insert('items', {
        kind: 'a',
        n: 1,
        meta: { level: 2, tags: ['x', 'y'] },
      });
      const b = await store().insert('items', { kind: 'a', n: 2 });
      expect(a).toMatch(/^[A-Za-z0-9_-]{20}$/);
      expect(b).not.toBe(a);
      expect(await store().get('items', a)).toEqual({
        _id: a,
        kind: 'a',
        n: 1,
        meta: { level: 2, tags: ['x', 'y'] },
      });
    });

    it('keeps a given _id and round-trips text, nulls, booleans and nesting unchanged', async () => {
      const doc = {
        _id: 'given',
        label: '瑞金医院 "quoted" \\ %_',
        flag: false,
        none: null,
        deep: { a: [1, { b: true }] },
      };
      expect(await store().insert('items', doc)).toBe('given');
      expect(await store().get('items', 'given')).toEqual(doc);
    });

    it('returns null for an unknown id', async () => {
      expect(await store().get('items', 'missing')).toBeNull();
    });

    it('refuses a duplicate _id with DuplicateIdError and keeps the original', async () => {
      await store().insert('items', { _id: 'x', n: 1 });
      const err = await store()
        .insert('items', { _id: 'x', n: 2 })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DuplicateIdError);
      expect(err).toMatchObject({ collection: 'items', id: 'x' });
      expect(await store().get('items', 'x')).toEqual({ _id: 'x', n: 1 });
    });
  });

  describe('insertMany', () => {
    it('inserts every document and returns how many', async () => {
      expect(
        await store().insertMany('items', [{ _id: 'a', n: 1 }, { _id: 'b', n: 2 }, { n: 3 }]),
      ).toBe(3);
      expect(await store().count('items')).toBe(3);
    });

    it('is all or nothing: one duplicate leaves the collection as it was', async () => {
      await store().insert('items', { _id: 'taken', n: 0 });
      await expect(
        store().insertMany('items', [
          { _id: 'new1', n: 1 },
          { _id: 'taken', n: 2 },
          { _id: 'new2', n: 3 },
        ]),
      ).rejects.toBeInstanceOf(DuplicateIdError);
      expect(ids(await store().find('items'))).toEqual(['taken']);
      expect(await store().get('items', 'taken')).toEqual({ _id: 'taken', n: 0 });
    });
  });

  describe('update', () => {
    beforeEach(async () => {
      await store().insert('items', {
        _id: 'u',
        n: 1,
        meta: { level: 1, note: 'keep' },
        gone: 'x',
      });
    });

    it('replaces a field wholesale with set (an object is not merged)', async () => {
      expect(await store().update('items', 'u', { set: { meta: { level: 5 } } })).toBe(true);
      expect(await store().get('items', 'u')).toEqual({
        _id: 'u',
        n: 1,
        meta: { level: 5 },
        gone: 'x',
      });
    });

    it('sets a dotted path inside an object, creating missing parents', async () => {
      await store().update('items', 'u', { set: { 'meta.level': 9, 'extra.deep.v': 'new' } });
      expect(await store().get('items', 'u')).toEqual({
        _id: 'u',
        n: 1,
        meta: { level: 9, note: 'keep' },
        gone: 'x',
        extra: { deep: { v: 'new' } },
      });
    });

    it('increments (missing counts as 0) and unsets in one patch', async () => {
      await store().update('items', 'u', {
        inc: { n: 2.5, 'meta.level': -1, fresh: 3 },
        unset: ['gone', 'meta.note'],
      });
      expect(await store().get('items', 'u')).toEqual({
        _id: 'u',
        n: 3.5,
        meta: { level: 0 },
        fresh: 3,
      });
    });

    it('returns false for a missing document and does not create it', async () => {
      expect(await store().update('items', 'nope', { set: { n: 1 } })).toBe(false);
      expect(await store().get('items', 'nope')).toBeNull();
    });

    it('refuses to change _id', async () => {
      await expect(store().update('items', 'u', { set: { _id: 'other' } })).rejects.toThrow();
      expect(await store().get('items', 'other')).toBeNull();
    });
  });

  describe('remove / removeWhere / count', () => {
    beforeEach(async () => {
      await store().insertMany(
        'items',
        Array.from({ length: 7 }, (_, i) => ({ _id: `r${i}`, kind: i < 5 ? 'old' : 'new', n: i })),
      );
    });

    it('removes one document by id, true only when it existed', async () => {
      expect(await store().remove('items', 'r0')).toBe(true);
      expect(await store().remove('items', 'r0')).toBe(false);
      expect(await store().get('items', 'r0')).toBeNull();
      expect(await store().count('items')).toBe(6);
    });

    it('removes at most `limit` matching documents and never a non-matching one', async () => {
      expect(await store().removeWhere('items', { kind: 'old' }, 2)).toBe(2);
      expect(await store().count('items', { kind: 'old' })).toBe(3);
      expect(await store().count('items', { kind: 'new' })).toBe(2);
      expect(await store().removeWhere('items', { kind: 'old' })).toBe(3);
      expect(await store().count('items')).toBe(2);
      expect(await store().removeWhere('items', { kind: 'none' })).toBe(0);
    });

    it('counts with and without a filter', async () => {
      expect(await store().count('items')).toBe(7);
      expect(await store().count('items', { kind: 'new' })).toBe(2);
      expect(await store().count('items', { n: { $gte: 3, $lt: 6 } })).toBe(3);
    });
  });
}
