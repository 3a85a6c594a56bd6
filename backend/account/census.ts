import type { Filter, StoredDoc } from '../ports/document-store';
import type { PersonalDataEntry } from '../privacy/data-map';
import { holds, stringsAt } from './paths';
import type { Step } from './plan';
import { emptyCensus, type Unit, type UnitResult } from './types';

/**
 * Counting what an account holds (DEL: deletionPreview and the receipt). Rows are counted
 * per collection; where several entries of the map share a collection (consultUploads by
 * uploader and by patient) a row matching both is counted once, by inclusion–exclusion
 * over `count` queries. Files and forfeited orders need the rows themselves: they are read
 * a page at a time, and a row already counted under an earlier entry is skipped.
 */
const ownerFilter = (entries: PersonalDataEntry[], openid: string): Filter =>
  Object.fromEntries(entries.map((e) => [e.ownerField, openid]));

function subsets<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++)
    out.push(items.filter((_, i) => mask & (1 << i)));
  return out;
}

/** |A ∪ B ∪ …| from the counts of every intersection. */
function union(family: PersonalDataEntry[], counts: Map<string, number>): number {
  let total = 0;
  for (const s of subsets(family)) {
    const key = s.map((e) => e.ownerField).join('&');
    total += (s.length % 2 === 1 ? 1 : -1) * (counts.get(key) ?? 0);
  }
  return total;
}

export async function censusRows(
  u: Unit,
  step: Extract<Step, { kind: 'census-rows' }>,
): Promise<UnitResult | null> {
  const deletes = step.entries.filter((e) => e.onDelete === 'delete');
  const anonymises = step.entries.filter((e) => e.onDelete === 'anonymise');
  const queries = subsets(deletes);
  if (!u.meter.fits(queries.length + anonymises.length)) return null;
  const counts = new Map<string, number>();
  for (const s of queries) {
    const n = await u.ctx.store.count(step.collection, ownerFilter(s, u.openid));
    counts.set(s.map((e) => e.ownerField).join('&'), n);
  }
  const census = emptyCensus();
  census.rows.deleted = union(deletes, counts);
  for (const category of [
    'consultations',
    'messages',
    'appointments',
    'records',
    'patients',
  ] as const) {
    census.counts[category] = union(
      deletes.filter((e) => e.preview === category),
      counts,
    );
  }
  for (const e of anonymises)
    census.rows.anonymised += await u.ctx.store.count(step.collection, ownerFilter([e], u.openid));
  return { done: true, cursor: null, census };
}

export async function censusScan(
  u: Unit,
  step: Extract<Step, { kind: 'census-scan' }>,
  cursor: string | null,
): Promise<UnitResult | null> {
  if (!u.meter.fits(1)) return null;
  const { entry, earlier } = step;
  const page = u.meter.limits.scanPage;
  const docs = await u.ctx.store.find<StoredDoc>(
    entry.collection,
    { [entry.ownerField]: u.openid, ...(cursor ? { _id: { $gt: cursor } } : {}) },
    { sort: [['_id', 'asc']], limit: page },
  );
  const census = emptyCensus();
  for (const doc of docs) {
    if (earlier.some((e) => holds(doc, e.ownerField, u.openid))) continue;
    census.counts.files += (entry.fileKeyFields ?? []).flatMap((f) => stringsAt(doc, f)).length;
    if (entry.order?.refundable(doc)) census.counts.forfeitedOrders++;
  }
  const last = docs.length > 0 ? docs[docs.length - 1]._id : cursor;
  return { done: docs.length < page, cursor: last, census };
}
