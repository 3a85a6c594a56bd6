import { haversineMeters } from '../../contract/geo';
import type { Department, HospitalSort } from '../../contract/catalog';
import { DEPARTMENTS, DOCTORS, HOSPITALS } from '../collections';
import type { Handler } from '../core/action';
import { notFound } from '../core/errors';
import type { DocumentStore, Filter, Sort } from '../ports/document-store';
import { namesOfDepartment } from './lexicon/departments';
import {
  type DepartmentDoc,
  type DoctorDoc,
  type HospitalDoc,
  toHospital,
  toHospitalSummary,
} from './model';
import { pageWindow, toPage } from './paging';

/** The most hospitals a department filter or distance order considers (the city has ~400). */
const MAX_CANDIDATES = 1000;
const FAR_METERS = 200_000;

const HOSPITAL_ORDER: Record<Exclude<HospitalSort, 'distance'>, Sort> = {
  grade: [
    ['gradeRank', 'asc'],
    ['name', 'asc'],
  ],
  name: [['name', 'asc']],
};

type Origin = { lat: number; lng: number } | null;

/** In memory, the same order as HOSPITAL_ORDER (names by code point, as the stores sort). */
function compareHospitals(sort: HospitalSort, origin: Origin) {
  const byName = (a: HospitalDoc, b: HospitalDoc) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  const away = (h: HospitalDoc) =>
    origin ? haversineMeters(origin.lat, origin.lng, h.location.lat, h.location.lng) : 0;
  if (sort === 'name') return byName;
  if (sort === 'distance')
    return (a: HospitalDoc, b: HospitalDoc) => away(a) - away(b) || byName(a, b);
  return (a: HospitalDoc, b: HospitalDoc) => a.gradeRank - b.gradeRank || byName(a, b);
}

/**
 * Hospitals with the department under any of its names. A department list is an array,
 * which the stores cannot filter on alike, so the text index narrows (departmentsText and
 * keywords hold every name of each department) and the exact test follows.
 */
async function withDepartment(
  store: DocumentStore,
  department: string,
  filter: Filter,
): Promise<HospitalDoc[]> {
  const names = new Set(namesOfDepartment(department));
  const found = await store.search<HospitalDoc>(HOSPITALS.name, {
    q: department,
    filter,
    limit: MAX_CANDIDATES,
  });
  return found.items.filter((h) => h.departments.some((d) => names.has(d)));
}

/** 全部医院: filter by district, grade, department; order by grade, name or distance. */
export const listHospitals: Handler<'catalog', 'listHospitals'> = async ({ store }, input) => {
  const filter: Filter = {};
  if (input.district) filter.district = input.district;
  if (input.grade) filter.grade = input.grade;
  const window = pageWindow(input);
  const sort = input.sort ?? 'grade';
  const origin: Origin =
    input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : null;

  if (input.department || (sort === 'distance' && origin)) {
    const candidates = input.department
      ? await withDepartment(store, input.department, filter)
      : (
          await store.near<HospitalDoc>(HOSPITALS.name, {
            lat: origin?.lat ?? 0,
            lng: origin?.lng ?? 0,
            maxDistanceMeters: FAR_METERS,
            limit: MAX_CANDIDATES,
            filter,
          })
        ).map((hit) => hit.doc);
    const ordered = [...candidates].sort(compareHospitals(sort, origin));
    const items = ordered.slice(window.skip, window.skip + window.pageSize);
    return toPage(items.map(toHospitalSummary), window, ordered.length);
  }
  const [docs, total] = await Promise.all([
    store.find<HospitalDoc>(HOSPITALS.name, filter, {
      sort: HOSPITAL_ORDER[sort === 'distance' ? 'grade' : sort],
      skip: window.skip,
      limit: window.pageSize,
    }),
    store.count(HOSPITALS.name, filter),
  ]);
  return toPage(docs.map(toHospitalSummary), window, total);
};

/** A hospital's departments in its own order, each with how many doctors it lists. */
async function departmentsOf(store: DocumentStore, hospital: HospitalDoc): Promise<Department[]> {
  const doctors = await store.find<DoctorDoc>(DOCTORS.name, { hospitalId: hospital._id });
  const counts = new Map<string, number>();
  for (const d of doctors) counts.set(d.department, (counts.get(d.department) ?? 0) + 1);
  const names = [...hospital.departments];
  for (const name of counts.keys()) if (!names.includes(name)) names.push(name);
  return names.map((name) => ({ name, doctorCount: counts.get(name) ?? 0 }));
}

export const getHospital: Handler<'catalog', 'getHospital'> = async ({ store }, { id }) => {
  const doc = await store.get<HospitalDoc>(HOSPITALS.name, id);
  if (!doc) throw notFound('医院');
  return { ...toHospital(doc), departmentList: await departmentsOf(store, doc) };
};

export const listDepartments: Handler<'catalog', 'listDepartments'> = async (
  { store },
  { hospitalId },
) => {
  if (hospitalId) {
    const doc = await store.get<HospitalDoc>(HOSPITALS.name, hospitalId);
    if (!doc) throw notFound('医院');
    return { items: await departmentsOf(store, doc) };
  }
  const docs = await store.find<DepartmentDoc>(
    DEPARTMENTS.name,
    {},
    {
      sort: [
        ['doctorCount', 'desc'],
        ['name', 'asc'],
      ],
    },
  );
  return { items: docs.map((d) => ({ name: d.name, doctorCount: d.doctorCount })) };
};
