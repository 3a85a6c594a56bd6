import type {
  CollectionSpec,
  FieldOps,
  Filter,
  Scalar,
  Sort,
  StoredDoc,
} from '../../ports/document-store';

/**
 * The few things done in memory on CloudBase: ranking search candidates, and checking a
 * compare-and-set expectation inside a transaction (which cannot run a query). Semantics
 * follow the SQLite adapter and MongoDB: null means null-or-missing, `$ne` matches
 * missing fields, ranges compare within one type.
 */

export function valueAt(doc: Record<string, unknown>, path: string): unknown {
  let value: unknown = doc;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Missing/null < numbers (and booleans) < strings < anything else, like the stores sort. */
function typeOrder(v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number' || typeof v === 'boolean') return 1;
  if (typeof v === 'string') return 2;
  return 3;
}

export function compareValues(a: unknown, b: unknown): number {
  const ta = typeOrder(a);
  const tb = typeOrder(b);
  if (ta !== tb) return ta - tb;
  if (ta === 1) return Number(a) - Number(b);
  if (ta === 2) return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  return 0;
}

export function compareBySort(a: StoredDoc, b: StoredDoc, sort: Sort): number {
  for (const [field, dir] of sort) {
    const c = compareValues(valueAt(a, field), valueAt(b, field));
    if (c !== 0) return dir === 'asc' ? c : -c;
  }
  return compareValues(a._id, b._id);
}

const equals = (actual: unknown, expected: Scalar) =>
  expected === null ? actual === null || actual === undefined : actual === expected;

function inRange(actual: unknown, op: string, bound: unknown): boolean {
  if (typeof actual !== typeof bound || (typeof actual !== 'number' && typeof actual !== 'string'))
    return false;
  const c = compareValues(actual, bound);
  return op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0;
}

export function matchesFilter(doc: StoredDoc, filter: Filter): boolean {
  return Object.entries(filter).every(([field, cond]) => {
    const actual = valueAt(doc, field);
    if (typeof cond !== 'object' || cond === null) return equals(actual, cond);
    return Object.entries(cond as FieldOps).every(([op, value]) => {
      if (op === '$eq') return equals(actual, value as Scalar);
      if (op === '$ne') return !equals(actual, value as Scalar);
      if (op === '$in') return (value as Scalar[]).some((v) => equals(actual, v));
      return inRange(actual, op, value);
    });
  });
}

/** 0 exact first field, 1 prefix of it, 2 substring of it, 3 elsewhere (CollectionSpec.text). */
function bucket(doc: StoredDoc, firstField: string, needle: string): number {
  const first = valueAt(doc, firstField);
  const text = typeof first === 'string' ? first.toLowerCase() : '';
  if (text === needle) return 0;
  if (text.startsWith(needle)) return 1;
  return text.includes(needle) ? 2 : 3;
}

export function rankSearchHits<T extends StoredDoc>(
  spec: CollectionSpec,
  q: string,
  docs: T[],
): T[] {
  const needle = q.toLowerCase();
  const first = (spec.text ?? [])[0];
  const ranked = docs.map((doc) => ({ doc, bucket: bucket(doc, first, needle) }));
  ranked.sort(
    (a, b) => a.bucket - b.bucket || compareBySort(a.doc, b.doc, spec.searchTieBreak ?? []),
  );
  return ranked.map((r) => r.doc);
}
