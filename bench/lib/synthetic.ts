import { doctorKeywords, hospitalKeywords } from '../../backend/catalog/lexicon/keywords';
import { DOCTOR_TITLES, HOSPITAL_GRADES, SHANGHAI_DISTRICTS } from '../../contract/catalog';
import {
  type DoctorDoc,
  type HospitalDoc,
  doctorAt,
  gradeRankOf,
} from '../../backend/catalog/model';
import { SPECIALTIES } from '../../backend/catalog/seed/specialties';
import { seededRandom } from '../../backend/catalog/seed/synthetic-doctors';

/**
 * A deterministic synthetic catalog at benchmark scale: hospitals clustered around
 * Shanghai's district centres (denser downtown, as the real ones are), each with a fixed
 * number of clearly-fake doctors located at their hospital. Same seed, same catalog, so
 * the server child process can rebuild the identical data instead of reading it back.
 */

export interface Catalog {
  hospitals: HospitalDoc[];
  doctors: DoctorDoc[];
}

export type Rand = () => number;

/** Approximate WGS-84 centres; `spreadKm` is the standard deviation of the cluster. */
const DISTRICT_CENTRES: Record<
  (typeof SHANGHAI_DISTRICTS)[number],
  { lat: number; lng: number; spreadKm: number; weight: number }
> = {
  黄浦区: { lat: 31.2317, lng: 121.4846, spreadKm: 1.5, weight: 5 },
  徐汇区: { lat: 31.1885, lng: 121.4365, spreadKm: 2.5, weight: 8 },
  长宁区: { lat: 31.2204, lng: 121.4241, spreadKm: 2.5, weight: 5 },
  静安区: { lat: 31.249, lng: 121.456, spreadKm: 2.5, weight: 7 },
  普陀区: { lat: 31.2495, lng: 121.3972, spreadKm: 3, weight: 6 },
  虹口区: { lat: 31.2646, lng: 121.505, spreadKm: 2, weight: 5 },
  杨浦区: { lat: 31.2595, lng: 121.526, spreadKm: 3, weight: 7 },
  闵行区: { lat: 31.1128, lng: 121.3817, spreadKm: 6, weight: 10 },
  宝山区: { lat: 31.4052, lng: 121.4895, spreadKm: 5, weight: 7 },
  嘉定区: { lat: 31.3755, lng: 121.2655, spreadKm: 6, weight: 5 },
  浦东新区: { lat: 31.2213, lng: 121.5447, spreadKm: 9, weight: 18 },
  金山区: { lat: 30.7419, lng: 121.3417, spreadKm: 6, weight: 2 },
  松江区: { lat: 31.0322, lng: 121.2276, spreadKm: 6, weight: 5 },
  青浦区: { lat: 31.1513, lng: 121.1241, spreadKm: 6, weight: 3 },
  奉贤区: { lat: 30.918, lng: 121.474, spreadKm: 6, weight: 3 },
  崇明区: { lat: 31.6227, lng: 121.3976, spreadKm: 8, weight: 2 },
};

const NAME_WORDS = [
  ...'仁爱 康宁 同济 瑞华 博爱 华美 长安 安泰 永康 泰和 福寿 济民 广慈 明德 建国 兴华 新华 光明 东方 春晖 和平 天佑 嘉禾 慈航 德济 仁和 协和 惠民 万康 颐和 普济 益寿 康泰 长青 瑞康 同仁 华康 正阳 锦绣 平安'.split(
    ' ',
  ),
];
const HOSPITAL_KINDS = [
  '医院',
  '人民医院',
  '中心医院',
  '中医医院',
  '中西医结合医院',
  '专科医院',
  '康复医院',
  '第一医院',
  '儿童医院',
  '口腔医院',
];
const ROADS = [
  '中山路',
  '人民路',
  '建国路',
  '淮海路',
  '南京路',
  '延安路',
  '长江路',
  '黄河路',
  '光明路',
  '复兴路',
];
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈',
];
const GIVEN = [...'明华伟芳敏静丽强磊军洋勇艳杰娟涛超秀霞平刚桂英文辉玲宁海波晨雪峰琳颖'];
export const DEPARTMENT_NAMES = Object.keys(SPECIALTIES);

const KM_PER_DEG_LAT = 111.32;

export function pick<T>(rand: Rand, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

/** `n` distinct items in random order (partial Fisher–Yates). */
function sample<T>(rand: Rand, list: readonly T[], n: number): T[] {
  const copy = [...list];
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

/** Standard normal deviate (Box–Muller) from the seeded generator. */
function gaussian(rand: Rand): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

const districts = Object.entries(DISTRICT_CENTRES);
const totalWeight = districts.reduce((s, [, d]) => s + d.weight, 0);

function pickDistrict(rand: Rand) {
  let r = rand() * totalWeight;
  for (const [name, d] of districts) {
    r -= d.weight;
    if (r <= 0) return { name, ...d };
  }
  const [name, d] = districts[districts.length - 1];
  return { name, ...d };
}

/** A point in a district's cluster, clamped to Shanghai's bounding box. */
export function pointNearDistrict(rand: Rand): { lat: number; lng: number; district: string } {
  const d = pickDistrict(rand);
  const lat = d.lat + (gaussian(rand) * d.spreadKm) / KM_PER_DEG_LAT;
  const lng =
    d.lng + (gaussian(rand) * d.spreadKm) / (KM_PER_DEG_LAT * Math.cos((d.lat * Math.PI) / 180));
  return {
    lat: Math.min(31.87, Math.max(30.68, lat)),
    lng: Math.min(121.97, Math.max(120.86, lng)),
    district: d.name,
  };
}

function gradeFor(rand: Rand): string | null {
  const r = rand();
  if (r < 0.1) return null;
  return HOSPITAL_GRADES[
    Math.min(
      HOSPITAL_GRADES.length - 1,
      Math.floor(((r - 0.1) / 0.9) ** 1.5 * HOSPITAL_GRADES.length),
    )
  ];
}

function hospitalName(
  rand: Rand,
  district: string,
  used: Set<string>,
): { name: string; shortName: string } {
  const short = district.replace(/新区$|区$/, '');
  for (;;) {
    const words = pick(rand, NAME_WORDS) + (rand() < 0.5 ? pick(rand, NAME_WORDS) : '');
    const name = `${rand() < 0.4 ? '上海市' : ''}${short}${words}${pick(rand, HOSPITAL_KINDS)}`;
    if (!used.has(name)) {
      used.add(name);
      return { name, shortName: `${short}${words}医院` };
    }
  }
}

function makeHospital(rand: Rand, index: number, used: Set<string>): HospitalDoc {
  const at = pointNearDistrict(rand);
  const { name, shortName } = hospitalName(rand, at.district, used);
  const grade = gradeFor(rand);
  const departments = sample(rand, DEPARTMENT_NAMES, 4 + Math.floor(rand() * 7));
  return {
    _id: `bh_${index.toString(36).padStart(5, '0')}`,
    name,
    shortName: rand() < 0.5 ? shortName : null,
    grade,
    gradeRank: gradeRankOf(grade),
    district: at.district,
    address: `上海市${at.district}${pick(rand, ROADS)}${1 + Math.floor(rand() * 999)}号`,
    phone: `021-${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
    location: { lat: at.lat, lng: at.lng },
    departments,
    departmentsText: departments.join(' '),
    // As seed/import index them, so the bench measures the index the app really has.
    keywords: hospitalKeywords({ name, shortName, departments }),
    doctorCount: 0,
    source: 'bench: synthetic',
    coordSource: 'bench: synthetic',
  };
}

function makeDoctor(rand: Rand, index: number, hospital: HospitalDoc): DoctorDoc {
  const department = pick(rand, hospital.departments);
  const title = pick(rand, DOCTOR_TITLES);
  const specialties = SPECIALTIES[department].filter(() => rand() < 0.6).slice(0, 3);
  const given = pick(rand, GIVEN) + (rand() < 0.6 ? pick(rand, GIVEN) : '');
  const doc = doctorAt(hospital, {
    _id: `bd_${index.toString(36).padStart(6, '0')}`,
    name: `示例·${pick(rand, SURNAMES)}${given}`,
    title,
    department,
    specialties,
    consultPrice: Math.floor(rand() * 100) * 100,
    rating: Math.round((4 + rand()) * 10) / 10,
    consultCount: Math.floor(rand() * 3000),
    synthetic: true,
    bio: `示例医生（基准测试数据）。${department}${title}。`,
  });
  return { ...doc, keywords: doctorKeywords(doc) };
}

/** `doctorsPerHospital` doctors at every hospital, so the totals are exact. */
export function buildCatalog(options: {
  hospitals: number;
  doctorsPerHospital: number;
  seed: number;
}): Catalog {
  const rand = seededRandom(options.seed);
  const used = new Set<string>();
  const hospitals: HospitalDoc[] = [];
  const doctors: DoctorDoc[] = [];
  for (let i = 0; i < options.hospitals; i++) {
    const hospital = makeHospital(rand, i, used);
    for (let k = 0; k < options.doctorsPerHospital; k++) {
      doctors.push(makeDoctor(rand, doctors.length, hospital));
    }
    hospital.doctorCount = options.doctorsPerHospital;
    hospitals.push(hospital);
  }
  return { hospitals, doctors };
}
