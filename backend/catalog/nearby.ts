import { DEFAULT_NEARBY_RADIUS_METERS } from '../../contract/catalog';
import { SHANGHAI_CENTRE } from '../../contract/geo';
import { DOCTORS, HOSPITALS } from '../collections';
import type { Handler } from '../core/action';
import { type DoctorDoc, type HospitalDoc, toDoctorSummary, toHospitalSummary } from './model';

const DEFAULT_LIMIT = 20;
const DEFAULT_RECOMMEND_LIMIT = 10;
/** Recommendations look this far around the city centre. */
const RECOMMEND_RADIUS_METERS = 60_000;
/** So that the default list is not one hospital's staff. */
const RECOMMEND_DOCTORS_PER_HOSPITAL = 2;

/** LOC: with the user's location, nearest first, each with its distance. */
export const nearby: Handler<'catalog', 'nearby'> = async ({ store }, input) => {
  const query = {
    lat: input.lat,
    lng: input.lng,
    maxDistanceMeters: input.radiusMeters ?? DEFAULT_NEARBY_RADIUS_METERS,
    limit: input.limit ?? DEFAULT_LIMIT,
  };
  if (input.kind === 'hospital') {
    const hits = await store.near<HospitalDoc>(HOSPITALS.name, query);
    return {
      items: hits.map((h) => ({
        kind: 'hospital' as const,
        distanceMeters: Math.round(h.distanceMeters),
        hospital: toHospitalSummary(h.doc),
      })),
    };
  }
  const hits = await store.near<DoctorDoc>(DOCTORS.name, query);
  return {
    items: hits.map((h) => ({
      kind: 'doctor' as const,
      distanceMeters: Math.round(h.distanceMeters),
      doctor: toDoctorSummary(h.doc),
    })),
  };
};

/**
 * LOC: what everyone sees when location is denied or unknown — the same for every
 * user, so it reveals nothing. Hospitals by grade, then closeness to the city centre;
 * doctors by hospital grade, title and rating, at most two per hospital.
 */
export const recommend: Handler<'catalog', 'recommend'> = async ({ store }, input) => {
  const limit = input.limit ?? DEFAULT_RECOMMEND_LIMIT;
  const around = { ...SHANGHAI_CENTRE, maxDistanceMeters: RECOMMEND_RADIUS_METERS };
  if (input.kind === 'hospital') {
    const hits = await store.near<HospitalDoc>(HOSPITALS.name, {
      ...around,
      limit: Math.max(limit * 10, 100),
    });
    const ordered = [...hits].sort(
      (a, b) => a.doc.gradeRank - b.doc.gradeRank || a.distanceMeters - b.distanceMeters,
    );
    return {
      items: ordered
        .slice(0, limit)
        .map((h) => ({ kind: 'hospital' as const, hospital: toHospitalSummary(h.doc) })),
    };
  }
  const hits = await store.near<DoctorDoc>(DOCTORS.name, {
    ...around,
    limit: Math.max(limit * 40, 400),
  });
  const ordered = [...hits].sort(
    (a, b) =>
      a.doc.hospitalGradeRank - b.doc.hospitalGradeRank ||
      a.doc.titleRank - b.doc.titleRank ||
      b.doc.rating - a.doc.rating ||
      a.distanceMeters - b.distanceMeters,
  );
  const perHospital = new Map<string, number>();
  const picked: DoctorDoc[] = [];
  for (const { doc } of ordered) {
    const n = perHospital.get(doc.hospitalId) ?? 0;
    if (n >= RECOMMEND_DOCTORS_PER_HOSPITAL) continue;
    perHospital.set(doc.hospitalId, n + 1);
    picked.push(doc);
    if (picked.length === limit) break;
  }
  return {
    items: picked.map((doc) => ({ kind: 'doctor' as const, doctor: toDoctorSummary(doc) })),
  };
};
