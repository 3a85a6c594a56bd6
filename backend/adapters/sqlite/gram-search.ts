import type { CollectionSpec, SearchQuery } from '../../ports/document-store';
import { gramQuery } from './grams';
import { gramTable, q } from './names';
import {
  docTextColumns,
  type Found,
  join,
  pageByTiers,
  textTerms,
  TIERS,
  total,
  walkBySet,
  walkByText,
} from './search';
import { compileFilter, type SqlPart } from './sql-filter';
import type { Statements } from './statements';

/**
 * Queries of 1–2 characters ("医", "眼科"), from the gram index (grams.ts): each tier's
 * members are one word's doclist, so the counts — and `total` — come from the index
 * alone, and a tier is listed by reading that doclist.
 */
export function searchByGrams(sql: Statements, spec: CollectionSpec, query: SearchQuery): Found {
  const grams = gramTable(spec.name);
  const filter = compileFilter(query.filter, 't');
  const words = TIERS.map((tier) => gramQuery(query.q, tier));
  const joined = (tier: number) =>
    join(
      `FROM ${grams} CROSS JOIN ${q(spec.name)} AS t ON t.rid = ${grams}.rowid WHERE`,
      { sql: `${grams} MATCH ?`, params: [words[tier]] },
      filter,
    );
  const inIndex = countEach(sql, (tier) => ({
    sql: `FROM ${grams} WHERE ${grams} MATCH ?`,
    params: [words[tier]],
  }));
  const matching = query.filter ? countEach(sql, joined) : inIndex;
  const { match, rank } = textTerms(docTextColumns(spec), query.q);
  const rids = pageByTiers(sql, spec, query, {
    inIndex,
    matching,
    list: joined,
    walks: (tier) => [
      walkBySet(grams, words[tier], inIndex[tier]),
      // The definition the words were made from: tier by the first field, match by any.
      walkByText(join('', { sql: `${rank.sql} = ?`, params: [...rank.params, tier] }, match)),
    ],
  });
  return { rids, total: total(matching) };
}

/** count(*) of each tier's `FROM … WHERE …`, in one statement. */
export function countEach(sql: Statements, from: (tier: number) => SqlPart): number[] {
  const parts = TIERS.map(from);
  const row = sql.one<Record<string, number>>(
    `SELECT ${parts.map((p, i) => `(SELECT count(*) ${p.sql}) AS n${i}`).join(', ')}`,
    parts.flatMap((p) => p.params),
  );
  return TIERS.map((tier) => row?.[`n${tier}`] ?? 0);
}
