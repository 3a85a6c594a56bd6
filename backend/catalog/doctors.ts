import type { DoctorSort } from '../../contract/catalog';
import { DOCTORS, HOSPITALS } from '../collections';
import type { Handler } from '../core/action';
import { notFound } from '../core/errors';
import type { Filter, Sort } from '../ports/document-store';
import { namesOfDepartment } from './lexicon/departments';
import { type DoctorDoc, type HospitalDoc, toDoctorSummary } from './model';
import { pageWindow, toPage } from './paging';

/** Distance order reads at most this many nearest doctors (deeper pages come back empty). */
const MAX_BY_DISTANCE = 1000;
const FAR_METERS = 200_000;

const DOCTOR_ORDER: Record<Exclude<DoctorSort, 'distance'>, Sort> = {
  title: [
    ['titleRank', 'asc'],
    ['rating', 'desc'],
    ['name', 'asc'],
  ],
  rating: [
    ['rating', 'desc'],
    ['titleRank', 'asc'],
    ['name', 'asc'],
  ],
  price: [
    ['consultPrice', 'asc'],
    ['titleRank', 'asc'],
    ['name', 'asc'],
  ],
};

/** Doctor lists: filter by hospital, department (any of its names), title, district; sorted. */
export const listDoctors: Handler<'catalog', 'listDoctors'> = async ({ store }, input) => {
  const filter: Filter = {};
  if (input.hospitalId) filter.hospitalId = input.hospitalId;
  if (input.department) filter.department = { $in: [...namesOfDepartment(input.department)] };
  if (input.title) filter.title = input.title;
  if (input.district) filter.district = input.district;
  const window = pageWindow(input);
  const sort = input.sort ?? 'title';
  if (sort === 'distance' && input.lat !== undefined && input.lng !== undefined) {
    const need = Math.min(MAX_BY_DISTANCE, window.skip + window.pageSize);
    const [hits, total] = await Promise.all([
      store.near<DoctorDoc>(DOCTORS.name, {
        lat: input.lat,
        lng: input.lng,
        maxDistanceMeters: FAR_METERS,
        limit: need,
        filter,
      }),
      store.count(DOCTORS.name, filter),
    ]);
    const items = hits.slice(window.skip).map((h) => toDoctorSummary(h.doc));
    return toPage(items, window, total);
  }
  const [docs, total] = await Promise.all([
    store.find<DoctorDoc>(DOCTORS.name, filter, {
      sort: DOCTOR_ORDER[sort === 'distance' ? 'title' : sort],
      skip: window.skip,
      limit: window.pageSize,
    }),
    store.count(DOCTORS.name, filter),
  ]);
  return toPage(docs.map(toDoctorSummary), window, total);
};

export const getDoctor: Handler<'catalog', 'getDoctor'> = async ({ store, videoRooms }, { id }) => {
  const doc = await store.get<DoctorDoc>(DOCTORS.name, id);
  if (!doc) throw notFound('医生');
  const hospital = await store.get<HospitalDoc>(HOSPITALS.name, doc.hospitalId);
  return {
    ...toDoctorSummary(doc),
    bio: doc.bio,
    // With video off the app never mentions video (issue 14): no offer is shown.
    video: videoRooms ? (doc.video ?? null) : null,
    hospital: {
      id: doc.hospitalId,
      name: hospital?.name ?? doc.hospitalName,
      grade: hospital?.grade ?? null,
      district: hospital?.district ?? '',
      address: hospital?.address ?? '',
    },
  };
};
