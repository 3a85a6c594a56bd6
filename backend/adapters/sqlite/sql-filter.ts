import type { FieldOps, Filter, Scalar, Sort } from '../../ports/document-store';
import { indexColumn } from './names';

/** A SQL fragment and its bound values, in order. */
export interface SqlPart {
  sql: string;
  params: SqlValue[];
}

export type SqlValue = string | number | bigint | null;

const OPS = new Set(['$eq', '$ne', '$in', '$gt', '$gte', '$lt', '$lte']);

/** Booleans are stored by json_extract as 1/0, so they are compared that way. */
export function bindScalar(value: unknown): SqlValue {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new Error(`unsupported filter value: ${String(value)}`);
}

function isOps(cond: Scalar | FieldOps): cond is FieldOps {
  return typeof cond === 'object' && cond !== null && !Array.isArray(cond);
}

function eq(col: string, value: unknown): SqlPart {
  const v = bindScalar(value);
  return v === null ? { sql: `${col} IS NULL`, params: [] } : { sql: `${col} = ?`, params: [v] };
}

/** Like MongoDB, `$ne` also matches documents where the field is missing. */
function ne(col: string, value: unknown): SqlPart {
  const v = bindScalar(value);
  return v === null
    ? { sql: `${col} IS NOT NULL`, params: [] }
    : { sql: `${col} IS NOT ?`, params: [v] };
}

function inList(col: string, values: unknown): SqlPart {
  if (!Array.isArray(values)) throw new Error('$in needs an array');
  const bound = values.map(bindScalar);
  const present = bound.filter((v) => v !== null);
  const alternatives: string[] = [];
  if (present.length > 0) alternatives.push(`${col} IN (${present.map(() => '?').join(', ')})`);
  if (present.length < bound.length) alternatives.push(`${col} IS NULL`);
  if (alternatives.length === 0) return { sql: '0', params: [] };
  return { sql: `(${alternatives.join(' OR ')})`, params: present };
}

/**
 * SQLite orders every number before every string, so a bare `col > 5` would also match
 * text. The extra bound keeps a range within one type, as MongoDB/CloudBase do.
 */
function range(col: string, op: string, value: unknown): SqlPart {
  const sqlOp = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op];
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { sql: `(${col} ${sqlOp} ? AND ${col} < '')`, params: [value] };
  }
  if (typeof value === 'string')
    return { sql: `(${col} ${sqlOp} ? AND ${col} >= '')`, params: [value] };
  throw new Error(`${op} needs a number or a string`);
}

function fieldCondition(col: string, cond: Scalar | FieldOps): SqlPart[] {
  if (!isOps(cond)) return [eq(col, cond)];
  const entries = Object.entries(cond);
  if (entries.length === 0) throw new Error('empty operator object in filter');
  return entries.map(([op, value]) => {
    if (!OPS.has(op)) throw new Error(`unsupported filter operator: ${op}`);
    if (op === '$eq') return eq(col, value);
    if (op === '$ne') return ne(col, value);
    if (op === '$in') return inList(col, value);
    return range(col, op, value);
  });
}

/** WHERE body (`1` when empty) for a filter whose fields the caller already checked. */
export function compileFilter(filter: Filter | undefined, alias: string): SqlPart {
  const parts = Object.entries(filter ?? {}).flatMap(([field, cond]) =>
    fieldCondition(`${alias}.${indexColumn(field)}`, cond),
  );
  if (parts.length === 0) return { sql: '1', params: [] };
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) };
}

/**
 * ORDER BY body; `_id` last so pages are stable when sort keys tie. With alias '' the
 * columns are bare, as CREATE INDEX needs them (the search order index matches this).
 */
export function compileSort(sort: Sort | undefined, alias: string): string {
  const prefix = alias === '' ? '' : `${alias}.`;
  const keys = (sort ?? []).map(([field, dir]) => {
    if (dir !== 'asc' && dir !== 'desc') throw new Error(`invalid sort direction: ${String(dir)}`);
    return `${prefix}${indexColumn(field)} ${dir === 'asc' ? 'ASC' : 'DESC'}`;
  });
  if (!(sort ?? []).some(([field]) => field === '_id')) keys.push(`${prefix}"_id" ASC`);
  return keys.join(', ');
}

/** LIMIT/OFFSET with validated numbers (`LIMIT -1` means no limit in SQLite). */
export function compilePage(limit: number | undefined, skip: number | undefined): SqlPart {
  for (const [name, n] of [
    ['limit', limit],
    ['skip', skip],
  ] as const) {
    if (n !== undefined && (!Number.isInteger(n) || n < 0))
      throw new Error(`${name} must be a non-negative integer`);
  }
  return { sql: 'LIMIT ? OFFSET ?', params: [limit ?? -1, skip ?? 0] };
}
