import type { Patch } from '../../ports/document-store';
import { paramPath } from './names';
import type { SqlPart, SqlValue } from './sql-filter';

export interface CompiledPatch {
  /** The new `doc` value, computed from the old one in the same UPDATE. */
  doc: SqlPart;
  /** Extra WHERE condition: every `inc` target is a number or absent. */
  guard: SqlPart;
}

/** Refuses `_id` and overlapping paths (`a` and `a.b`), whose outcome would depend on order. */
function checkPaths(paths: string[]): void {
  const sorted = [...paths].sort();
  sorted.forEach((path, i) => {
    if (path === '_id' || path.startsWith('_id.')) throw new Error('a patch cannot change _id');
    paramPath(path);
    const next = sorted[i + 1];
    if (next !== undefined && (next === path || next.startsWith(`${path}.`))) {
      throw new Error(`conflicting patch paths: ${path} and ${next}`);
    }
  });
}

/** Parents of every target, shallowest first, each once. */
function parentPaths(paths: string[]): string[] {
  const parents = new Set<string>();
  for (const path of paths) {
    const parts = path.split('.');
    for (let i = 1; i < parts.length; i++) parents.add(parts.slice(0, i).join('.'));
  }
  return [...parents].sort((a, b) => a.split('.').length - b.split('.').length);
}

/** Whole-number increments are bound as integers so counters stay integers in the JSON. */
const bindNumber = (n: number): SqlValue => (Number.isSafeInteger(n) ? BigInt(n) : n);

/**
 * Builds `json_remove(json_set(doc, ...), ...)`. Every value inside json_set is computed from
 * the old document, so an increment is read and written by one statement: atomic.
 */
export function compilePatch(patch: Patch, docCol: string): CompiledPatch {
  const sets = Object.entries(patch.set ?? {});
  const incs = Object.entries(patch.inc ?? {});
  const unsets = patch.unset ?? [];
  checkPaths([...sets.map(([p]) => p), ...incs.map(([p]) => p), ...unsets]);

  const pairs: string[] = [];
  const params: SqlValue[] = [];
  // A parent that is missing or not an object becomes {}, so a dotted set always lands.
  for (const parent of parentPaths([...sets, ...incs].map(([p]) => p))) {
    const p = paramPath(parent);
    pairs.push(
      `?, CASE WHEN json_type(${docCol}, ?) = 'object' THEN json(json_extract(${docCol}, ?)) ELSE json('{}') END`,
    );
    params.push(p, p, p);
  }
  for (const [path, value] of sets) {
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error(`cannot set ${path} to ${String(value)}`);
    pairs.push('?, json(?)');
    params.push(paramPath(path), text);
  }
  const guardParts: string[] = [];
  const guardParams: SqlValue[] = [];
  for (const [path, by] of incs) {
    if (typeof by !== 'number' || !Number.isFinite(by))
      throw new Error(`inc ${path} needs a finite number`);
    const p = paramPath(path);
    pairs.push(`?, coalesce(json_extract(${docCol}, ?), 0) + ?`);
    params.push(p, p, bindNumber(by));
    guardParts.push(`coalesce(json_type(${docCol}, ?), 'integer') IN ('integer', 'real')`);
    guardParams.push(p);
  }

  let sql = pairs.length > 0 ? `json_set(${docCol}, ${pairs.join(', ')})` : docCol;
  if (unsets.length > 0) {
    sql = `json_remove(${sql}, ${unsets.map(() => '?').join(', ')})`;
    params.push(...unsets.map(paramPath));
  }
  return {
    doc: { sql, params },
    guard: { sql: guardParts.length > 0 ? guardParts.join(' AND ') : '1', params: guardParams },
  };
}
