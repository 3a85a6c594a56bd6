import type Database from 'better-sqlite3';
import type { CollectionSpec } from '../../ports/document-store';
import { GRAMS_FTS_OPTIONS, GRAMS_FUNCTION, registerGramFunction } from './grams';
import {
  ftsTable,
  geoTable,
  gramTable,
  indexColumn,
  pathLiteral,
  q,
  searchOrderIndex,
} from './names';
import { compileSort } from './sql-filter';

/**
 * Tables for one collection: `rid INTEGER PRIMARY KEY` gives the FTS and R*Tree rows a key
 * that VACUUM cannot renumber (an implicit rowid could change); `_id` is the document key.
 * Triggers keep the text and spatial indexes in step with every write, whatever the path.
 */

const META = q('__store_meta');

/**
 * Shape of the derived tables; when it changes they are rebuilt from the documents.
 * `grams` versions the word lists of grams.ts: bump it when their format changes.
 */
const derivedShape = (spec: CollectionSpec): string =>
  JSON.stringify({
    text: spec.text ?? [],
    geo: spec.geo ?? null,
    grams: 1,
    order: spec.text?.length ? (spec.searchTieBreak ?? []) : [],
  });

/** Where trigger or rebuild statements read a document from: the trigger row or the whole table. */
interface Source {
  rid: string;
  doc: string;
  from: string;
}
const triggerRow = (row: 'new' | 'old'): Source => ({
  rid: `${row}.rid`,
  doc: `${row}.doc`,
  from: '',
});

const extract = (src: Source, field: string): string =>
  `json_extract(${src.doc}, ${pathLiteral(field)})`;

function addIndexColumns(db: Database.Database, spec: CollectionSpec): void {
  const existing = new Set(
    (
      db.prepare('SELECT name FROM pragma_table_xinfo(?)').all(spec.name) as Array<{ name: string }>
    ).map((c) => c.name),
  );
  for (const field of spec.indexes) {
    if (field === '_id') continue;
    if (!existing.has(`ix:${field}`)) {
      db.exec(
        `ALTER TABLE ${q(spec.name)} ADD COLUMN ${indexColumn(field)} GENERATED ALWAYS AS (json_extract(doc, ${pathLiteral(field)})) VIRTUAL`,
      );
    }
    db.exec(
      `CREATE INDEX IF NOT EXISTS ${q(`${spec.name}__ix:${field}`)} ON ${q(spec.name)}(${indexColumn(field)})`,
    );
  }
}

interface Statements {
  insert: (src: Source) => string;
  remove: (row: 'old') => string;
}

function ftsStatements(spec: CollectionSpec, text: string[]): Statements {
  const cols = text.map((_, i) => `c${i}`).join(', ');
  return {
    insert: (src) =>
      `INSERT INTO ${ftsTable(spec.name)}(rowid, ${cols}) SELECT ${src.rid}, ${text.map((f) => extract(src, f)).join(', ')} ${src.from};`,
    remove: (row) => `DELETE FROM ${ftsTable(spec.name)} WHERE rowid = ${row}.rid;`,
  };
}

/**
 * The word list is made by a JS function (grams.ts) registered on the connection: a write
 * from a connection without it fails, rather than leaving the index behind.
 */
function gramStatements(spec: CollectionSpec, text: string[]): Statements {
  return {
    insert: (src) =>
      `INSERT INTO ${gramTable(spec.name)}(rowid, grams) SELECT ${src.rid}, ${GRAMS_FUNCTION}(${text.map((f) => `CAST(${extract(src, f)} AS TEXT)`).join(', ')}) ${src.from};`,
    remove: (row) => `DELETE FROM ${gramTable(spec.name)} WHERE rowid = ${row}.rid;`,
  };
}

function geoStatements(spec: CollectionSpec, geo: string): Statements {
  // Only real coordinates are indexed; a document without a usable location is never "near".
  return {
    insert: (
      src,
    ) => `INSERT INTO ${geoTable(spec.name)}(id, minLat, maxLat, minLng, maxLng, lat, lng)
      SELECT rid, la, la, ln, ln, la, ln FROM (
        SELECT ${src.rid} AS rid, ${extract(src, `${geo}.lat`)} AS la, ${extract(src, `${geo}.lng`)} AS ln ${src.from})
      WHERE typeof(la) IN ('integer', 'real') AND typeof(ln) IN ('integer', 'real')
        AND la BETWEEN -90 AND 90 AND ln BETWEEN -180 AND 180;`,
    remove: (row) => `DELETE FROM ${geoTable(spec.name)} WHERE id = ${row}.rid;`,
  };
}

/** Triggers named `<c>__<kind>_<event>`; an update re-indexes only when a watched field changed. */
function createTriggers(
  db: Database.Database,
  name: string,
  kind: string,
  fields: string[],
  st: Statements,
): void {
  const table = q(name);
  const [oldRow, newRow] = [triggerRow('old'), triggerRow('new')];
  const changed = fields
    .map((f) => `${extract(oldRow, f)} IS NOT ${extract(newRow, f)}`)
    .join(' OR ');
  db.exec(`
    CREATE TRIGGER ${q(`${name}__${kind}_ai`)} AFTER INSERT ON ${table} BEGIN ${st.insert(newRow)} END;
    CREATE TRIGGER ${q(`${name}__${kind}_ad`)} AFTER DELETE ON ${table} BEGIN ${st.remove('old')} END;
    CREATE TRIGGER ${q(`${name}__${kind}_au`)} AFTER UPDATE OF doc ON ${table} WHEN ${changed}
      BEGIN ${st.remove('old')} ${st.insert(newRow)} END;
  `);
}

function derived(spec: CollectionSpec): Array<{ kind: string; fields: string[]; st: Statements }> {
  const out = [];
  const text = spec.text ?? [];
  if (text.length > 0) {
    out.push({ kind: 'fts', fields: text, st: ftsStatements(spec, text) });
    out.push({ kind: 'grams', fields: text, st: gramStatements(spec, text) });
  }
  if (spec.geo)
    out.push({
      kind: 'geo',
      fields: [`${spec.geo}.lat`, `${spec.geo}.lng`],
      st: geoStatements(spec, spec.geo),
    });
  return out;
}

function rebuildDerived(db: Database.Database, spec: CollectionSpec): void {
  for (const table of [ftsTable, gramTable, geoTable])
    db.exec(`DROP TABLE IF EXISTS ${table(spec.name)}`);
  db.exec(`DROP INDEX IF EXISTS ${searchOrderIndex(spec.name)}`);
  const text = spec.text ?? [];
  if (text.length > 0) {
    const cols = text.map((_, i) => `c${i}`).join(', ');
    db.exec(
      `CREATE VIRTUAL TABLE ${ftsTable(spec.name)} USING fts5(${cols}, tokenize = 'trigram')`,
    );
    db.exec(`CREATE VIRTUAL TABLE ${gramTable(spec.name)} USING fts5(${GRAMS_FTS_OPTIONS})`);
    // Lets a search with many matches walk the tie-break order and stop after one page
    // (with no tie-break, the order is `_id`'s, whose unique index already serves).
    if (spec.searchTieBreak?.length) {
      db.exec(
        `CREATE INDEX ${searchOrderIndex(spec.name)} ON ${q(spec.name)}(${compileSort(spec.searchTieBreak, '')})`,
      );
    }
  }
  if (spec.geo) {
    // Auxiliary columns (+lat, +lng) keep exact doubles; the box columns are float32.
    db.exec(
      `CREATE VIRTUAL TABLE ${geoTable(spec.name)} USING rtree(id, minLat, maxLat, minLng, maxLng, +lat, +lng)`,
    );
  }
  const all: Source = { rid: 'rid', doc: 'doc', from: `FROM ${q(spec.name)}` };
  for (const d of derived(spec)) db.exec(d.st.insert(all));
}

function ensureCollection(db: Database.Database, spec: CollectionSpec): void {
  const table = q(spec.name);
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${table} (rid INTEGER PRIMARY KEY, _id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL)`,
  );
  addIndexColumns(db, spec);

  const shape = derivedShape(spec);
  const stored = db.prepare(`SELECT shape FROM ${META} WHERE collection = ?`).get(spec.name) as
    { shape: string } | undefined;
  if (stored?.shape !== shape) {
    rebuildDerived(db, spec);
    db.prepare(`INSERT OR REPLACE INTO ${META}(collection, shape) VALUES (?, ?)`).run(
      spec.name,
      shape,
    );
  }

  for (const kind of ['fts', 'grams', 'geo']) {
    for (const event of ['ai', 'ad', 'au'])
      db.exec(`DROP TRIGGER IF EXISTS ${q(`${spec.name}__${kind}_${event}`)}`);
  }
  for (const d of derived(spec)) createTriggers(db, spec.name, d.kind, d.fields, d.st);
}

/** Creates or brings up to date every declared collection, in one transaction. */
export function ensureSchema(db: Database.Database, collections: CollectionSpec[]): void {
  registerGramFunction(db);
  db.transaction(() => {
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${META} (collection TEXT PRIMARY KEY, shape TEXT NOT NULL)`,
    );
    for (const spec of collections) ensureCollection(db, spec);
  })();
}
