import { HOSPITALS } from '../../collections';
import type { DocumentStore } from '../../ports/document-store';
import { hospitalIdOf } from '../ids';
import type { DoctorDoc, HospitalDoc } from '../model';
import { applyCatalog, doctorDocFromRow, hospitalDocFromRow } from './apply';
import {
  checkDuplicates,
  parseCatalogJson,
  parseHospitalCsv,
  type ParsedImport,
  type RowProblem,
} from './load';

export type ImportResult =
  { ok: true; hospitals: number; doctors: number } | { ok: false; problems: RowProblem[] };

export function parseImportFile(fileName: string, text: string): ParsedImport {
  return /\.json$/i.test(fileName) ? parseCatalogJson(text) : parseHospitalCsv(text);
}

/**
 * An operator's own catalog: every row validated first; any problem and nothing is
 * imported. Doctors name their hospital by full name, from this file or the catalog.
 */
export async function importCatalog(
  store: DocumentStore,
  parsed: ParsedImport,
): Promise<ImportResult> {
  const problems = [...parsed.problems, ...checkDuplicates(parsed)];
  const hospitals = parsed.hospitals.map(({ row }) => hospitalDocFromRow(row));
  const byName = new Map(hospitals.map((h) => [h.name, h]));
  const doctors: DoctorDoc[] = [];
  for (const { where, row } of parsed.doctors) {
    const hospital =
      byName.get(row.hospital) ??
      (await store.get<HospitalDoc>(HOSPITALS.name, hospitalIdOf(row.hospital)));
    if (!hospital) {
      problems.push({
        where,
        field: 'hospital',
        message: `找不到医院「${row.hospital}」（文件和现有数据中都没有）`,
      });
      continue;
    }
    doctors.push(doctorDocFromRow(row, hospital));
  }
  if (problems.length > 0) return { ok: false, problems };
  await applyCatalog(store, hospitals, doctors);
  return { ok: true, hospitals: hospitals.length, doctors: doctors.length };
}

export type { RowProblem, ParsedImport };
