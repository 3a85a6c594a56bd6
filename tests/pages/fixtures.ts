import type { Doctor, DoctorSummary, Hospital, HospitalSummary } from '../../contract/catalog';

export function hospital(over: Partial<HospitalSummary> = {}): HospitalSummary {
  return {
    id: 'h1',
    name: '复旦大学附属中山医院',
    shortName: '中山医院',
    grade: '三级甲等',
    district: '徐汇区',
    address: '枫林路180号',
    phone: '021-64041990',
    location: { lat: 31.2, lng: 121.45, datum: 'WGS-84' },
    departments: ['心内科', '消化科'],
    doctorCount: 2,
    ...over,
  };
}

/** A hospital as catalog.nearby lists it: `distanceMeters` away from the user's fix. */
export function nearbyHospital(distanceMeters: number, over: Partial<HospitalSummary> = {}) {
  return { kind: 'hospital' as const, distanceMeters, hospital: hospital(over) };
}

export function hospitalDetail(over: Partial<Hospital> = {}) {
  return {
    ...hospital(),
    source: '上海市卫健委公开名录',
    coordSource: null,
    departmentList: [
      { name: '心内科', doctorCount: 1 },
      { name: '消化科', doctorCount: 1 },
    ],
    ...over,
  };
}

export function doctor(over: Partial<DoctorSummary> = {}): DoctorSummary {
  return {
    id: 'd1',
    name: '王建国',
    title: '主任医师',
    department: '心内科',
    hospitalId: 'h1',
    hospitalName: '复旦大学附属中山医院',
    specialties: ['冠心病', '高血压'],
    consultPrice: 3000,
    rating: 4.8,
    consultCount: 1234,
    synthetic: false,
    ...over,
  };
}

export function doctorDetail(over: Partial<Doctor> = {}): Doctor {
  return {
    ...doctor(),
    bio: '从事心血管内科临床工作三十年。',
    video: null,
    hospital: {
      id: 'h1',
      name: '复旦大学附属中山医院',
      grade: '三级甲等',
      district: '徐汇区',
      address: '枫林路180号',
    },
    ...over,
  };
}

export function page<T>(items: T[], page = 1, hasMore = false) {
  return { items, page, pageSize: 20, total: items.length + (hasMore ? 20 : 0), hasMore };
}

/** The catalog behind the home page: a recommended hospital and doctor, one 全部医院 page. */
export const recommendHandlers = {
  recommend: (input: { kind: 'hospital' | 'doctor' }) =>
    input.kind === 'hospital'
      ? {
          items: [
            { kind: 'hospital' as const, hospital: hospital({ id: 'r1', name: '推荐医院甲' }) },
          ],
        }
      : { items: [{ kind: 'doctor' as const, doctor: doctor({ id: 'rd1', name: '推荐医生乙' }) }] },
  listHospitals: () => page([hospital({ id: 'all1', name: '名录医院一' })]),
};
