import { ageOn, checkIdNumber } from '../../../../contract/user/id-number';
import { normalizePhone, phoneError } from '../../../../contract/user/rules';
import {
  GUARDIAN_AGE,
  HEALTH_NOTE_MAX_CHARS,
  NO_DOCUMENT_MAX_AGE,
  PATIENT_NAME_CHARS,
  type IdType,
  type Relation,
} from '../../../../contract/patients/items';
import type { AddPatientInput, UpdatePatientInput } from '../../../services/patients';
import { dateError } from '../dates';

export interface PatientFormState {
  relation: Relation | '';
  /** 本人 from the verified identity: no name or document typed. */
  useIdentity: boolean;
  name: string;
  idType: IdType;
  idNumber: string;
  birthDate: string;
  sex: 'male' | 'female' | '';
  phone: string;
  allergies: string;
  chronicConditions: string;
  /** The holder's tick: 已获得该就诊人同意, or the guardian's declaration for a child. */
  declared: boolean;
}

export const EMPTY_FORM: PatientFormState = {
  relation: '',
  useIdentity: false,
  name: '',
  idType: 'id_card',
  idNumber: '',
  birthDate: '',
  sex: '',
  phone: '',
  allergies: '',
  chronicConditions: '',
  declared: false,
};

export type FormErrors = Partial<Record<keyof PatientFormState, string>>;

const chars = (s: string) => [...s.trim()].length;
const OTHER_ID = /^[A-Z0-9]{5,20}$/;

/** The birth date the form implies: read from a 居民身份证, or as typed. */
export function birthDateOf(form: PatientFormState): string | null {
  if (form.idType === 'id_card') {
    const check = checkIdNumber(form.idNumber.trim().toUpperCase());
    return check.ok ? check.birthDate : null;
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(form.birthDate) ? form.birthDate : null;
}

/** Which declaration the 就诊人 needs (PIPL art. 13/31): none for 本人, guardian under 14. */
export function declarationKind(
  relation: Relation | '',
  birthDate: string | null,
  today: string,
): 'agreed' | 'guardian' | null {
  if (relation === '' || relation === '本人' || !birthDate) return null;
  return ageOn(birthDate, today) < GUARDIAN_AGE ? 'guardian' : 'agreed';
}

/** As patientNameSchema: names on Chinese IDs or passports (Han, Latin, spaces, ·). */
export function patientNameError(name: string): string | null {
  if (!name) return '请填写姓名';
  if (chars(name) > PATIENT_NAME_CHARS.max) return `姓名不能超过 ${PATIENT_NAME_CHARS.max} 个字`;
  if (!/^[\u3400-\u4dbf\u4e00-\u9fffA-Za-z·\-' ]+$/.test(name))
    return '姓名只能包含汉字、字母、空格和 ·';
  return null;
}

function noteError(value: string, label: string): string | null {
  return chars(value) > HEALTH_NOTE_MAX_CHARS
    ? `${label}不能超过 ${HEALTH_NOTE_MAX_CHARS} 个字`
    : null;
}

/** The add action's input, or what to fix first — checked as the server will. */
export function readAddForm(
  form: PatientFormState,
  today: string,
): { input: AddPatientInput } | { errors: FormErrors } {
  const errors: FormErrors = {};
  if (!form.relation) errors.relation = '请选择与本人的关系';
  const notes = {
    allergies: form.allergies.trim(),
    chronicConditions: form.chronicConditions.trim(),
  };
  const allergiesError = noteError(form.allergies, '过敏史');
  if (allergiesError) errors.allergies = allergiesError;
  const chronicError = noteError(form.chronicConditions, '慢性病');
  if (chronicError) errors.chronicConditions = chronicError;
  const phone = normalizePhone(form.phone.trim());
  if (phone && phoneError(phone)) errors.phone = phoneError(phone) ?? undefined;

  if (form.relation === '本人' && form.useIdentity) {
    if (Object.keys(errors).length) return { errors };
    return {
      input: { relation: '本人', fromIdentity: true, ...notes, ...(phone ? { phone } : {}) },
    };
  }
  const name = form.name.trim();
  const nameError = patientNameError(name);
  if (nameError) errors.name = nameError;

  let document: AddPatientInput['document'];
  const idNumber = form.idNumber.trim().toUpperCase();
  if (form.idType === 'id_card') {
    const check = checkIdNumber(idNumber);
    if (!check.ok) errors.idNumber = idNumber ? '身份证号码有误，请核对' : '请填写身份证号码';
    else document = { idType: 'id_card', idNumber };
  } else {
    const birth = dateError(form.birthDate, today, '出生日期');
    if (birth) errors.birthDate = birth;
    if (!form.sex) errors.sex = '请选择性别';
    if (form.idType !== 'none' && !OTHER_ID.test(idNumber))
      errors.idNumber = '证件号码为 5–20 位字母或数字';
    if (form.idType === 'none' && !birth && ageOn(form.birthDate, today) >= NO_DOCUMENT_MAX_AGE)
      errors.idType = '成年就诊人须提供证件';
    if (!birth && form.sex) {
      const common = { birthDate: form.birthDate, sex: form.sex };
      document =
        form.idType === 'none'
          ? { idType: 'none', ...common }
          : { idType: form.idType, idNumber, ...common };
    }
  }
  const kind = declarationKind(form.relation, birthDateOf(form), today);
  if (kind === 'guardian' && (form.relation === '父母' || form.relation === '配偶'))
    errors.relation = '未满十四周岁的就诊人只能以子女（或监护人声明）身份添加';
  if (kind && !form.declared)
    errors.declared = kind === 'guardian' ? '请确认您是该儿童的监护人' : '请确认已获得该就诊人同意';
  if (Object.keys(errors).length || !document || !form.relation) return { errors };
  return {
    input: {
      relation: form.relation,
      name,
      document,
      ...notes,
      ...(phone ? { phone } : {}),
      ...(kind ? { declaration: { [kind]: true } } : {}),
    },
  };
}

/** An edit's input: what changed (name and phone only when typed anew), or what to fix. */
export function readUpdateForm(
  form: PatientFormState,
  original: { id: string; birthDate: string; relation: Relation; declarationKind: string | null },
  today: string,
): { input: UpdatePatientInput } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const name = form.name.trim();
  if (name) {
    const nameError = patientNameError(name);
    if (nameError) errors.name = nameError;
  }
  const phone = normalizePhone(form.phone.trim());
  if (phone && phoneError(phone)) errors.phone = phoneError(phone) ?? undefined;
  const allergiesError = noteError(form.allergies, '过敏史');
  if (allergiesError) errors.allergies = allergiesError;
  const chronicError = noteError(form.chronicConditions, '慢性病');
  if (chronicError) errors.chronicConditions = chronicError;
  const relation = form.relation || original.relation;
  const kind = declarationKind(relation, original.birthDate, today);
  const needsTick = kind !== null && kind !== original.declarationKind;
  if (needsTick && !form.declared)
    errors.declared = kind === 'guardian' ? '请确认您是该儿童的监护人' : '请确认已获得该就诊人同意';
  if (Object.keys(errors).length) return { errors };
  return {
    input: {
      patientId: original.id,
      relation,
      allergies: form.allergies.trim(),
      chronicConditions: form.chronicConditions.trim(),
      ...(name ? { name } : {}),
      ...(phone ? { phone } : {}),
      ...(kind && form.declared ? { declaration: { [kind]: true } } : {}),
    },
  };
}
