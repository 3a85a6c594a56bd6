import type { IdType, Relation } from '../../contract/patients/items';
import { PATIENTS } from '../collections';
import type { Ctx } from '../core/context';
import type { Crypto } from '../ports/crypto';
import type { StoredDoc } from '../ports/document-store';
import { dayKey } from '../user/rate-limit';

/**
 * How a 就诊人 is stored. Name, ID number, phone and the health notes are AES-GCM bound to
 * the row and field (`patientContext`); the ID document is also kept as an HMAC of owner
 * and number (`documentHash`) so one account cannot add the same person twice.
 */
export interface PatientDoc extends StoredDoc {
  owner: string;
  slot: number;
  relation: Relation;
  idType: IdType;
  nameEnc: string;
  idNumberEnc: string | null;
  documentHash: string | null;
  birthDate: string;
  sex: 'male' | 'female';
  phoneEnc: string | null;
  allergiesEnc: string;
  chronicEnc: string;
  fromIdentity: boolean;
  /** PIPL art. 13/31: the holder's declaration for another person, with time and policy version. */
  declaration: { kind: 'agreed' | 'guardian'; at: string; policyVersion: string } | null;
  createdAt: string;
  updatedAt: string;
}

export type PatientField = 'nameEnc' | 'idNumberEnc' | 'phoneEnc' | 'allergiesEnc' | 'chronicEnc';

export const patientContext = (id: string, field: string) => `patients.${field}:${id}`;

/** The id of the owner's slot `slot`: unguessable (HMAC), and a taken slot is a duplicate id. */
export const slotId = (crypto: Crypto, owner: string, slot: number) =>
  `p${crypto.hmac('patient-slot', `${owner}\0${slot}`).slice(0, 24)}`;

export const documentHashOf = (crypto: Crypto, owner: string, idType: IdType, idNumber: string) =>
  crypto.hmac('patient-document', `${owner}\0${idType}\0${idNumber}`);

/** `2026-11-30` in China: the day birth dates and record dates are compared with. */
export function chinaToday(now: Date): string {
  const d = dayKey(now);
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

/** The caller's own 就诊人, or null (someone else's is the same as none). */
export async function loadOwnPatient(
  ctx: Ctx,
  owner: string,
  patientId: string,
): Promise<PatientDoc | null> {
  const doc = await ctx.store.get<PatientDoc>(PATIENTS.name, patientId);
  return doc && doc.owner === owner ? doc : null;
}
