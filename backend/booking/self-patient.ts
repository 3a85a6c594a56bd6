import { checkIdNumber, maskName } from '../../contract/user/id-number';
import { IDENTITIES } from '../collections';
import type { Crypto } from '../ports/crypto';
import type { DocumentStore } from '../ports/document-store';
import type { PatientDirectory } from '../ports/patient-directory';
import { identityContext, type IdentityDoc } from '../user/identity-doc';

/** The one 就诊人 every account has before the patients function exists: the account holder. */
export const SELF_PATIENT_ID = 'self';

/**
 * `self` as the account holder, with the identity they verified (IDV): the patients
 * directory's fallback (backend/patients/directory.ts) while the account has no 本人 就诊人.
 * Both make identityKey the same way (an HMAC of the document number) so rules follow the person.
 */
export function createSelfPatientDirectory(deps: {
  store: DocumentStore;
  crypto: Crypto;
}): PatientDirectory {
  return {
    async getForBooking(ownerId, patientId) {
      if (patientId !== SELF_PATIENT_ID) return null;
      const doc = await deps.store.get<IdentityDoc>(IDENTITIES.name, ownerId);
      if (!doc) return null;
      const idNumber = deps.crypto.decrypt(
        doc.idNumberEnc,
        identityContext(ownerId, 'idNumberEnc'),
      );
      const checked = checkIdNumber(idNumber);
      return {
        patientId,
        idType: 'resident_id',
        hasValidDocument: doc.status === 'verified' && checked.ok,
        birthDate: checked.ok ? checked.birthDate : '',
        maskedName: maskName(deps.crypto.decrypt(doc.nameEnc, identityContext(ownerId, 'nameEnc'))),
        identityKey: bookingPersonKey(deps.crypto, 'resident_id', idNumber),
      };
    },
  };
}

/** The person behind a document, the same whichever account booked them. */
export const bookingPersonKey = (crypto: Crypto, idType: string, number: string) =>
  crypto.hmac('booking-person', `${idType}\0${number}`).slice(0, 32);
