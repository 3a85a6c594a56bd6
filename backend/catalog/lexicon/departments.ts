/**
 * Department names as patients say them. Each group is one department under the names
 * hospitals and patients use for it (心内 / 心内科 / 心血管内科); a doctor or hospital in any
 * of them is indexed under all, so 心内 finds 心血管内科. The first name is the one the
 * suggestions offer. Standard names follow 《医疗机构诊疗科目名录》(卫医发〔1994〕27号) and
 * the common hospital usage in Shanghai; the short forms are everyday speech.
 */
export const DEPARTMENT_SYNONYMS: readonly (readonly string[])[] = [
  ['心血管内科', '心内科', '心内', '心脏内科', '心脏科', '心血管科'],
  ['消化内科', '消化科', '消化', '胃肠科', '肠胃科', '脾胃科'],
  ['呼吸内科', '呼吸科', '呼吸', '呼吸与危重症医学科'],
  ['内分泌科', '内分泌代谢科', '内分泌', '糖尿病科'],
  ['神经内科', '神内', '神经科'],
  ['肾内科', '肾脏内科', '肾病科'],
  ['血液科', '血液内科'],
  ['风湿免疫科', '风湿科', '免疫科'],
  ['感染科', '传染科', '感染病科'],
  ['普外科', '普通外科', '普外'],
  ['骨科', '骨外科'],
  ['神经外科', '神外', '脑外科'],
  ['泌尿外科', '泌尿科'],
  ['胸外科', '胸心外科'],
  ['心脏外科', '心外科', '心外'],
  ['乳腺外科', '乳腺科'],
  ['耳鼻咽喉科', '耳鼻喉科', '耳鼻喉', '五官科'],
  ['口腔科', '牙科', '口腔'],
  ['眼科', '眼病'],
  ['皮肤科', '皮肤性病科', '皮肤'],
  ['妇产科', '妇产'],
  ['妇科', '妇女病'],
  ['产科', '孕产'],
  ['儿科', '小儿科', '儿内科'],
  ['精神科', '精神心理科', '心理科', '医学心理科'],
  ['中医科', '中医', '中医内科'],
  ['急诊科', '急诊'],
  ['肿瘤科', '肿瘤内科'],
  ['康复医学科', '康复科', '康复'],
  ['生殖医学科', '生殖科', '不孕不育科'],
];

const GROUP_OF = new Map<string, readonly string[]>();
for (const group of DEPARTMENT_SYNONYMS) for (const name of group) GROUP_OF.set(name, group);

/** Every name of the department `name` (itself first when not curated). */
export function namesOfDepartment(name: string): readonly string[] {
  return GROUP_OF.get(name) ?? [name];
}

/**
 * Departments whose names start with what the patient typed ("心内" → 心血管内科), each as
 * its standard name; for suggestions as they type.
 */
export function departmentsTyped(typed: string, limit: number): string[] {
  const out: string[] = [];
  for (const group of DEPARTMENT_SYNONYMS) {
    if (group.some((n) => n.startsWith(typed))) out.push(group[0]);
    if (out.length >= limit) break;
  }
  return out;
}
