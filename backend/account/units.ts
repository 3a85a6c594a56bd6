import { ORDER_ARCHIVE, RATE_COUNTERS, USERS } from '../collections';
import { DuplicateIdError, type Filter, type Patch, type StoredDoc } from '../ports/document-store';
import type { PersonalDataEntry } from '../privacy/data-map';
import { boundPhone, type UserDoc } from '../user/account';
import { ownerFilePrefix } from '../user/files';
import { portOf } from '../user/ports';
import { personalCounterIds } from '../user/rate-limit';
import { stringsAt } from './paths';
import type { Step } from './plan';
import type { Unit, UnitResult } from './types';

/**
 * The deletion steps' units of work. Each is idempotent — it acts on whatever still
 * matches, so repeating it after a crash does no harm — and checks the batch's budget
 * before every operation, stopping part-way when the budget is spent.
 */

type Outcome = 'finished' | 'more' | 'no-budget';

/** Removes files first, then the rows: a crash in between leaves rows that still name their files. */
async function deleteRows(u: Unit, entry: PersonalDataEntry, filter: Filter): Promise<Outcome> {
  const { store } = u.ctx;
  const limits = u.meter.limits;
  if (!entry.fileKeyFields?.length && !entry.order) {
    if (!u.meter.fits(1)) return 'no-budget';
    const n = await store.removeWhere(entry.collection, filter, limits.removeBatch);
    return n < limits.removeBatch ? 'finished' : 'more';
  }
  const limit = Math.min(limits.findBatch, u.meter.left() - 2);
  if (limit < 1) return 'no-budget';
  const docs = await store.find<StoredDoc>(entry.collection, filter, { limit });
  const files = portOf(u.ctx, 'files');
  const done: string[] = [];
  for (const doc of docs) {
    const keys = (entry.fileKeyFields ?? []).flatMap((f) => stringsAt(doc, f));
    const archive = entry.order?.archived(doc) === true;
    const cost = keys.length + (archive ? 1 : 0) + 1;
    // A row too big for any batch goes on its own rather than never.
    const never = done.length === 0 && cost > limits.maxOps - 4;
    if (!u.meter.fits(cost) && !never) break;
    for (const key of keys) await files.remove(key);
    if (archive && entry.order) await archiveOrder(u, doc, entry.order);
    done.push(doc._id);
  }
  if (done.length > 0) await store.removeWhere(entry.collection, { _id: { $in: done } });
  return done.length === docs.length && docs.length < limit ? 'finished' : 'more';
}

/** DEL 3: the order without its owner, refund forfeited; a repeat finds it archived already. */
async function archiveOrder(
  u: Unit,
  doc: StoredDoc,
  order: NonNullable<PersonalDataEntry['order']>,
): Promise<void> {
  const kept = Object.fromEntries(order.keep.filter((k) => k in doc).map((k) => [k, doc[k]]));
  try {
    await u.ctx.store.insert(ORDER_ARCHIVE.name, {
      _id: doc._id,
      ...kept,
      refundForfeited: order.refundable(doc),
      archivedAt: u.now.toISOString(),
    });
  } catch (err) {
    if (!(err instanceof DuplicateIdError)) throw err;
  }
}

/**
 * A kept row loses its owner link and the fields the map unlinks; a picture in it that is
 * the person's own file (removed with their prefix) is dropped too — its field set to
 * null — so the row names neither a dead file nor, through the key, its owner.
 */
function anonymisePatch(u: Unit, entry: PersonalDataEntry, doc: StoredDoc): Patch {
  const prefix = ownerFilePrefix(portOf(u.ctx, 'crypto'), u.openid);
  const set: Record<string, unknown> = { [entry.ownerField]: null };
  for (const path of [...(entry.fileKeyFields ?? []), ...(entry.linkFields ?? [])]) {
    if (stringsAt(doc, path).some((key) => key.startsWith(prefix))) set[path.split('.')[0]] = null;
  }
  return { set, ...(entry.anonymiseUnset?.length ? { unset: entry.anonymiseUnset } : {}) };
}

async function anonymiseRows(u: Unit, entry: PersonalDataEntry, filter: Filter): Promise<Outcome> {
  const limit = Math.min(u.meter.limits.findBatch, u.meter.left() - 1);
  if (limit < 1) return 'no-budget';
  const docs = await u.ctx.store.find<StoredDoc>(entry.collection, filter, { limit });
  let n = 0;
  for (const doc of docs) {
    if (!u.meter.fits(1)) break;
    await u.ctx.store.update(entry.collection, doc._id, anonymisePatch(u, entry, doc));
    n++;
  }
  return n === docs.length && docs.length < limit ? 'finished' : 'more';
}

const treat = (u: Unit, entry: PersonalDataEntry, filter: Filter) =>
  entry.onDelete === 'delete' ? deleteRows(u, entry, filter) : anonymiseRows(u, entry, filter);

export async function ownStep(
  u: Unit,
  step: Extract<Step, { kind: 'own' }>,
): Promise<UnitResult | null> {
  const outcome = await treat(u, step.entry, { [step.entry.ownerField]: u.openid });
  if (outcome === 'no-budget') return null;
  return { done: outcome === 'finished', cursor: null };
}

/**
 * Rows linked to the owner's parent rows, a page of parents at a time (by `_id`, so the
 * cursor is stable: the parents are removed only by a later step).
 */
export async function linkedStep(
  u: Unit,
  step: Extract<Step, { kind: 'linked' }>,
  cursor: string | null,
): Promise<UnitResult | null> {
  const { entry } = step;
  if (!u.meter.fits(2)) return null;
  const parents = await u.ctx.store.find<StoredDoc>(
    entry.parent.collection,
    { [entry.parent.ownerField]: u.openid, ...(cursor ? { _id: { $gt: cursor } } : {}) },
    { sort: [['_id', 'asc']], limit: u.meter.limits.parentPage },
  );
  if (parents.length === 0) return { done: true, cursor: null };
  const ids = parents.map((p) => p._id);
  for (;;) {
    const outcome = await treat(u, entry, { [entry.ownerField]: { $in: ids } });
    if (outcome === 'no-budget') return { done: false, cursor };
    if (outcome === 'finished') break;
  }
  return { done: parents.length < u.meter.limits.parentPage, cursor: ids[ids.length - 1] };
}

/** The account stops working at once: every protected action answers login_required. */
export async function signoutStep(u: Unit): Promise<UnitResult | null> {
  if (!u.meter.fits(1)) return null;
  await u.ctx.store.update(USERS.name, u.openid, {
    set: { loggedIn: false, updatedAt: u.now.toISOString() },
  });
  return { done: true, cursor: null };
}

/** Rate-limit rows keyed to the caller or the bound phone (read while the account still exists). */
export async function countersStep(u: Unit): Promise<UnitResult | null> {
  if (!u.meter.fits(2)) return null;
  const user = await u.ctx.store.get<UserDoc>(USERS.name, u.openid);
  const phone = user ? boundPhone(u.ctx, user) : null;
  const ids = personalCounterIds(portOf(u.ctx, 'crypto'), { openid: u.openid, phone }, u.now);
  await u.ctx.store.removeWhere(RATE_COUNTERS.name, { _id: { $in: ids } });
  return { done: true, cursor: null };
}

/** Files no row named (an avatar replaced while its removal failed, an upload never claimed). */
export async function filesStep(u: Unit): Promise<UnitResult | null> {
  if (!u.meter.fits(1)) return null;
  await portOf(u.ctx, 'files').removePrefix(ownerFilePrefix(portOf(u.ctx, 'crypto'), u.openid));
  return { done: true, cursor: null };
}

/** Counts every entry again; the cursor is the index reached. Anything left → restart. */
export async function verifyStep(
  u: Unit,
  step: Extract<Step, { kind: 'verify' }>,
  cursor: string | null,
): Promise<UnitResult | null> {
  let i = cursor ? Number(cursor) : 0;
  if (!u.meter.fits(1)) return null;
  while (i < step.entries.length && u.meter.fits(1)) {
    const e = step.entries[i];
    if ((await u.ctx.store.count(e.collection, { [e.ownerField]: u.openid })) > 0)
      return { done: false, cursor: null, restart: true };
    i++;
  }
  return { done: i >= step.entries.length, cursor: String(i) };
}
