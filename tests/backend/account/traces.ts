/**
 * Looking for a person everywhere: every row of every collection (as raw JSON) and every
 * file in the store's folder. A trace is an identifier-like string (ids, HMACs, openid,
 * phone, ciphertexts, file keys) found in the person's rows and in nobody else's.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  COLLECTIONS,
  DELETION_JOBS,
  ORDER_ARCHIVE,
  RATE_COUNTERS,
} from '../../../backend/collections';
import type { Crypto } from '../../../backend/ports/crypto';
import type { DocumentStore, StoredDoc } from '../../../backend/ports/document-store';
import { PERSONAL_DATA, type PersonalDataEntry } from '../../../backend/privacy/data-map';
import { ownerFilePrefix } from '../../../backend/user/files';
import { personalCounterIds } from '../../../backend/user/rate-limit';

export type Dump = Map<string, StoredDoc[]>;

export async function dumpStore(store: DocumentStore): Promise<Dump> {
  const dump: Dump = new Map();
  for (const { name } of COLLECTIONS)
    dump.set(name, await store.find(name, {}, { limit: 1_000_000 }));
  return dump;
}

/** Every file under `dir` as key → sha256. */
export function dumpFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else
        out.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

const TOKEN = /^[A-Za-z0-9_./-]{12,}$/;

function leaves(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) leaves(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out);
  return out;
}

const fieldOf = (doc: StoredDoc, path: string) =>
  path
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      doc,
    );

/** The person's rows: by each entry of the map, and linked through their parents. */
export function rowsOf(
  dump: Dump,
  openid: string,
): Array<{ entry: PersonalDataEntry; doc: StoredDoc }> {
  const out: Array<{ entry: PersonalDataEntry; doc: StoredDoc }> = [];
  for (const entry of PERSONAL_DATA) {
    const parents = entry.parent
      ? new Set(
          (dump.get(entry.parent.collection) ?? [])
            .filter((p) => fieldOf(p, entry.parent?.ownerField ?? '') === openid)
            .map((p) => p._id),
        )
      : null;
    for (const doc of dump.get(entry.collection) ?? []) {
      const v = fieldOf(doc, entry.ownerField);
      if (parents ? typeof v === 'string' && parents.has(v) : v === openid)
        out.push({ entry, doc });
    }
  }
  return out;
}

export interface Person {
  openid: string;
  phone: string | null;
}

/**
 * Identifier-like strings of the person's: their openid and phone, the HMACs keyed on
 * them, every id and token in rows deletion removes, and the owner link of rows it
 * anonymises — minus any string that also appears in unrelated rows.
 */
export function tracesOf(dump: Dump, person: Person, crypto: Crypto, now: Date): Set<string> {
  const mine = rowsOf(dump, person.openid);
  const candidates = new Set<string>([person.openid]);
  if (person.phone) {
    candidates.add(person.phone);
    candidates.add(crypto.hmac('phone', person.phone));
  }
  candidates.add(ownerFilePrefix(crypto, person.openid).split('/')[1]);
  const counters = new Set(personalCounterIds(crypto, person, now));
  for (const id of counters) candidates.add(id);
  for (const { entry, doc } of mine) {
    // An anonymised row stays (someone else's record): only its link to the person is theirs.
    const values =
      entry.onDelete === 'delete' ? leaves(doc) : leaves(fieldOf(doc, entry.ownerField));
    for (const v of values) if (TOKEN.test(v)) candidates.add(v);
  }
  // Rows that name the person or one of their rows (e.g. a doctor's notice of their consult)
  // are about them, whatever the map says: their strings are not "somebody else's".
  const ownIds = new Set(
    mine
      .filter((m) => m.entry.onDelete === 'delete' && TOKEN.test(m.doc._id))
      .map((m) => m.doc._id),
  );
  const related = new Set(mine.map((m) => m.doc));
  for (const doc of dump.get(RATE_COUNTERS.name) ?? []) if (counters.has(doc._id)) related.add(doc);
  for (const [, docs] of dump)
    for (const doc of docs) {
      const values = leaves(doc);
      if (
        related.has(doc) ||
        values.some((v) => v === person.openid || (v !== doc._id && ownIds.has(v)))
      )
        continue;
      for (const v of values) candidates.delete(v);
    }
  // An anonymised row stays by design, under its id: a deleted row naming it (a risk record
  // of a doctor's kept message) does not make that id the person's.
  for (const { entry, doc } of mine) if (entry.onDelete === 'anonymise') candidates.delete(doc._id);
  return candidates;
}

/** Collections whose rows may name a deleted person's orders or job by design (checked apart). */
export const RECEIPT_COLLECTIONS = [ORDER_ARCHIVE.name, DELETION_JOBS.name];

/** Every (collection, row id, trace) where a trace still appears. */
export function findTraces(dump: Dump, files: Map<string, string>, traces: Set<string>): string[] {
  const hits: string[] = [];
  for (const [collection, docs] of dump) {
    if (RECEIPT_COLLECTIONS.includes(collection)) continue;
    for (const doc of docs) {
      const raw = JSON.stringify(doc);
      for (const t of traces) if (raw.includes(t)) hits.push(`${collection}/${doc._id}: ${t}`);
    }
  }
  for (const key of files.keys())
    for (const t of traces) if (key.includes(t)) hits.push(`file ${key}: ${t}`);
  return hits;
}

/**
 * What deletion may do to rows that are not the person's: nothing to unrelated rows; rows
 * that held a trace are gone (deleted by the map, or the person's rate counters) or still
 * there without it (anonymised). Answers the rows that broke the rule.
 */
export function othersChanged(
  before: Dump,
  after: Dump,
  person: Person,
  traces: Set<string>,
): string[] {
  const deleted = new Set(
    rowsOf(before, person.openid)
      .filter((m) => m.entry.onDelete === 'delete')
      .map((m) => `${m.entry.collection}/${m.doc._id}`),
  );
  const problems: string[] = [];
  for (const [collection, docs] of before) {
    if (RECEIPT_COLLECTIONS.includes(collection)) continue;
    const now = new Map((after.get(collection) ?? []).map((d) => [d._id, d]));
    for (const doc of docs) {
      const raw = JSON.stringify(doc);
      const traced = [...traces].some((t) => raw.includes(t));
      const id = `${collection}/${doc._id}`;
      const later = now.get(doc._id);
      if (!traced) {
        if (JSON.stringify(later) !== raw) problems.push(`${id} changed though it was not theirs`);
      } else if (deleted.has(id) || collection === RATE_COUNTERS.name) {
        if (later) problems.push(`${id} should be gone`);
      } else if (!later) {
        problems.push(`${id} was anonymised by the map but is gone`);
      }
    }
  }
  return problems;
}
