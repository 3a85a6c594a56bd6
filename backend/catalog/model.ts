import type { DoctorSummary, DoctorTitle, HospitalSummary, Hospital } from '../../contract/catalog';
import { DOCTOR_TITLES, HOSPITAL_GRADES } from '../../contract/catalog';
import type { VideoOffer } from '../../contract/consult/video';
import type { StoredDoc } from '../ports/document-store';

/** A hospital as stored. `location` is WGS-84. */
export interface HospitalDoc extends StoredDoc {
  name: string;
  shortName: string | null;
  grade: string | null;
  /** Lower is higher grade; ungraded last. Sorting and recommend use it. */
  gradeRank: number;
  district: string;
  address: string;
  phone: string | null;
  location: { lat: number; lng: number };
  departments: string[];
  departmentsText: string;
  /**
   * Aliases, department synonyms and pinyin, indexed for search (lexicon/keywords.ts).
   * Absent on documents stored before it existed; refreshSearchTerms fills it in.
   */
  keywords?: string;
  doctorCount: number;
  source: string | null;
  coordSource: string | null;
}

export interface DoctorDoc extends StoredDoc {
  name: string;
  title: DoctorTitle;
  titleRank: number;
  department: string;
  hospitalId: string;
  hospitalName: string;
  hospitalGradeRank: number;
  /** The hospital's district, so doctor lists filter by it without a join (absent on old rows). */
  district?: string;
  /** The hospital's location, so doctors can be found nearby without a join. */
  location: { lat: number; lng: number };
  specialties: string[];
  specialtiesText: string;
  /** As HospitalDoc.keywords, for the doctor. */
  keywords?: string;
  consultPrice: number;
  rating: number;
  consultCount: number;
  synthetic: boolean;
  bio: string;
  /** 视频咨询 price and weekly hours (consult setVideoOffer); absent or null = not offered. */
  video?: VideoOffer | null;
}

export interface DepartmentDoc extends StoredDoc {
  name: string;
  doctorCount: number;
}

/** What a doctor record says itself; doctorAt adds what follows from it and the hospital. */
export type DoctorOwnFields = Pick<
  DoctorDoc,
  | '_id'
  | 'name'
  | 'title'
  | 'department'
  | 'specialties'
  | 'consultPrice'
  | 'rating'
  | 'consultCount'
  | 'synthetic'
  | 'bio'
>;

/**
 * A doctor document at `hospital`: the hospital's id, name, grade and location are copied
 * in (search, nearby and recommend need no join), with the title's rank and the search text.
 * Keywords are added by applyCatalog (seed/import), so pinyin-pro stays out of the cloud
 * functions that only read doctors.
 */
export function doctorAt(hospital: HospitalDoc, own: DoctorOwnFields): DoctorDoc {
  return {
    ...own,
    titleRank: titleRankOf(own.title),
    hospitalId: hospital._id,
    hospitalName: hospital.name,
    hospitalGradeRank: hospital.gradeRank,
    district: hospital.district,
    location: { ...hospital.location },
    specialtiesText: own.specialties.join(' '),
  };
}

export const UNGRADED_RANK = HOSPITAL_GRADES.length;

export function gradeRankOf(grade: string | null): number {
  const i = grade ? (HOSPITAL_GRADES as readonly string[]).indexOf(grade) : -1;
  return i === -1 ? UNGRADED_RANK : i;
}

export function titleRankOf(title: DoctorTitle): number {
  return DOCTOR_TITLES.indexOf(title);
}

export function toHospitalSummary(doc: HospitalDoc): HospitalSummary {
  return {
    id: doc._id,
    name: doc.name,
    shortName: doc.shortName,
    grade: doc.grade,
    district: doc.district,
    address: doc.address,
    phone: doc.phone,
    location: { lat: doc.location.lat, lng: doc.location.lng, datum: 'WGS-84' },
    departments: doc.departments,
    doctorCount: doc.doctorCount,
  };
}

export function toHospital(doc: HospitalDoc): Hospital {
  return { ...toHospitalSummary(doc), source: doc.source, coordSource: doc.coordSource };
}

export function toDoctorSummary(doc: DoctorDoc): DoctorSummary {
  return {
    id: doc._id,
    name: doc.name,
    title: doc.title,
    department: doc.department,
    hospitalId: doc.hospitalId,
    hospitalName: doc.hospitalName,
    specialties: doc.specialties,
    consultPrice: doc.consultPrice,
    rating: doc.rating,
    consultCount: doc.consultCount,
    synthetic: doc.synthetic,
  };
}
