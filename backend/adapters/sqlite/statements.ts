import type Database from 'better-sqlite3';
import type { StoredDoc } from '../../ports/document-store';
import type { SqlValue } from './sql-filter';

const MAX_CACHED = 512;

/** Prepared statements by SQL text (filters vary in shape, so the cache is bounded). */
export class Statements {
  private readonly cache = new Map<string, Database.Statement<SqlValue[]>>();

  constructor(readonly db: Database.Database) {}

  /** `raw` statements return rows as arrays; they are cached apart from the others. */
  prepare(sql: string, raw = false): Database.Statement<SqlValue[]> {
    const key = raw ? `raw:${sql}` : sql;
    let stmt = this.cache.get(key);
    if (!stmt) {
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      stmt = this.db.prepare<SqlValue[]>(sql);
      if (raw) stmt.raw(true);
      this.cache.set(key, stmt);
    }
    return stmt;
  }

  all<R>(sql: string, params: SqlValue[]): R[] {
    return this.prepare(sql).all(...params) as R[];
  }

  /** Rows as arrays (no object per row): for hot paths that read many small rows. */
  tuples<R extends unknown[]>(sql: string, params: SqlValue[]): R[] {
    return this.prepare(sql, true).all(...params) as R[];
  }

  one<R>(sql: string, params: SqlValue[]): R | undefined {
    return this.prepare(sql).get(...params) as R | undefined;
  }

  run(sql: string, params: SqlValue[]): number {
    return this.prepare(sql).run(...params).changes;
  }
}

export interface DocRow {
  _id: string;
  doc: string;
}

/** The stored JSON never holds `_id` (the column does), so the key cannot disagree. */
export function toDoc<T extends StoredDoc>(row: DocRow): T {
  return { _id: row._id, ...(JSON.parse(row.doc) as Record<string, unknown>) } as T;
}
