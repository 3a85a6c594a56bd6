/**
 * PatientDirectory: what booking needs to know about one 就诊人 (the `patients` function owns
 * them; docs/booking.md "Where the 就诊人 come from"). Booking never sees an ID number: only
 * the kind of document, whether a valid one is on file (实名制预约), the birth date, a masked
 * name for the doctor's roster, and a stable key of the person (an HMAC of the document
 * number) so the no-show and one-per-doctor-per-day rules follow the person, not the account.
 */
export type PatientIdType = 'resident_id' | 'hmt_permit' | 'passport' | 'guardian';

export interface BookingPatient {
  patientId: string;
  /** `guardian`: a child without a document of their own, booked on the guardian's (hospitals accept it). */
  idType: PatientIdType;
  /** A valid document (own, or the guardian's for a child) is on file and not expired. */
  hasValidDocument: boolean;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** e.g. 张*三: the only form of the name booking stores. */
  maskedName: string;
  /** Same person → same key, whichever account added them; never reversible. */
  identityKey: string;
}

export interface PatientDirectory {
  /** The 就诊人 `patientId` of account `ownerId`, or null when there is none (or not theirs). */
  getForBooking(ownerId: string, patientId: string): Promise<BookingPatient | null>;
}
