import { MAX_SUGGESTIONS, type Suggestion } from '../../contract/catalog';
import { DOCTORS, HOSPITALS } from '../collections';
import type { Handler } from '../core/action';
import { departmentsTyped } from './lexicon/departments';
import { symptomsTyped } from './lexicon/symptoms';
import type { DoctorDoc, HospitalDoc } from './model';

const DEFAULT_SUGGESTIONS = 8;

/**
 * Suggestions as the patient types: departments by any of their names (心内 → 心血管内科)
 * and symptoms first (short curated lists), then the best-ranked hospitals and doctors
 * from the same index search uses (aliases and pinyin included). Tapping a hospital or
 * doctor opens it; a department or symptom is searched.
 */
export const suggest: Handler<'catalog', 'suggest'> = async ({ store }, input) => {
  const limit = Math.min(input.limit ?? DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS);
  const q = input.q;
  const terms: Suggestion[] = [
    ...departmentsTyped(q, 3).map((text) => ({
      kind: 'department' as const,
      text,
      id: null,
      detail: '科室',
    })),
    ...symptomsTyped(q, 2).map((text) => ({
      kind: 'symptom' as const,
      text,
      id: null,
      detail: '症状：查看建议就诊科室',
    })),
  ];
  const room = Math.max(0, limit - terms.length);
  if (room === 0) return { items: terms.slice(0, limit) };
  const [hospitals, doctors] = await Promise.all([
    store.search<HospitalDoc>(HOSPITALS.name, { q, limit: Math.ceil(room / 2) }),
    store.search<DoctorDoc>(DOCTORS.name, { q, limit: room }),
  ]);
  const places: Suggestion[] = hospitals.items.map((h) => ({
    kind: 'hospital',
    text: h.name,
    id: h._id,
    detail: [h.district, h.grade].filter(Boolean).join(' · '),
  }));
  const people: Suggestion[] = doctors.items.map((d) => ({
    kind: 'doctor',
    text: d.name,
    id: d._id,
    detail: `${d.hospitalName} · ${d.department}`,
  }));
  return { items: [...terms, ...places, ...people].slice(0, limit) };
};
