import { gcj02ToWgs84 } from '../../../contract/geo';
import { DEPARTMENTS, DOCTORS, HOSPITALS } from '../../collections';
import type { DocumentStore } from '../../ports/document-store';
import { departmentIdOf, doctorIdOf, hospitalIdOf } from '../ids';
import {
  type DepartmentDoc,
  type DoctorDoc,
  doctorAt,
  gradeRankOf,
  type HospitalDoc,
} from '../model';
import { doctorKeywords, hospitalKeywords } from '../lexicon/keywords';
import type { DoctorRow, HospitalRow } from './rows';

/** A valid hospital row as stored: WGS-84 coordinates whatever the file used. */
export function hospitalDocFromRow(row: HospitalRow): HospitalDoc {
  const location =
    row.coord_system === 'GCJ-02' ? gcj02ToWgs84(row.lat, row.lng) : { lat: row.lat, lng: row.lng };
  return {
    _id: hospitalIdOf(row.name),
    name: row.name,
    shortName: row.short_name,
    grade: row.grade,
    gradeRank: gradeRankOf(row.grade),
    district: row.district,
    address: row.address,
    phone: row.phone,
    location,
    departments: row.departments,
    departmentsText: row.departments.join(' '),
    doctorCount: 0,
    source: row.source,
    coordSource: row.coord_source,
  };
}

export function doctorDocFromRow(row: DoctorRow, hospital: HospitalDoc): DoctorDoc {
  // A real doctor's specialties come from the operator's row only: none invented.
  const specialties = row.specialties;
  return doctorAt(hospital, {
    _id: doctorIdOf(hospital._id, row.department, row.name),
    name: row.name,
    title: row.title,
    department: row.department,
    specialties,
    consultPrice: row.consultPrice,
    rating: row.rating,
    consultCount: 0,
    synthetic: false,
    bio: row.bio,
  });
}

async function upsert(
  store: DocumentStore,
  collection: string,
  doc: { _id: string },
): Promise<void> {
  const { _id, ...fields } = doc;
  const updated = await store.update(collection, _id, { set: fields });
  if (!updated) await store.insert(collection, doc);
}

/**
 * Writes hospitals and doctors (insert or replace by stable id) in one transaction, then
 * recounts each touched hospital's doctors and rebuilds the department list. The counts come
 * after the commit: they are queries, which CloudBase refuses inside a transaction, and they
 * are derived from the stored doctors, so recomputing them again is always safe.
 */
export async function applyCatalog(
  store: DocumentStore,
  hospitals: HospitalDoc[],
  doctors: DoctorDoc[],
): Promise<void> {
  // The search terms (aliases, synonyms, pinyin) are computed here, once per write.
  const indexedHospitals: HospitalDoc[] = hospitals.map((h) => ({
    ...h,
    keywords: hospitalKeywords(h),
  }));
  const indexedDoctors: DoctorDoc[] = doctors.map((d) => ({ ...d, keywords: doctorKeywords(d) }));
  await store.transaction(async (tx) => {
    for (const h of indexedHospitals) await upsert(tx, HOSPITALS.name, h);
    for (const d of indexedDoctors) await upsert(tx, DOCTORS.name, d);
  });
  const touched = new Set([...hospitals.map((h) => h._id), ...doctors.map((d) => d.hospitalId)]);
  for (const id of touched) {
    await store.update(HOSPITALS.name, id, {
      set: { doctorCount: await store.count(DOCTORS.name, { hospitalId: id }) },
    });
  }
  await rebuildDepartments(store);
}

/** Department names with doctor counts, for listDepartments without scanning doctors. */
export async function rebuildDepartments(store: DocumentStore): Promise<void> {
  const counts = new Map<string, number>();
  const pageSize = 1000;
  for (let skip = 0; ; skip += pageSize) {
    const page = await store.find<DoctorDoc>(
      DOCTORS.name,
      {},
      { sort: [['name', 'asc']], skip, limit: pageSize },
    );
    for (const d of page) counts.set(d.department, (counts.get(d.department) ?? 0) + 1);
    if (page.length < pageSize) break;
  }
  await store.removeWhere(DEPARTMENTS.name, {});
  const docs: DepartmentDoc[] = [...counts].map(([name, doctorCount]) => ({
    _id: departmentIdOf(name),
    name,
    doctorCount,
  }));
  if (docs.length > 0) await store.insertMany(DEPARTMENTS.name, docs);
}
