import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCTORS, HOSPITALS } from '../../collections';
import type { DocumentStore } from '../../ports/document-store';
import { applyCatalog, hospitalDocFromRow } from '../import/apply';
import { parseHospitalCsv } from '../import/load';
import type { DoctorDoc, HospitalDoc } from '../model';
import { needsSearchTerms, refreshSearchTerms } from '../lexicon/refresh';
import { demoDepartments } from './departments';
import { syntheticDoctorsFor } from './synthetic-doctors';

/** The real Shanghai hospitals shipped with the repo (sources in the file's own column). */
export const BUNDLED_HOSPITALS_CSV = join(__dirname, 'shanghai-hospitals.csv');

export interface SeedResult {
  seeded: boolean;
  hospitals: number;
  doctors: number;
}

/**
 * The bundled hospitals, each with the departments its row lists followed by those typical
 * of its kind and grade (departments.ts), for the demo doctors. applyCatalog adds keywords.
 */
export function bundledHospitals(csvPath = BUNDLED_HOSPITALS_CSV): HospitalDoc[] {
  const parsed = parseHospitalCsv(readFileSync(csvPath, 'utf8'));
  if (parsed.problems.length > 0) {
    const first = parsed.problems[0];
    throw new Error(
      `bundled hospital data is invalid: ${first.where} ${first.field} ${first.message}`,
    );
  }
  return parsed.hospitals.map(({ row }) => {
    const doc = hospitalDocFromRow(row);
    const departments = demoDepartments(doc.name, doc.grade, doc.departments);
    return { ...doc, departments, departmentsText: departments.join(' ') };
  });
}

export async function seedCatalog(store: DocumentStore): Promise<SeedResult> {
  const hospitals = bundledHospitals();
  const doctors: DoctorDoc[] = hospitals.flatMap((h) => syntheticDoctorsFor(h));
  await applyCatalog(store, hospitals, doctors);
  return { seeded: true, hospitals: hospitals.length, doctors: doctors.length };
}

/** `npm start` calls this: seeds only an empty catalog, never overwrites an operator's data. */
export async function seedCatalogIfEmpty(store: DocumentStore): Promise<SeedResult> {
  const existing = await store.count(HOSPITALS.name);
  if (existing > 0) {
    // A catalog from before issue 17 gets its search terms (aliases, pinyin…) once.
    if (await needsSearchTerms(store)) await refreshSearchTerms(store);
    return { seeded: false, hospitals: existing, doctors: await store.count(DOCTORS.name) };
  }
  return seedCatalog(store);
}
