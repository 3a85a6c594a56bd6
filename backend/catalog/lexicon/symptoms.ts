/**
 * Symptom → which department to see, for patients who search by what they feel (胸痛).
 * Guidance only: it never ranks doctors or diagnoses anything, and every answer says so.
 *
 * Sources:
 * - Which symptoms are emergencies (`emergency: true`, the 120 notice): the high-priority
 *   presentations of 《急诊预检分诊专家共识》(中华医学会急诊医学分会等, 中华急诊医学杂志
 *   2018;27(6):599-604) — chest pain, breathing difficulty, stroke signs, altered
 *   consciousness, seizures, major bleeding.
 * - Department names: 《医疗机构诊疗科目名录》(卫医发〔1994〕27号); the symptom → department
 *   pairs are the usual outpatient 导诊 routing, curated by the team. NOT reviewed by a
 *   clinician yet: have one review this table before production.
 */
export interface SymptomGuide {
  /** Words a patient types for it; the first is shown. */
  symptoms: readonly string[];
  /** Departments to consider, most usual first (catalog names). */
  departments: readonly string[];
  emergency: boolean;
}

export const SYMPTOM_GUIDES: readonly SymptomGuide[] = [
  {
    symptoms: ['胸痛', '胸口痛', '胸口疼', '胸闷', '心口痛'],
    departments: ['心血管内科', '急诊科'],
    emergency: true,
  },
  {
    symptoms: ['呼吸困难', '喘不上气', '气促', '憋气'],
    departments: ['呼吸内科', '急诊科'],
    emergency: true,
  },
  {
    symptoms: ['口角歪斜', '言语不清', '半身无力', '偏瘫', '中风'],
    departments: ['神经内科', '急诊科'],
    emergency: true,
  },
  {
    symptoms: ['昏迷', '意识不清', '晕厥', '昏倒'],
    departments: ['急诊科', '神经内科'],
    emergency: true,
  },
  { symptoms: ['抽搐', '惊厥'], departments: ['急诊科', '神经内科'], emergency: true },
  { symptoms: ['呕血', '吐血', '大出血'], departments: ['急诊科', '消化内科'], emergency: true },
  { symptoms: ['心慌', '心悸', '心跳快'], departments: ['心血管内科'], emergency: false },
  { symptoms: ['高血压', '血压高'], departments: ['心血管内科'], emergency: false },
  { symptoms: ['咳嗽', '咳痰', '哮喘'], departments: ['呼吸内科'], emergency: false },
  { symptoms: ['发热', '发烧'], departments: ['感染科', '呼吸内科', '儿科'], emergency: false },
  {
    symptoms: ['腹痛', '肚子痛', '胃痛', '胃疼'],
    departments: ['消化内科', '普外科'],
    emergency: false,
  },
  {
    symptoms: ['腹泻', '拉肚子', '便秘', '便血', '反酸'],
    departments: ['消化内科'],
    emergency: false,
  },
  { symptoms: ['头痛', '头疼', '头晕', '失眠'], departments: ['神经内科'], emergency: false },
  { symptoms: ['血糖高', '多饮多尿', '甲状腺'], departments: ['内分泌科'], emergency: false },
  {
    symptoms: ['腰痛', '腰疼', '颈椎痛', '关节痛', '骨折'],
    departments: ['骨科', '康复医学科'],
    emergency: false,
  },
  {
    symptoms: ['尿频', '尿急', '尿痛', '血尿'],
    departments: ['泌尿外科', '肾内科'],
    emergency: false,
  },
  { symptoms: ['皮疹', '瘙痒', '痘痘', '湿疹'], departments: ['皮肤科'], emergency: false },
  { symptoms: ['视力模糊', '眼睛痛', '眼睛红', '看不清'], departments: ['眼科'], emergency: false },
  {
    symptoms: ['耳鸣', '鼻塞', '嗓子疼', '咽痛', '流鼻血'],
    departments: ['耳鼻咽喉科'],
    emergency: false,
  },
  { symptoms: ['牙痛', '牙疼', '牙龈出血'], departments: ['口腔科'], emergency: false },
  { symptoms: ['月经不调', '痛经', '白带异常'], departments: ['妇科'], emergency: false },
  { symptoms: ['情绪低落', '焦虑', '抑郁'], departments: ['精神科'], emergency: false },
  { symptoms: ['乳房肿块', '乳房胀痛'], departments: ['乳腺外科'], emergency: false },
];

/** The guide whose symptom words appear in what the patient typed, if any. */
export function guideFor(q: string): { symptom: string; guide: SymptomGuide } | null {
  for (const guide of SYMPTOM_GUIDES) {
    const symptom = guide.symptoms.find((s) => q.includes(s));
    if (symptom) return { symptom, guide };
  }
  return null;
}

/** Symptom words that start with what the patient typed, for suggestions. */
export function symptomsTyped(typed: string, limit: number): string[] {
  const out: string[] = [];
  for (const guide of SYMPTOM_GUIDES)
    for (const s of guide.symptoms) if (s.startsWith(typed) && out.length < limit) out.push(s);
  return out;
}
