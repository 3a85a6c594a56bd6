import type { SearchHit } from '../../contract/catalog';
import { DOCTORS, HOSPITALS } from '../collections';
import type { Handler } from '../core/action';
import type { CollectionSpec, DocumentStore, StoredDoc } from '../ports/document-store';
import { type DoctorDoc, type HospitalDoc, toDoctorSummary, toHospitalSummary } from './model';
import { pageWindow, toPage } from './paging';

/**
 * The port's ranking tier of one hit (CollectionSpec.text): 0 exact first field,
 * 1 prefix, 2 substring of the first field, 3 another field. Used to interleave
 * hospitals and doctors in the 全部 tab with the same rule each list was ranked by.
 */
export function matchTier(spec: CollectionSpec, doc: StoredDoc, q: string): number {
  const first = spec.text?.[0];
  const value = first ? doc[first] : undefined;
  if (typeof value !== 'string') return 3;
  const v = value.toLowerCase();
  const needle = q.toLowerCase();
  if (v === needle) return 0;
  if (v.startsWith(needle)) return 1;
  if (v.includes(needle)) return 2;
  return 3;
}

const hospitalHit = (doc: HospitalDoc): SearchHit => ({
  kind: 'hospital',
  hospital: toHospitalSummary(doc),
});
const doctorHit = (doc: DoctorDoc): SearchHit => ({ kind: 'doctor', doctor: toDoctorSummary(doc) });

async function searchOne<T extends StoredDoc>(
  store: DocumentStore,
  spec: CollectionSpec,
  q: string,
  skip: number,
  limit: number,
) {
  return store.search<T>(spec.name, { q, skip, limit });
}

export const search: Handler<'catalog', 'search'> = async ({ store }, input) => {
  const q = input.q;
  const window = pageWindow(input);
  const kind = input.kind ?? 'all';

  if (kind === 'hospital') {
    const r = await searchOne<HospitalDoc>(store, HOSPITALS, q, window.skip, window.pageSize);
    return toPage(r.items.map(hospitalHit), window, r.total);
  }
  if (kind === 'doctor') {
    const r = await searchOne<DoctorDoc>(store, DOCTORS, q, window.skip, window.pageSize);
    return toPage(r.items.map(doctorHit), window, r.total);
  }

  // 全部: the best of both lists up to the end of this page, merged by tier
  // (hospitals before doctors within a tier), then this page's slice.
  const need = window.skip + window.pageSize;
  const [hospitals, doctors] = await Promise.all([
    searchOne<HospitalDoc>(store, HOSPITALS, q, 0, need),
    searchOne<DoctorDoc>(store, DOCTORS, q, 0, need),
  ]);
  const ranked = [
    ...hospitals.items.map((doc, i) => ({
      tier: matchTier(HOSPITALS, doc, q),
      side: 0,
      i,
      hit: hospitalHit(doc),
    })),
    ...doctors.items.map((doc, i) => ({
      tier: matchTier(DOCTORS, doc, q),
      side: 1,
      i,
      hit: doctorHit(doc),
    })),
  ].sort((a, b) => a.tier - b.tier || a.side - b.side || a.i - b.i);
  const items = ranked.slice(window.skip, need).map((r) => r.hit);
  return toPage(items, window, hospitals.total + doctors.total);
};
