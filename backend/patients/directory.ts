import type { IdType } from '../../contract/patients/items';
import { checkIdNumber, maskName } from '../../contract/user/id-number';
import {
  bookingPersonKey,
  SELF_PATIENT_ID,
  createSelfPatientDirectory,
} from '../booking/self-patient';
import { IDENTITIES, PATIENTS } from '../collections';
import type { Crypto } from '../ports/crypto';
import type { DocumentStore } from '../ports/document-store';
import type { BookingPatient, PatientDirectory, PatientIdType } from '../ports/patient-directory';
import type { IdentityDoc } from '../user/identity-doc';
import { patientContext, type PatientDoc } from './model';

/** The patients function's document kinds in booking's words; `none` books on the guardian's. */
const BOOKING_ID_TYPE: Record<IdType, PatientIdType> = {
  id_card: 'resident_id',
  hkmt: 'hmt_permit',
  passport: 'passport',
  none: 'guardian',
};

/**
 * The real PatientDirectory over the `patients` collection (docs/booking.md "Where the 就诊人
 * come from"). Only facts leave it: never a name or number in clear. `self` (the stand-in's
 * id, still sent by older clients) means the account's 本人 就诊人, or — before one is
 * added — the verified identity as the stand-in read it, so nothing booked for `self` breaks.
 */
export function createPatientDirectory(deps: {
  store: DocumentStore;
  crypto: Crypto;
}): PatientDirectory {
  const { store, crypto } = deps;
  const selfFallback = createSelfPatientDirectory(deps);
  const text = (doc: PatientDoc, field: 'nameEnc' | 'idNumberEnc', enc: string) =>
    crypto.decrypt(enc, patientContext(doc._id, field));

  async function fromDoc(doc: PatientDoc, asId: string): Promise<BookingPatient> {
    const idType = BOOKING_ID_TYPE[doc.idType];
    const maskedName = maskName(text(doc, 'nameEnc', doc.nameEnc));
    if (doc.idNumberEnc === null) {
      // A child without a document (only allowed under NO_DOCUMENT_MAX_AGE): hospitals take
      // the guardian's, so the holder's verified identity is the document on file. No number
      // of the child's own exists, so the key is the 就诊人 row: rules follow this child.
      const guardian = await store.get<IdentityDoc>(IDENTITIES.name, doc.owner);
      return {
        patientId: asId,
        idType,
        hasValidDocument: guardian?.status === 'verified',
        birthDate: doc.birthDate,
        maskedName,
        identityKey: bookingPersonKey(crypto, 'guardian', doc._id),
      };
    }
    const number = text(doc, 'idNumberEnc', doc.idNumberEnc);
    return {
      patientId: asId,
      idType,
      // 居民身份证 carry a checksum; 港澳台/护照 numbers were validated in shape when added.
      hasValidDocument: doc.idType === 'id_card' ? checkIdNumber(number).ok : number.length > 0,
      birthDate: doc.birthDate,
      maskedName,
      // Same derivation as the stand-in's (idType resident_id for both) so a 本人 booked as
      // `self` before and by id now is one person to every guard.
      identityKey: bookingPersonKey(crypto, idType, number),
    };
  }

  return {
    async getForBooking(ownerId, patientId) {
      if (patientId === SELF_PATIENT_ID) {
        const own = await store.find<PatientDoc>(
          PATIENTS.name,
          { owner: ownerId, relation: '本人' },
          { limit: 1 },
        );
        return own[0]
          ? fromDoc(own[0], SELF_PATIENT_ID)
          : selfFallback.getForBooking(ownerId, patientId);
      }
      const doc = await store.get<PatientDoc>(PATIENTS.name, patientId);
      // Another account's 就诊人 is the same as none (no oracle for ids).
      return doc && doc.owner === ownerId ? fromDoc(doc, doc._id) : null;
    },
  };
}
