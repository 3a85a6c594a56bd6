import type Database from 'better-sqlite3';

/**
 * The index behind 1–2 character searches ("医", "眼科"). Trigrams cannot express them and
 * LIKE reads every row, so each document also gets a word list: its distinct 1- and
 * 2-character substrings ("grams") over all text fields, each tagged with the ranking tier
 * a search for exactly that gram gives the document (CollectionSpec.text: 0 the first field
 * equals it, 1 starts with it, 2 contains it, 3 only another field does). For a 1–2
 * character query the query *is* a gram, so an FTS5 table over these words answers which
 * documents match, in which tier and how many, from compact doclists.
 *
 * Words are `g<tier><hex code point>[x<hex code point>]`: plain [0-9a-z], which the ascii
 * tokenizer keeps as they are, so no Unicode case or diacritic folding can differ from
 * LIKE. LIKE folds ASCII letters only; so does foldAscii.
 */

/** The SQL function the triggers call; registered on the connection before any write. */
export const GRAMS_FUNCTION = 'store_search_grams';

/** FTS5 options: rowids only (detail=none), no copy of the words (contentless). */
export const GRAMS_FTS_OPTIONS =
  "grams, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii'";

/** Longest query the gram index answers; longer ones use the trigram index. */
export const MAX_GRAM = 2;

/** Lower-cases A–Z only, as SQLite's LIKE and lower() do. */
export const foldAscii = (text: string): string =>
  text.replace(/[A-Z]+/g, (run) => run.toLowerCase());

function wordOf(gram: string, tier: number): string {
  let word = `g${tier}`;
  let first = true;
  for (const ch of gram) {
    word += (first ? '' : 'x') + (ch.codePointAt(0) ?? 0).toString(16);
    first = false;
  }
  return word;
}

/** The ranking tier of a document for a search of `gram` (already folded). */
function tierOf(first: string | null, gram: string): number {
  if (first === null) return 3;
  if (first === gram) return 0;
  if (first.startsWith(gram)) return 1;
  return first.includes(gram) ? 2 : 3;
}

/**
 * The word list of one document. `values` are its text fields in spec order, as SQL text
 * (the triggers pass CAST(… AS TEXT), the same text LIKE compares) or null when absent.
 */
export function documentGrams(...values: unknown[]): string {
  const first = typeof values[0] === 'string' ? foldAscii(values[0]) : null;
  const seen = new Set<string>();
  const words: string[] = [];
  const add = (gram: string) => {
    if (seen.has(gram)) return;
    seen.add(gram);
    words.push(wordOf(gram, tierOf(first, gram)));
  };
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const chars = Array.from(foldAscii(value));
    for (let i = 0; i < chars.length; i++) {
      add(chars[i]);
      if (i + 1 < chars.length) add(chars[i] + chars[i + 1]);
    }
  }
  return words.join(' ');
}

/** The FTS5 query for documents in `tier` for a 1–2 character search. */
export const gramQuery = (q: string, tier: number): string => wordOf(foldAscii(q), tier);

export function registerGramFunction(db: Database.Database): void {
  db.function(GRAMS_FUNCTION, { deterministic: true, varargs: true }, documentGrams);
}
