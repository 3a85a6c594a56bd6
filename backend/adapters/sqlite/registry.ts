import {
  UnindexedFieldError,
  type CollectionSpec,
  type Filter,
  type Sort,
} from '../../ports/document-store';
import { assertCollectionName, assertFieldName } from './names';

/** The declared collections, checked once; every operation looks its collection up here. */
export class Registry {
  private readonly specs = new Map<string, CollectionSpec>();

  constructor(collections: CollectionSpec[]) {
    for (const spec of collections) {
      assertCollectionName(spec.name);
      if (this.specs.has(spec.name)) throw new Error(`collection declared twice: ${spec.name}`);
      [...spec.indexes, ...(spec.text ?? [])].forEach(assertFieldName);
      if (spec.geo !== undefined) assertFieldName(spec.geo);
      this.specs.set(spec.name, spec);
      for (const [field] of spec.searchTieBreak ?? []) this.assertIndexed(spec.name, field);
    }
  }

  all(): CollectionSpec[] {
    return [...this.specs.values()];
  }

  get(collection: string): CollectionSpec {
    const spec = this.specs.get(collection);
    if (!spec) throw new Error(`unknown collection: ${collection}`);
    return spec;
  }

  /** `_id` is always indexed (it is the key); anything else must be declared. */
  assertIndexed(collection: string, field: string): void {
    const spec = this.get(collection);
    if (field !== '_id' && !spec.indexes.includes(field)) {
      throw new UnindexedFieldError(collection, field);
    }
  }

  checkFilter(collection: string, filter: Filter | undefined): void {
    for (const field of Object.keys(filter ?? {})) this.assertIndexed(collection, field);
  }

  checkSort(collection: string, sort: Sort | undefined): void {
    for (const [field] of sort ?? []) this.assertIndexed(collection, field);
  }
}
