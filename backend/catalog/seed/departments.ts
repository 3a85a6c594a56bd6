import { namesOfDepartment } from '../lexicon/departments';

/**
 * The demo department list of a bundled hospital: what a hospital of its kind and grade
 * typically has (names per 《医疗机构诊疗科目名录》 usage), after the departments its source
 * row lists. A children's hospital gets no 产科, a maternity hospital no 骨科; a 三级甲等
 * general hospital gets the full set (瑞金 has 心血管内科 and 儿科). The doctors in them are
 * generated and labelled demo (synthetic-doctors.ts); the list is not the hospital's own.
 */

/** Every general hospital, whatever its grade. */
const GENERAL_CORE = [
  '心血管内科',
  '呼吸内科',
  '消化内科',
  '内分泌科',
  '神经内科',
  '肾内科',
  '普外科',
  '骨科',
  '泌尿外科',
  '妇产科',
  '儿科',
  '眼科',
  '耳鼻咽喉科',
  '口腔科',
  '皮肤科',
  '中医科',
  '康复医学科',
  '急诊科',
];

/** What a tertiary (三级) general hospital adds. */
const TERTIARY_EXTRA = [
  '血液科',
  '风湿免疫科',
  '感染科',
  '神经外科',
  '胸外科',
  '心脏外科',
  '乳腺外科',
  '肿瘤科',
  '精神科',
  '生殖医学科',
];

/** Specialist hospitals, by what their name says they are; the first match wins. */
const SPECIALIST: Array<[RegExp, string[]]> = [
  [
    /儿童|儿科医院/,
    [
      '儿科',
      '小儿呼吸科',
      '小儿消化科',
      '小儿心血管科',
      '新生儿科',
      '小儿外科',
      '小儿骨科',
      '儿童保健科',
      '儿童眼科',
      '儿童口腔科',
    ],
  ],
  [/妇产|妇婴|妇幼/, ['妇科', '产科', '乳腺外科', '生殖医学科', '新生儿科', '儿童保健科']],
  [/眼耳鼻喉/, ['眼科', '耳鼻咽喉科', '头颈外科', '听力门诊']],
  [/肿瘤/, ['肿瘤科', '放疗科', '胸外科', '乳腺外科', '头颈外科', '妇科肿瘤科', '中医科']],
  [/胸科/, ['胸外科', '心血管内科', '心脏外科', '呼吸内科', '肿瘤科']],
  [/肺科/, ['呼吸内科', '胸外科', '结核科', '肿瘤科']],
  [/精神卫生/, ['精神科', '临床心理科', '儿童精神科', '老年精神科', '睡眠障碍科']],
  [/公共卫生临床/, ['感染科', '肝病科', '结核科', '呼吸内科']],
  [
    /中医|中西医结合|曙光|龙华|岳阳/,
    ['中医内科', '针灸科', '推拿科', '骨伤科', '中医妇科', '心血管内科', '消化内科', '肿瘤科'],
  ],
];

const isTertiary = (grade: string | null): boolean => grade?.startsWith('三级') ?? false;

/** What a hospital of this name and grade typically has. */
export function typicalDepartments(name: string, grade: string | null): string[] {
  const specialist = SPECIALIST.find(([pattern]) => pattern.test(name));
  if (specialist) return specialist[1];
  return isTertiary(grade) ? [...GENERAL_CORE, ...TERTIARY_EXTRA] : GENERAL_CORE;
}

/**
 * The row's own departments first (they come from its source), then the typical ones it
 * does not already have under another name (内分泌代谢科 listed → no second 内分泌科).
 */
export function demoDepartments(name: string, grade: string | null, listed: string[]): string[] {
  const known = new Set(listed.flatMap((d) => namesOfDepartment(d)));
  const added = typicalDepartments(name, grade).filter((d) => !known.has(d));
  return [...new Set([...listed, ...added])];
}
