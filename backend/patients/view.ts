import type { PatientView } from '../../contract/patients';
import { ageOn, maskIdNumber, maskName, maskPhone } from '../../contract/user/id-number';
import type { Ctx } from '../core/context';
import { portOf } from '../user/ports';
import { chinaToday, patientContext, type PatientDoc, type PatientField } from './model';

/** The plaintext of one encrypted field of a 就诊人 (server side only). */
export function patientText(ctx: Ctx, doc: PatientDoc, field: PatientField): string | null {
  const value = doc[field];
  return value === null
    ? null
    : portOf(ctx, 'crypto').decrypt(value, patientContext(doc._id, field));
}

export const patientAge = (ctx: Ctx, doc: PatientDoc) =>
  ageOn(doc.birthDate, chinaToday(ctx.clock.now()));

/** IDV/SEC: name, ID number and phone leave the server masked, even to their owner. */
export function toPatientView(ctx: Ctx, doc: PatientDoc): PatientView {
  const idNumber = patientText(ctx, doc, 'idNumberEnc');
  const phone = patientText(ctx, doc, 'phoneEnc');
  return {
    id: doc._id,
    relation: doc.relation,
    nameMasked: maskName(patientText(ctx, doc, 'nameEnc') ?? ''),
    idType: doc.idType,
    idNumberMasked: idNumber === null ? null : maskIdNumber(idNumber),
    birthDate: doc.birthDate,
    sex: doc.sex,
    age: patientAge(ctx, doc),
    phoneMasked: phone === null ? null : maskPhone(phone),
    allergies: patientText(ctx, doc, 'allergiesEnc') ?? '',
    chronicConditions: patientText(ctx, doc, 'chronicEnc') ?? '',
    fromIdentity: doc.fromIdentity,
    declaration: doc.declaration,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
