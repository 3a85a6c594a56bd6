import { COLLECTIONS } from '../../../backend/collections';
import { OWNER_FIELD_NAMES, PERSONAL_DATA } from '../../../backend/privacy/data-map';

describe('personal data map', () => {
  it('lists every collection that has an owner field', () => {
    const mapped = new Set(PERSONAL_DATA.map((e) => e.collection));
    const owned = COLLECTIONS.filter((c) => c.indexes.some((f) => OWNER_FIELD_NAMES.includes(f)));
    expect(owned.length).toBeGreaterThan(0);
    for (const c of owned)
      expect({ collection: c.name, mapped: mapped.has(c.name) }).toEqual({
        collection: c.name,
        mapped: true,
      });
  });

  it('names only real collections, each owner field indexed so deletion and export can find the rows', () => {
    for (const entry of PERSONAL_DATA) {
      const spec = COLLECTIONS.find((c) => c.name === entry.collection);
      expect(spec).toBeDefined();
      expect(spec?.indexes).toContain(entry.ownerField);
    }
  });
});
