import type { SearchHit, SearchKind } from '../../contract/catalog';
import { DOCTORS, HOSPITALS } from '../collections';
import type { Handler } from '../core/action';
import type { CollectionSpec, DocumentStore, StoredDoc } from '../ports/document-store';
import { guideFor } from './lexicon/symptoms';
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

/** 急症请拨打120 first when the symptom may be an emergency (lexicon/symptoms.ts sources). */
export function noticeFor(symptom: string, departments: readonly string[], emergency: boolean) {
  const where = departments.join('或');
  return emergency
    ? `急症请拨打120：${symptom}可能是急症，症状严重或突然发生时请立即拨打120或去最近的急诊，不要等待在线咨询。不紧急时可看${where}。`
    : `${symptom}一般可以看${where}。仅供选择科室参考，不能代替医生诊断。`;
}

/**
 * Search as patients type it: names, aliases (六院), department synonyms (心内) and pinyin
 * (ruijin, rjyy) all match through the `keywords` field indexed at seed/import time. A
 * symptom (胸痛) adds guidance; when the symptom word itself matches nothing, the results
 * are those of its first department, and the guidance says so.
 */
export const search: Handler<'catalog', 'search'> = async (ctx, input) => {
  const found = guideFor(input.q);
  const page = await ranked(ctx.store, input.q, input);
  if (!found) return { ...page, guidance: null };
  const { symptom, guide } = found;
  const guidance = {
    symptom,
    departments: [...guide.departments],
    emergency: guide.emergency,
    notice: noticeFor(symptom, guide.departments, guide.emergency),
    resultsFor: null as string | null,
  };
  if (page.total > 0) return { ...page, guidance };
  const instead = guide.departments[0];
  const fallback = await ranked(ctx.store, instead, input);
  return { ...fallback, guidance: { ...guidance, resultsFor: instead } };
};

async function ranked(
  store: DocumentStore,
  q: string,
  input: { kind?: SearchKind; page?: number; pageSize?: number },
) {
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
}
