import type { StoredDoc } from '../../../backend/ports/document-store';
import { deferred, freshStorePerTest, type StoreHarness } from './fixtures';

interface Counter extends StoredDoc {
  n: number;
}

export function atomicContract(harness: StoreHarness): void {
  const store = freshStorePerTest(harness);

  describe('inc', () => {
    it('loses no increment under 50 concurrent calls', async () => {
      await store().insert('items', { _id: 'c', n: 0 });
      const results = await Promise.all(
        Array.from({ length: 50 }, () => store().update('items', 'c', { inc: { n: 1 } })),
      );
      expect(results.every(Boolean)).toBe(true);
      expect((await store().get<Counter>('items', 'c'))?.n).toBe(50);
    });
  });

  describe('updateIf (compare-and-set)', () => {
    beforeEach(async () => {
      await store().insert('items', { _id: 'o', kind: 'pending', n: 0 });
    });

    it('lets exactly one of two concurrent updates with the same expectation win', async () => {
      const [first, second] = await Promise.all([
        store().updateIf(
          'items',
          'o',
          { kind: 'pending' },
          { set: { kind: 'paid', by: 'first' }, inc: { n: 1 } },
        ),
        store().updateIf(
          'items',
          'o',
          { kind: 'pending' },
          { set: { kind: 'cancelled', by: 'second' }, inc: { n: 1 } },
        ),
      ]);
      expect([first, second].filter(Boolean)).toHaveLength(1);
      const doc = await store().get('items', 'o');
      expect(doc).toMatchObject(
        first ? { kind: 'paid', by: 'first', n: 1 } : { kind: 'cancelled', by: 'second', n: 1 },
      );
    });

    it('changes nothing when the document no longer matches, or does not exist', async () => {
      expect(
        await store().updateIf('items', 'o', { kind: 'paid' }, { set: { kind: 'refunded' } }),
      ).toBe(false);
      expect(
        await store().updateIf(
          'items',
          'o',
          { kind: 'pending', n: { $gt: 0 } },
          { set: { kind: 'x' } },
        ),
      ).toBe(false);
      expect(
        await store().updateIf('items', 'nope', { kind: 'pending' }, { set: { kind: 'x' } }),
      ).toBe(false);
      expect(await store().get('items', 'o')).toEqual({ _id: 'o', kind: 'pending', n: 0 });
      expect(await store().get('items', 'nope')).toBeNull();
    });

    it('applies set, inc and unset when the expectation holds', async () => {
      await store().update('items', 'o', { set: { note: 'x' } });
      expect(
        await store().updateIf(
          'items',
          'o',
          { kind: { $in: ['pending', 'new'] }, n: 0 },
          { set: { kind: 'done' }, inc: { n: 2 }, unset: ['note'] },
        ),
      ).toBe(true);
      expect(await store().get('items', 'o')).toEqual({ _id: 'o', kind: 'done', n: 2 });
    });
  });

  describe('transaction', () => {
    it('commits every write and returns what the work returns', async () => {
      const result = await store().transaction(async (tx) => {
        await tx.insert('items', { _id: 't1', n: 1 });
        await tx.update('items', 't1', { inc: { n: 1 } });
        await tx.insert('items', { _id: 't2', n: 5 });
        return (await tx.get<Counter>('items', 't1'))?.n;
      });
      expect(result).toBe(2);
      expect(await store().get('items', 't1')).toEqual({ _id: 't1', n: 2 });
      expect(await store().get('items', 't2')).toEqual({ _id: 't2', n: 5 });
    });

    it('rolls everything back when the work throws, and rethrows', async () => {
      await store().insert('items', { _id: 'keep', n: 1 });
      const boom = new Error('boom');
      await expect(
        store().transaction(async (tx) => {
          await tx.insert('items', { _id: 'ghost', n: 1 });
          await tx.update('items', 'keep', { inc: { n: 100 } });
          await tx.remove('items', 'keep');
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await store().get('items', 'ghost')).toBeNull();
      expect(await store().get('items', 'keep')).toEqual({ _id: 'keep', n: 1 });
    });

    it('lets a nested transaction join the outer one (an outer throw undoes both)', async () => {
      await expect(
        store().transaction(async (tx) => {
          await tx.transaction(async (inner) => {
            await inner.insert('items', { _id: 'nested', n: 1 });
          });
          expect(await tx.get('items', 'nested')).not.toBeNull();
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect(await store().get('items', 'nested')).toBeNull();
    });

    it('never shows uncommitted writes to work outside the transaction', async () => {
      const hold = deferred();
      const inserted = deferred();
      const tx = store().transaction(async (t) => {
        await t.insert('items', { _id: 'pending', n: 1 });
        inserted.resolve();
        await hold.promise;
        throw new Error('abandon');
      });
      await inserted.promise;
      const outside = store().get('items', 'pending');
      hold.resolve();
      await expect(tx).rejects.toThrow('abandon');
      expect(await outside).toBeNull();
    });

    it('serializes concurrent read-modify-write transactions', async () => {
      await store().insert('items', { _id: 'rmw', n: 0 });
      await Promise.all(
        Array.from({ length: 5 }, () =>
          store().transaction(async (tx) => {
            const doc = await tx.get<Counter>('items', 'rmw');
            await new Promise((r) => setTimeout(r, 1));
            await tx.update('items', 'rmw', { set: { n: (doc?.n ?? 0) + 1 } });
          }),
        ),
      );
      expect((await store().get<Counter>('items', 'rmw'))?.n).toBe(5);
    });
  });
}
