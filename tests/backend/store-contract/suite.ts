import { atomicContract } from './atomic';
import { crudContract } from './crud';
import { filterContract } from './filters';
import { freshStorePerTest, type StoreHarness } from './fixtures';
import { geoContract } from './geo';
import { searchContract } from './search';

export { CONTRACT_COLLECTIONS, type StoreHarness } from './fixtures';

/**
 * The DocumentStore contract (backend/ports/document-store.ts): every adapter runs this
 * same suite through a harness, so handlers can rely on one behaviour everywhere.
 */
export function describeDocumentStoreContract(name: string, harness: StoreHarness): void {
  describe(`DocumentStore contract: ${name}`, () => {
    describe('documents', () => crudContract(harness));
    describe('filters, sorting and paging', () => filterContract(harness));
    describe('atomic updates and transactions', () => atomicContract(harness));
    describe('near', () => geoContract(harness));
    describe('search', () => searchContract(harness));
    if (harness.reopen) describe('durability', () => durabilityContract(harness));
  });
}

function durabilityContract(harness: StoreHarness): void {
  const store = freshStorePerTest(harness);

  it('keeps documents, text and spatial indexes across close and reopen', async () => {
    let s = store();
    await s.insert('articles', { _id: 'a1', title: '瑞金医院 heart', rank: 1 });
    await s.insert('places', { _id: 'p1', category: 'a', location: { lat: 31.2, lng: 121.5 } });
    await s.transaction(async (tx) => {
      await tx.update('articles', 'a1', { inc: { rank: 1 } });
    });
    s = await harness.reopen!(s);
    expect(await s.get('articles', 'a1')).toEqual({ _id: 'a1', title: '瑞金医院 heart', rank: 2 });
    expect((await s.search('articles', { q: '瑞金', limit: 5 })).total).toBe(1);
    expect((await s.search('articles', { q: 'HEART', limit: 5 })).total).toBe(1);
    expect(
      await s.near('places', { lat: 31.2, lng: 121.5, maxDistanceMeters: 10, limit: 5 }),
    ).toHaveLength(1);
    await harness.close(s);
  });
}
