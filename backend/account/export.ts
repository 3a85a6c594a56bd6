import { EXPORT_LINK_TTL_SECONDS, EXPORT_PAGE_ROWS } from '../../contract/account';
import type { Handler } from '../core/action';
import { requireCaller } from '../core/auth';
import type { Ctx } from '../core/context';
import type { StoredDoc } from '../ports/document-store';
import { PERSONAL_DATA, type PersonalDataEntry } from '../privacy/data-map';
import { loadUser, requireTrustedAccount } from '../user/account';
import { portOf } from '../user/ports';
import { accountError } from './errors';
import { decodeCursor, encodeCursor } from './export-cursor';
import { loadJob } from './job';
import { holds, slotsAt } from './paths';

/**
 * PIPL art. 45: a copy of everything the map says is the caller's, EXPORT_PAGE_ROWS rows
 * per call (a CloudBase function's answer is limited in size), the client joining pages.
 * Ciphertext fields are decrypted (`phoneEnc` → `phone`) — for the owner only, in this
 * answer only; file keys become links bound to the caller that expire after
 * EXPORT_LINK_TTL_SECONDS; fields naming another person (a doctor's openid) are null. Rows
 * that are mostly someone else's (a doctor's side of a patient's consult, notices about
 * another's consult) are not included.
 */
const defaultContext = (e: PersonalDataEntry, field: string, doc: StoredDoc) =>
  `${e.collection}.${field}:${String(doc[e.ownerField])}`;

/** Fields of the collection that name a person (its entries' owner fields). */
const personFields = (collection: string) =>
  PERSONAL_DATA.filter((e) => e.collection === collection && !e.parent).map((e) => e.ownerField);

async function present(
  ctx: Ctx,
  entry: PersonalDataEntry,
  raw: StoredDoc,
  openid: string,
  expiresAt: string,
): Promise<Record<string, unknown>> {
  const crypto = portOf(ctx, 'crypto');
  const files = portOf(ctx, 'files');
  const doc = structuredClone(raw);
  // Another person (the doctor, the patient one consulted) is not named in the caller's copy.
  for (const field of personFields(entry.collection)) {
    for (const { parent, key } of slotsAt(doc, field))
      if (typeof parent[key] === 'string' && parent[key] !== openid) parent[key] = null;
  }
  const fileFields = [...(entry.fileKeyFields ?? []), ...(entry.linkFields ?? [])];
  for (const field of entry.sensitive.filter((f) => !fileFields.includes(f))) {
    const context = (entry.cryptoContext ?? ((f, d) => defaultContext(entry, f, d)))(field, raw);
    for (const { parent, key } of slotsAt(doc, field)) {
      const value = parent[key];
      if (typeof value !== 'string' && value !== null) continue;
      delete parent[key];
      parent[key.replace(/Enc$/, '')] = value === null ? null : crypto.decrypt(value, context);
    }
  }
  for (const field of fileFields) {
    const decrypt = entry.sensitive.includes(field);
    for (const { parent, key } of slotsAt(doc, field)) {
      const value = parent[key];
      if (typeof value !== 'string' || value === '') continue;
      const url = await files.signedUrl(value, {
        ttlSeconds: EXPORT_LINK_TTL_SECONDS,
        owner: openid,
        decrypt,
      });
      parent[key] = { url, expiresAt };
    }
  }
  return doc;
}

/** The exported entries of the map, in its order, and the collections they fall in. */
const EXPORTED = PERSONAL_DATA.filter((e) => !e.parent && e.export !== false);
const COLLECTIONS = [...new Set(EXPORTED.map((e) => e.collection))].map((collection) => {
  const group = EXPORTED.filter((e) => e.collection === collection);
  return {
    collection,
    descriptions: group.map((e) => e.description),
    clauses: [...new Set(group.flatMap((e) => e.clauses))],
  };
});

/**
 * A row under two entries of one collection (uploaded by the caller, in the caller's
 * consult) is exported once, under the first: no state between pages needed.
 */
const earlierEntryHolds = (index: number, doc: StoredDoc, openid: string) =>
  EXPORTED.slice(0, index).some(
    (e) => e.collection === EXPORTED[index].collection && holds(doc, e.ownerField, openid),
  );

export const exportData: Handler<'account', 'export'> = async (ctx, input) => {
  const { openid } = requireCaller(ctx);
  let at = decodeCursor(input.cursor);
  if ((await loadJob(ctx, openid))?.state === 'running')
    throw accountError('FAILED_PRECONDITION', 'deletion_running');
  if (await loadUser(ctx, openid)) await requireTrustedAccount(ctx);
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + EXPORT_LINK_TTL_SECONDS * 1000).toISOString();

  const rows = new Map<string, Array<Record<string, unknown>>>();
  let budget = EXPORT_PAGE_ROWS;
  while (at.entry < EXPORTED.length && budget > 0) {
    const entry = EXPORTED[at.entry];
    const page: StoredDoc[] = await ctx.store.find<StoredDoc>(
      entry.collection,
      { [entry.ownerField]: openid, ...(at.after ? { _id: { $gt: at.after } } : {}) },
      { sort: [['_id', 'asc']], limit: budget },
    );
    for (const doc of page) {
      if (!holds(doc, entry.ownerField, openid) || earlierEntryHolds(at.entry, doc, openid))
        continue;
      const out = rows.get(entry.collection) ?? [];
      out.push(await present(ctx, entry, doc, openid, expiresAt));
      rows.set(entry.collection, out);
    }
    // A full page may have more behind it; a short one ends the entry.
    at =
      page.length === budget
        ? { entry: at.entry, after: page[page.length - 1]._id }
        : { entry: at.entry + 1, after: null };
    budget -= page.length;
  }
  return {
    exportedAt: now.toISOString(),
    linksExpireAt: expiresAt,
    collections: COLLECTIONS.map((c) => ({ ...c, rows: rows.get(c.collection) ?? [] })),
    next: at.entry < EXPORTED.length ? encodeCursor(at) : null,
  };
};
