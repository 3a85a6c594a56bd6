/**
 * Identifiers that reach SQL text. Only names from CollectionSpec ever do (values are always
 * bound parameters), and they are checked here first, so a bad spec fails at open time.
 */

const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export function assertCollectionName(name: string): void {
  // `__` is reserved for the adapter's own tables (`x__fts`, `x__grams`, `x__geo`).
  if (!COLLECTION_NAME.test(name) || name.includes('__')) {
    throw new Error(`invalid collection name: ${JSON.stringify(name)}`);
  }
}

export function assertFieldName(field: string): void {
  if (!FIELD_NAME.test(field) || field.split('.').some((part) => part === '')) {
    throw new Error(`invalid field name: ${JSON.stringify(field)}`);
  }
}

/** Double-quoted identifier; callers pass only validated names, so no quote can occur. */
export const q = (name: string): string => `"${name}"`;

export const ftsTable = (collection: string): string => q(`${collection}__fts`);
export const geoTable = (collection: string): string => q(`${collection}__geo`);
export const gramTable = (collection: string): string => q(`${collection}__grams`);
/** The index `search` walks in tie-break order (CollectionSpec.searchTieBreak, then `_id`). */
export const searchOrderIndex = (collection: string): string => q(`${collection}__search_order`);

/** The generated column that mirrors an indexed field (`_id` is a real column). */
export const indexColumn = (field: string): string =>
  field === '_id' ? q('_id') : q(`ix:${field}`);

/** JSON path literal for DDL, from a validated field name (`location.lat` → `'$.location.lat'`). */
export const pathLiteral = (field: string): string => `'$.${field}'`;

/**
 * JSON path for a bound parameter. Every segment is quoted so keys that are not plain
 * identifiers still address one key; a `"` could end the quoting, so it is refused.
 */
export function paramPath(field: string): string {
  const parts = field.split('.');
  if (parts.some((part) => part === '' || part.includes('"'))) {
    throw new Error(`invalid field path: ${JSON.stringify(field)}`);
  }
  return '$' + parts.map((part) => `."${part}"`).join('');
}
