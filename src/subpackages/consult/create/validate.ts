import {
  DESCRIPTION_CHARS,
  PATIENT_AGE,
  PATIENT_NAME_MAX_CHARS,
} from '../../../../contract/consult/items';

export interface PatientForm {
  /** self: the account holder; patient: one of the account's 就诊人; other: typed here. */
  kind: 'self' | 'patient' | 'other';
  patientId?: string;
  name: string;
  sex: 'male' | 'female' | '';
  age: string;
}

export type Patient =
  | { kind: 'self' }
  | { kind: 'patient'; patientId: string }
  | { kind: 'other'; name: string; sex: 'male' | 'female'; age: number };

/** Characters as the server counts them (code points, after trimming). */
export const charCount = (s: string) => [...s.trim()].length;

export function descriptionError(text: string): string | null {
  const n = charCount(text);
  if (n < DESCRIPTION_CHARS.min) return `请至少填写 ${DESCRIPTION_CHARS.min} 个字的病情描述`;
  if (n > DESCRIPTION_CHARS.max) return `病情描述不能超过 ${DESCRIPTION_CHARS.max} 个字`;
  return null;
}

/** The 就诊人 as the create action takes it, or the first thing to fix. */
export function readPatient(form: PatientForm): { patient: Patient } | { error: string } {
  if (form.kind === 'self') return { patient: { kind: 'self' } };
  if (form.kind === 'patient') {
    return form.patientId
      ? { patient: { kind: 'patient', patientId: form.patientId } }
      : { error: '请选择就诊人' };
  }
  const name = form.name.trim();
  if (!name) return { error: '请填写就诊人姓名' };
  if ([...name].length > PATIENT_NAME_MAX_CHARS) {
    return { error: `姓名不能超过 ${PATIENT_NAME_MAX_CHARS} 个字` };
  }
  if (!form.sex) return { error: '请选择就诊人性别' };
  const age = Number(form.age);
  if (!/^\d{1,3}$/.test(form.age.trim()) || age < PATIENT_AGE.min || age > PATIENT_AGE.max) {
    return { error: '请填写正确的年龄' };
  }
  return { patient: { kind: 'other', name, sex: form.sex, age } };
}
