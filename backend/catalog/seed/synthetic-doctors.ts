import type { DoctorTitle } from '../../../contract/catalog';
import type { VideoOffer } from '../../../contract/consult/video';
import { doctorIdOf } from '../ids';
import { doctorAt, type DoctorDoc, type HospitalDoc } from '../model';
import { specialtiesOf } from './specialties';

/** mulberry32: a tiny seeded PRNG, so every seed run produces the same doctors. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈',
];
const GIVEN = [...'明华伟芳敏静丽强磊军洋勇艳杰娟涛超秀霞平刚桂英文辉玲宁海波晨雪峰琳颖'];

/** Price bands in fen (分) by title: senior doctors cost more; some juniors are free. */
const PRICE_BANDS: Record<DoctorTitle, [number, number]> = {
  主任医师: [5000, 12000],
  副主任医师: [3000, 6000],
  主治医师: [1000, 3000],
  住院医师: [0, 1000],
};

/** Share of demo doctors offering 视频咨询, and their video hours (every day, Shanghai time). */
const VIDEO_SHARE = 0.3;
const DEMO_VIDEO_HOURS = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  start: '08:00',
  end: '22:00',
}));

/**
 * Some demo doctors offer 视频咨询 (issue 14), so `npm start` can book and call one. Drawn
 * from a generator of its own, keyed by the doctor's id, so the rest of the demo catalog is
 * exactly what it was before video existed. The price is the text price plus half.
 */
export function demoVideoOffer(doctorId: string, consultPrice: number): VideoOffer | null {
  if (seededRandom(seedOf(`${doctorId}#video`))() >= VIDEO_SHARE) return null;
  return { price: Math.round((consultPrice * 1.5) / 100) * 100, hours: DEMO_VIDEO_HOURS };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function titleFor(rand: () => number): DoctorTitle {
  const r = rand();
  return r < 0.25 ? '主任医师' : r < 0.55 ? '副主任医师' : r < 0.85 ? '主治医师' : '住院医师';
}

/**
 * Clearly synthetic doctors for a hospital: names carry the 示例 prefix, the bio says so,
 * and `synthetic` is set so the UI shows a badge. Real doctors come only from an import.
 */
export function syntheticDoctorsFor(
  hospital: HospitalDoc,
  perDepartment: [number, number] = [1, 3],
): DoctorDoc[] {
  const rand = seededRandom(seedOf(hospital._id));
  const doctors: DoctorDoc[] = [];
  const used = new Set<string>();
  for (const department of hospital.departments) {
    const n = perDepartment[0] + Math.floor(rand() * (perDepartment[1] - perDepartment[0] + 1));
    for (let k = 0; k < n; k++) {
      let name = '';
      do {
        const given = pick(rand, GIVEN) + (rand() < 0.6 ? pick(rand, GIVEN) : '');
        name = `示例·${pick(rand, SURNAMES)}${given}`;
      } while (used.has(name));
      used.add(name);
      const title = titleFor(rand);
      const [lo, hi] = PRICE_BANDS[title];
      const consultPrice = Math.round((lo + rand() * (hi - lo)) / 100) * 100;
      const known = specialtiesOf(department);
      const specialties = known.filter(() => rand() < 0.75).slice(0, 3);
      if (specialties.length === 0 && known.length > 0) specialties.push(known[0]);
      const _id = doctorIdOf(hospital._id, department, name);
      doctors.push({
        ...doctorAt(hospital, {
          _id,
          name,
          title,
          department,
          specialties,
          consultPrice,
          rating: Math.round((4.2 + rand() * 0.8) * 10) / 10,
          consultCount: Math.floor(rand() * 3000),
          synthetic: true,
          bio: `示例医生（演示数据，非真实人物）。${department}${title}${specialties.length > 0 ? `，擅长${specialties.join('、')}` : ''}。`,
        }),
        video: demoVideoOffer(_id, consultPrice),
      });
    }
  }
  return doctors;
}
