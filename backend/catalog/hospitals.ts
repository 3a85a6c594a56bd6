import type { Department } from '../../contract/catalog';
import { DEPARTMENTS, DOCTORS, HOSPITALS } from '../collections';
import type { Handler } from '../core/action';
import { notFound } from '../core/errors';
import type { DocumentStore, Filter } from '../ports/document-store';
import {
  type DepartmentDoc,
  type DoctorDoc,
  type HospitalDoc,
  toHospital,
  toHospitalSummary,
} from './model';
import { pageWindow, toPage } from './paging';

export const listHospitals: Handler<'catalog', 'listHospitals'> = async ({ store }, input) => {
  const filter: Filter = {};
  if (input.district) filter.district = input.district;
  if (input.grade) filter.grade = input.grade;
  const window = pageWindow(input);
  const [docs, total] = await Promise.all([
    store.find<HospitalDoc>(HOSPITALS.name, filter, {
      sort: [
        ['gradeRank', 'asc'],
        ['name', 'asc'],
      ],
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
