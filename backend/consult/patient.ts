import type { PatientInput } from '../../contract/consult/schemas';
import { GUARDIAN_AGE } from '../../contract/patients/items';
import type { Ctx } from '../core/context';
import { requireNeed } from '../core/requirements';
import { patientNotFound } from '../patients/errors';
import { loadOwnPatient } from '../patients/model';
import { patientAge, patientText } from '../patients/view';
import { portOf } from '../user/ports';
import { contexts, type StoredPatient } from './model';

/**
 * Who a new consult is for, as the consult keeps it. A 就诊人 (patients function) must be
 * the caller's own — another account's id is NOT_FOUND like one that does not exist — and
 * is copied as it is now: name and allergies (encrypted to the consult), sex and age; never
 * the ID number (SEC: the doctor needs no document to answer).
 */
export async function storedPatient(
  ctx: Ctx,
  input: PatientInput,
  consultId: string,
  owner: string,
): Promise<StoredPatient> {
  const crypto = portOf(ctx, 'crypto');
  if (input.kind === 'self') return { kind: 'self' };
  if (input.kind === 'other')
    return {
      kind: 'other',
      nameEnc: crypto.encrypt(input.name, contexts.patientName(consultId)),
      sex: input.sex,
      age: input.age,
    };
  const patient = await loadOwnPatient(ctx, owner, input.patientId);
  if (!patient) throw patientNotFound();
  const age = patientAge(ctx, patient);
  // PIPL art. 31: the table's onlyWhen sees only the request, and a 就诊人 carries no age in
  // it — the stored birth date decides, with the same refusal dispatch gives for kind 'other'.
  if (age < GUARDIAN_AGE) await requireNeed(ctx, owner, 'guardian');
  const allergies = patientText(ctx, patient, 'allergiesEnc') ?? '';
  return {
    kind: 'patient',
    patientId: patient._id,
    nameEnc: crypto.encrypt(
      patientText(ctx, patient, 'nameEnc') ?? '',
      contexts.patientName(consultId),
    ),
    sex: patient.sex,
    age,
    allergiesEnc:
      allergies === '' ? null : crypto.encrypt(allergies, contexts.patientAllergies(consultId)),
  };
}
