import type { CollectionSpec, SearchQuery } from '../../ports/document-store';
import { ftsTable, q } from './names';
import { compileFilter, compilePage, compileSort, type SqlPart } from './sql-filter';

/** `%`, `_` and `\` are LIKE wildcards/escape; with ESCAPE '\' they match themselves. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An FTS5 string: inside double quotes everything is literal text except `"`, written `""`. */
export const ftsPhrase = (text: string): string => `"${text.replace(/"/g, '""')}"`;

export interface SearchSql {
  count: SqlPart;
  page: SqlPart;
}

/**
 * Matching: the trigram index answers substrings of 3+ characters (MATCH on a quoted
 * phrase, so operators in `q` are plain text). Trigrams cannot express 1–2 characters —
 * common in Chinese ("眼科") — so those scan the FTS columns with LIKE: still exact, and
 * the FTS table is far smaller to scan than the JSON documents.
 *
 * Ranking (CollectionSpec.text): exact first field, prefix of it, substring of it, then any
 * other field; then `searchTieBreak`, then `_id`. Latin letters compare case-insensitively
 * (trigram folds case; LIKE does for ASCII).
 */
export function buildSearch(spec: CollectionSpec, query: SearchQuery): SearchSql {
  const fts = ftsTable(spec.name);
  const text = spec.text ?? [];
  const like = escapeLike(query.q);
  const match: SqlPart =
    [...query.q].length >= 3
      ? { sql: `${fts} MATCH ?`, params: [ftsPhrase(query.q)] }
      : {
          sql: `(${text.map((_, i) => `${fts}.c${i} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
          params: text.map(() => `%${like}%`),
        };
  const filter = compileFilter(query.filter, 't');
  const from = `FROM ${fts} JOIN ${q(spec.name)} AS t ON t.rid = ${fts}.rowid WHERE ${match.sql} AND ${filter.sql}`;
  const first = `${fts}.c0`;
  const rank = `CASE WHEN ${first} LIKE ? ESCAPE '\\' THEN 0 WHEN ${first} LIKE ? ESCAPE '\\' THEN 1
    WHEN ${first} LIKE ? ESCAPE '\\' THEN 2 ELSE 3 END`;
  const page = compilePage(query.limit, query.skip);
  return {
    count: { sql: `SELECT count(*) AS n ${from}`, params: [...match.params, ...filter.params] },
    page: {
      sql: `SELECT t._id AS _id, t.doc AS doc ${from}
        ORDER BY ${rank}, ${compileSort(spec.searchTieBreak, 't')} ${page.sql}`,
      params: [...match.params, ...filter.params, like, `${like}%`, `%${like}%`, ...page.params],
    },
  };
}
