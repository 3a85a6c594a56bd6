import type { Period } from '../../contract/booking/items';
import type { DocumentStore } from './document-store';

/**
 * HospitalBooking: where a hospital's registration slots live (docs/ARCHITECTURE.md "The
 * second wave"). A registration is only real if the hospital knows it. Adapters:
 *  - platform (backend/adapters/booking/platform.ts): slots kept in our store, for doctors
 *    who run an online clinic here, and the demo catalogue (generated, clearly labelled);
 *  - his (backend/adapters/booking/his-http.ts): a hospital's HIS or the city platform over
 *    the HTTP contract in docs/his-contract.md.
 * A hospital with neither configured takes no bookings.
 */
export interface SlotRecord {
  slotId: string;
  doctorId: string;
  hospitalId: string;
  department: string;
  /** YYYY-MM-DD, Shanghai. */
  date: string;
  period: Period;
  feeFen: number;
  capacity: number;
  remaining: number;
  stopped: boolean;
}

export interface DoctorRef {
  doctorId: string;
  hospitalId: string;
  department: string;
}

export interface ClaimPatient {
  patientId: string;
  maskedName: string;
  idType: string;
}

export type TakeResult = 'taken' | 'full' | 'stopped' | 'deferred';

export interface SlotPlan {
  period: Period;
  open: boolean;
  capacity: number;
  feeFen: number;
}

export interface HospitalBooking {
  readonly kind: 'platform' | 'his';
  readonly demo: boolean;
  /** The doctor's slots on these dates; a period without a slot has no clinic. */
  slots(doctor: DoctorRef, dates: string[]): Promise<SlotRecord[]>;
  /** One slot of this doctor (its id says which: slotIdOf(doctor, date, period)), or null. */
  slot(doctor: DoctorRef, slotId: string): Promise<SlotRecord | null>;
  /**
   * Inside the booking transaction: the platform decrements `remaining` by a conditional
   * update (`remaining > 0`), so the place and the rule guards commit or fail together;
   * a remote adapter answers 'deferred' and takes the place with `claim` after the commit.
   */
  takeInTransaction(tx: DocumentStore, slot: SlotRecord): Promise<TakeResult>;
  /** Remote adapters: takes the place, idempotent by appointmentId. The platform answers 'taken'. */
  claim(appointmentId: string, slot: SlotRecord, patient: ClaimPatient): Promise<TakeResult>;
  /** Gives a place back inside the transaction that ends the appointment (platform); no-op remotely. */
  releaseInTransaction(tx: DocumentStore, slot: SlotRecord): Promise<void>;
  /** Remote adapters: gives the place back, idempotent. The platform: nothing (done in the transaction). */
  release(appointmentId: string, slot: SlotRecord): Promise<void>;
  /** Tells the hospital the patient arrived (remote); the platform records it with the appointment. */
  checkIn(appointmentId: string, slot: SlotRecord): Promise<void>;
  /** Doctor-side scheduling, where the schedule is ours (platform only). */
  setSlots?(doctor: DoctorRef, date: string, plans: SlotPlan[]): Promise<SlotRecord[]>;
  stop?(slotId: string): Promise<boolean>;
}
