import { EXPORT_LINK_TTL_SECONDS } from '../../contract/account';
import type { Handler } from '../core/action';
import { requireCaller } from '../core/auth';
import type { Ctx } from '../core/context';
import type { StoredDoc } from '../ports/document-store';
import { PERSONAL_DATA, type PersonalDataEntry } from '../privacy/data-map';
import { loadUser, requireTrustedAccount } from '../user/account';
import { portOf } from '../user/ports';
import { accountError } from './errors';
import { loadJob } from './job';
import { holds, slotsAt } from './paths';

/**
 * PIPL art. 45: a copy of everything the map says is the caller's, one JSON document.
 * Ciphertext fields are decrypted (`phoneEnc` → `phone`) — for the owner only, in this
 * answer only; file keys become links bound to the caller that expire after
 * EXPORT_LINK_TTL_SECONDS; fields naming another person (a doctor's openid) are null. Rows
 * that are mostly someone else's (a doctor's side of a patient's consult, notices about
 * another's consult) are not included.
 */
const PAGE = 500;

const defaultContext = (e: PersonalDataEntry, field: string, doc: StoredDoc) =>
  `${e.collection}.${field}:${String(doc[e.ownerField])}`;

async function rowsOf(ctx: Ctx, entry: PersonalDataEntry, openid: string): Promise<StoredDoc[]> {
  const out: StoredDoc[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: StoredDoc[] = await ctx.store.find<StoredDoc>(
      entry.collection,
      { [entry.ownerField]: openid, ...(cursor ? { _id: { $gt: cursor } } : {}) },
      { sort: [['_id', 'asc']], limit: PAGE },
    );
    out.push(...page);
    if (page.length < PAGE) return out;
    cursor = page[page.length - 1]._id;
  }
}

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

export const exportData: Handler<'account', 'export'> = async (ctx) => {
  const { openid } = requireCaller(ctx);
  if ((await loadJob(ctx, openid))?.state === 'running')
    throw accountError('FAILED_PRECONDITION', 'deletion_running');
  if (await loadUser(ctx, openid)) await requireTrustedAccount(ctx);
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + EXPORT_LINK_TTL_SECONDS * 1000).toISOString();
  const entries = PERSONAL_DATA.filter((e) => !e.parent && e.export !== false);
  const collections = [...new Set(entries.map((e) => e.collection))].map((collection) => ({
    collection,
    entries: entries.filter((e) => e.collection === collection),
  }));

  const out = [];
  for (const { collection, entries: group } of collections) {
    const seen = new Map<string, Record<string, unknown>>();
    for (const entry of group) {
      for (const doc of await rowsOf(ctx, entry, openid)) {
        // A row under two entries (uploaded by the caller, in the caller's consult) once.
        if (seen.has(doc._id) || !holds(doc, entry.ownerField, openid)) continue;
        seen.set(doc._id, await present(ctx, entry, doc, openid, expiresAt));
      }
    }
    out.push({
      collection,
      descriptions: group.map((e) => e.description),
      clauses: [...new Set(group.flatMap((e) => e.clauses))],
      rows: [...seen.values()],
    });
  }
  return { exportedAt: now.toISOString(), linksExpireAt: expiresAt, collections: out };
};
