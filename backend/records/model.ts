import { createHash } from 'node:crypto';
import type { AttachmentType, RecordKind } from '../../contract/records/items';
import { MEDICAL_RECORDS } from '../collections';
import type { Ctx } from '../core/context';
import type { StoredDoc } from '../ports/document-store';

/**
 * How 个人病历 are stored (PIPL art. 28: health information). Department, diagnosis and
 * notes are AES-GCM bound to the record and field (`recordContext`); attachments are
 * encrypted files under the owner's file prefix (fileCryptoContext), as identity photos.
 * Every write is a compare-and-set on `version`.
 */
export interface AttachmentDoc {
  id: string;
  /** FileStore key (encrypted bytes). */
  key: string;
  contentType: AttachmentType;
  size: number;
  at: string;
}

export type RecordSource =
  { kind: 'manual' } | { kind: 'consult'; consultId: string; doctorName: string };

export interface RecordDoc extends StoredDoc {
  owner: string;
  patientId: string;
  kind: RecordKind;
  date: string;
  hospital: { id: string | null; name: string };
  departmentEnc: string | null;
  diagnosisEnc: string | null;
  notesEnc: string | null;
  attachments: AttachmentDoc[];
  source: RecordSource;
  /** `<date>#<createdAt>#<_id>`: newest first by date, then by entry. */
  sortKey: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type RecordTextField = 'departmentEnc' | 'diagnosisEnc' | 'notesEnc';

export interface ShareDoc extends StoredDoc {
  /** The patient's account (the records' owner). */
  owner: string;
  consultId: string;
  recordId: string;
  patientId: string;
  doctorId: string;
  sharedAt: string;
}

export interface AccessDoc extends StoredDoc {
  /** The patient's account: the log is theirs to read. */
  owner: string;
  recordId: string;
  consultId: string;
  doctorId: string;
  doctorName: string;
  what: 'record' | 'attachment';
  attachmentId: string | null;
  at: string;
  sortKey: string;
}

export const recordContext = (id: string, field: string) => `medicalRecords.${field}:${id}`;
export const sortKeyOf = (date: string, createdAt: string, id: string) =>
  `${date}#${createdAt}#${id}`;
export const shareIdOf = (consultId: string, recordId: string) => `s_${consultId}_${recordId}`;

/** The record a consult's summary becomes: one per consult, so writing it twice is a duplicate id. */
export const consultRecordId = (consultId: string) =>
  `r${createHash('sha256').update(`consult\0${consultId}`).digest('hex').slice(0, 24)}`;

/** The caller's own record, or null (someone else's is the same as none). */
export async function loadOwnRecord(
  ctx: Ctx,
  owner: string,
  recordId: string,
): Promise<RecordDoc | null> {
  const doc = await ctx.store.get<RecordDoc>(MEDICAL_RECORDS.name, recordId);
  return doc && doc.owner === owner ? doc : null;
}
