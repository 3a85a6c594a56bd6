import { DOCTORS, HOSPITALS } from '../collections';
import type { Handler } from '../core/action';
import { notFound } from '../core/errors';
import type { Filter } from '../ports/document-store';
import { type DoctorDoc, type HospitalDoc, toDoctorSummary } from './model';
import { pageWindow, toPage } from './paging';

export const listDoctors: Handler<'catalog', 'listDoctors'> = async ({ store }, input) => {
  const filter: Filter = {};
  if (input.hospitalId) filter.hospitalId = input.hospitalId;
  if (input.department) filter.department = input.department;
  if (input.title) filter.title = input.title;
  const window = pageWindow(input);
  const [docs, total] = await Promise.all([
    store.find<DoctorDoc>(DOCTORS.name, filter, {
      sort: [
        ['titleRank', 'asc'],
        ['rating', 'desc'],
        ['name', 'asc'],
      ],
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
