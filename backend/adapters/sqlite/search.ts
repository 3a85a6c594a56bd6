import type { CollectionSpec, SearchQuery } from '../../ports/document-store';
import { pathLiteral, q } from './names';
import { compileFilter, compileSort, type SqlPart } from './sql-filter';
import type { Statements } from './statements';

/** `%`, `_` and `\` are LIKE wildcards/escape; with ESCAPE '\' they match themselves. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An FTS5 string: inside double quotes everything is literal text except `"`, written `""`. */
export const ftsPhrase = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** One page of matching rows (their rids, in order), and how many rows match in all. */
export interface Found {
  rids: number[];
  total: number;
}

export const TIERS = [0, 1, 2, 3] as const;

export const total = (perTier: readonly number[]): number => perTier.reduce((a, b) => a + b, 0);

/**
 * The port's ranking (CollectionSpec.text) as SQL over the text columns `cols`, first field
 * first: `match` holds when any contains `query`; `rank` is 0 when the first equals it, 1
 * when it starts with it, 2 when it contains it, else 3. LIKE folds ASCII letters only,
 * and the escaping keeps `%`, `_`, `\` literal. The indexes are built to agree with this.
 */
export function textTerms(cols: string[], query: string): { match: SqlPart; rank: SqlPart } {
  const like = escapeLike(query);
  const first = cols[0];
  return {
    match: {
      sql: `(${cols.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
      params: cols.map(() => `%${like}%`),
    },
    rank: {
      sql: `(CASE WHEN ${first} LIKE ? ESCAPE '\\' THEN 0 WHEN ${first} LIKE ? ESCAPE '\\' THEN 1
        WHEN ${first} LIKE ? ESCAPE '\\' THEN 2 ELSE 3 END)`,
      params: [like, `${like}%`, `%${like}%`],
    },
  };
}

/** The text fields of the document row `t`, as the FTS columns hold them. */
export const docTextColumns = (spec: CollectionSpec): string[] =>
  (spec.text ?? []).map((f) => `json_extract(t.doc, ${pathLiteral(f)})`);

/**
 * A test of row `t` for membership in one tier (filter aside), used while walking, with
 * its rough cost in µs: before the first row, and per row walked. The costs were measured
 * on the benchmark catalog (bench/focus.ts); only their ratios matter.
 */
export interface Walk {
  test: SqlPart;
  setup: number;
  perRow: number;
}

/** Members are the rowids an FTS5 query finds, collected once (`+` keeps the walk's index). */
export const walkBySet = (fts: string, match: string, rowids: number): Walk => ({
  test: { sql: `+t.rid IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?)`, params: [match] },
  setup: 0.12 * rowids,
  perRow: 0.2,
});

/** Each walked row asks the FTS5 index about itself: dear per row, nothing up front. */
export const walkByProbe = (fts: string, match: string): Walk => ({
  test: {
    sql: `EXISTS (SELECT 1 FROM ${fts} WHERE ${fts} MATCH ? AND rowid = t.rid)`,
    params: [match],
  },
  setup: 0,
  perRow: 12,
});

/** Each walked row is tested from its own text (json_extract): exact where textTerms is. */
export const walkByText = (test: SqlPart): Walk => ({ test, setup: 0, perRow: 4 });

/** What an index knows about one search: its members per ranking tier, and how to read them. */
export interface Tiers {
  /** Members per tier as the index holds them (what listing a tier reads). */
  inIndex: readonly number[];
  /** Members per tier that also pass the query's filter: what is counted and paged. */
  matching: readonly number[];
  /** `FROM … WHERE …` joining a tier's members as `t`, the filter applied. */
  list(tier: number): SqlPart;
  /** Ways to recognise a tier's rows while walking the collection in tie-break order. */
  walks(tier: number): Walk[];
}

/** Listing reads and sorts every member of a tier (µs per member, as for Walk). */
const LIST_PER_MEMBER = 1.2;

/**
 * The requested page, one tier at a time, each read whichever way reads least: list the
 * tier's members from the index and sort them, or walk the collection in tie-break order
 * (the search order index) keeping the tier's rows and stopping after the page. A common
 * character can match most of a collection: then ranking, not matching, is the cost, and
 * a walk reads about one page of rows instead of sorting them all.
 */
export function pageByTiers(
  sql: Statements,
  spec: CollectionSpec,
  query: SearchQuery,
  tiers: Tiers,
): number[] {
  const table = q(spec.name);
  const order = compileSort(spec.searchTieBreak, 't');
  const filter = compileFilter(query.filter, 't');
  const rids: number[] = [];
  let toSkip = query.skip ?? 0;
  let size: number | null = null;
  for (const tier of TIERS) {
    if (rids.length >= query.limit) break;
    const members = tiers.matching[tier];
    if (toSkip >= members) {
      toSkip -= members;
      continue;
    }
    const take = Math.min(query.limit - rids.length, members - toSkip);
    // max(rid) bounds the row count at the cost of one index lookup.
    size ??= sql.one<{ n: number | null }>(`SELECT max(rid) AS n FROM ${table}`, [])?.n ?? 0;
    const walked = ((toSkip + take) * size) / members;
    const source = cheapest(tiers, tier, walked, (test) =>
      join(`FROM ${table} AS t WHERE`, test, filter),
    );
    // Only rids: the caller reads the documents (or finds them cached).
    for (const [rid] of sql.tuples<[number]>(
      `SELECT t.rid ${source.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...source.params, take, toSkip],
    ))
      rids.push(rid);
    toSkip = 0;
  }
  return rids;
}

/** The least costly way to read one tier; `walk` makes a walk's `FROM … WHERE …` from its test. */
function cheapest(
  tiers: Tiers,
  tier: number,
  walked: number,
  walk: (test: SqlPart) => SqlPart,
): SqlPart {
  let best = { cost: tiers.inIndex[tier] * LIST_PER_MEMBER, source: tiers.list(tier) };
  for (const way of tiers.walks(tier)) {
    const cost = way.setup + walked * way.perRow;
    if (cost < best.cost) best = { cost, source: walk(way.test) };
  }
  return best.source;
}

/** `head` followed by `parts` ANDed. */
export function join(head: string, ...parts: SqlPart[]): SqlPart {
  return {
    sql: `${head} ${parts.map((p) => p.sql).join(' AND ')}`,
    params: parts.flatMap((p) => p.params),
  };
}
