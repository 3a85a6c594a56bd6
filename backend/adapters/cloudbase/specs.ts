import {
  UnindexedFieldError,
  type CollectionSpec,
  type Filter,
  type Sort,
} from '../../ports/document-store';

/**
 * The declared collections. On CloudBase the indexes themselves live in the console /
 * cloudbaserc; this check keeps queries to the fields those indexes cover.
 */
export class Specs {
  private readonly specs = new Map<string, CollectionSpec>();

  constructor(collections: CollectionSpec[]) {
    for (const spec of collections) this.specs.set(spec.name, spec);
  }

  get(collection: string): CollectionSpec {
    const spec = this.specs.get(collection);
    if (!spec) throw new Error(`unknown collection: ${collection}`);
    return spec;
  }

  /** `_id` is always indexed; anything else must be declared. */
  check(collection: string, filter?: Filter, sort?: Sort): CollectionSpec {
    const spec = this.get(collection);
    const fields = [...Object.keys(filter ?? {}), ...(sort ?? []).map(([field]) => field)];
    for (const field of fields) {
      if (field !== '_id' && !spec.indexes.includes(field))
        throw new UnindexedFieldError(collection, field);
    }
    return spec;
  }
}

export function checkCount(name: string, n: number | undefined): void {
  if (n !== undefined && (!Number.isInteger(n) || n < 0))
    throw new Error(`${name} must be a non-negative integer`);
}
