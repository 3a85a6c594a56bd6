import type { CollectionSpec, SearchQuery } from '../../ports/document-store';
import { ftsTable, q } from './names';
import {
  docTextColumns,
  type Found,
  ftsPhrase,
  join,
  pageByTiers,
  textTerms,
  total,
  walkByProbe,
  walkBySet,
  walkByText,
} from './search';
import { compileFilter, type SqlPart } from './sql-filter';
import type { Statements } from './statements';

/**
 * Queries of 3+ characters: the trigram index finds the matches (MATCH on a quoted phrase,
 * so operators in `q` are plain text; the trigram tokenizer folds case). Tiers come from
 * textTerms' rank of the first field, counted over the rows whose first field matches
 * (`{c0} : phrase`); tier 3 is every other match.
 */
export function searchByTrigrams(sql: Statements, spec: CollectionSpec, query: SearchQuery): Found {
  const fts = ftsTable(spec.name);
  const filter = compileFilter(query.filter, 't');
  const phrase = ftsPhrase(query.q);
  const inFirst = `{c0} : ${phrase}`;
  const rankOf = (cols: string[]) => textTerms(cols, query.q).rank;
  const ftsRank = rankOf((spec.text ?? []).map((_, i) => `${fts}.c${i}`));
  const docRank = rankOf(docTextColumns(spec));
  const from = (match: string, filtered: boolean): SqlPart =>
    filtered
      ? join(
          `FROM ${fts} CROSS JOIN ${q(spec.name)} AS t ON t.rid = ${fts}.rowid WHERE`,
          { sql: `${fts} MATCH ?`, params: [match] },
          filter,
        )
      : { sql: `FROM ${fts} WHERE ${fts} MATCH ?`, params: [match] };

  const count = (filtered: boolean): number[] => {
    const all = from(phrase, filtered);
    const total = sql.one<{ n: number }>(`SELECT count(*) AS n ${all.sql}`, all.params)?.n ?? 0;
    const first = from(inFirst, filtered);
    const n = [0, 0, 0, 0];
    if (total === 0) return n;
    const byRank = sql.all<{ r: number; n: number }>(
      `SELECT ${ftsRank.sql} AS r, count(*) AS n ${first.sql} GROUP BY r`,
      [...ftsRank.params, ...first.params],
    );
    for (const { r, n: members } of byRank) if (r < 3) n[r] = members;
    n[3] = total - n[0] - n[1] - n[2];
    return n;
  };
  const inIndex = count(false);
  const matching = query.filter ? count(true) : inIndex;
  const rids = pageByTiers(sql, spec, query, {
    inIndex,
    matching,
    list: (tier) =>
      join('', from(tier < 3 ? inFirst : phrase, true), {
        sql: `${ftsRank.sql} = ?`,
        params: [...ftsRank.params, tier],
      }),
    walks: (tier) => {
      const ranked = { sql: `${docRank.sql} = ?`, params: [...docRank.params, tier] };
      // A rank below 3 means the first field contains q (LIKE), so the row matches; rank 3
      // rows match by MATCH, which folds more than LIKE: only the index can tell.
      if (tier < 3) {
        const set = walkBySet(fts, inFirst, inIndex[0] + inIndex[1] + inIndex[2]);
        return [walkByText(ranked), { ...set, test: join('', set.test, ranked) }];
      }
      return [walkBySet(fts, phrase, total(inIndex)), walkByProbe(fts, phrase)].map((way) => ({
        ...way,
        test: join('', way.test, ranked),
      }));
    },
  });
  return { rids, total: total(matching) };
}
