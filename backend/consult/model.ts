import type { ImageType } from '../../contract/user/items';
import { createHash } from 'node:crypto';
import type { ConsultStatus } from '../../contract/consult/items';
import type { ConsultDoctor, ConsultRole } from '../../contract/consult/views';
import type { ConsultType } from '../../contract/consult/video';
import type { StoredDoc } from '../ports/document-store';

/**
 * How consultations are stored. The consult is also the payment order: its `_id` is the
 * `outTradeNo`. Free text (description, 就诊人 name, summary, message text, last-message
 * preview) is AES-GCM encrypted, bound to the consult/message id (`contexts` below).
 */
export type StoredPatient =
  | { kind: 'self' }
  | { kind: 'other'; nameEnc: string; sex: 'male' | 'female'; age: number }
  /** A 就诊人 as they were at creation (never the ID number); name and allergies encrypted. */
  | {
      kind: 'patient';
      patientId: string;
      nameEnc: string;
      sex: 'male' | 'female';
      age: number;
      allergiesEnc: string | null;
    };

export type RefundReason = 'cancelled' | 'timeout' | 'late_payment';
/** none: no refund; pending → sending → done | failed (failed and stale sending are retried). */
export type RefundStatus = 'none' | 'pending' | 'sending' | 'done' | 'failed';

export interface ConsultDoc extends StoredDoc {
  patientOpenid: string;
  doctorId: string;
  /** The account that accepted; null until then. */
  doctorOpenid: string | null;
  doctor: ConsultDoctor;
  status: ConsultStatus;
  /** 图文 or 视频 (absent on consults from before video: text). */
  type?: ConsultType;
  /** video: the booked slot's start. */
  scheduledAt?: string | null;
  /** Fen, from the catalog when created. */
  price: number;
  patient: StoredPatient;
  descriptionEnc: string;
  photos: Array<{ key: string; fileKey: string }>;
  createdAt: string;
  updatedAt: string;
  /** `<updatedAt>#<_id>`: lists sort and page by it. */
  sortKey: string;
  paidAt: string | null;
  /** `<waitingSince>#<_id>` while waiting (the queue's order), else null. */
  queueKey: string | null;
  /** While waiting: when the sweep gives up on it. */
  deadlineAt: string | null;
  acceptedAt: string | null;
  endedAt: string | null;
  summaryEnc: string | null;
  cancelReason: 'patient' | 'unpaid' | 'timeout' | null;
  payment: { provider: string; startedAt: string; transactionId: string | null } | null;
  refund: {
    reason: RefundReason;
    amount: number;
    requestedAt: string;
    doneAt: string | null;
    attempts: number;
    lastError: string | null;
  } | null;
  refundStatus: RefundStatus;
  refundClaimedAt: string | null;
  /** The newest message's sequence number (0 = none): sendMessage increments it. */
  seq: number;
  last: { sender: ConsultRole; kind: 'text' | 'image'; textEnc: string | null; at: string } | null;
  /** Messages sent by each side, and how many of the other side's each has fetched. */
  counts: Record<ConsultRole, number>;
  seen: Record<ConsultRole, number>;
}

export interface MessageDoc extends StoredDoc {
  consultId: string;
  seq: number;
  sender: ConsultRole;
  patientOpenid: string;
  doctorOpenid: string;
  clientMsgId: string;
  /** HMAC of what was sent, so a reused clientMsgId with other content is told apart. */
  bodyHash: string;
  kind: 'text' | 'image';
  textEnc: string | null;
  image: { key: string; fileKey: string } | null;
  links: Array<{ start: number; end: number; safe: boolean }>;
  risky: boolean;
  at: string;
}

export interface UploadDoc extends StoredDoc {
  owner: string;
  /** FileStore key, under the uploader's prefix. */
  key: string;
  /** The picture's type as its bytes showed (the stored file is encrypted, SEC). */
  contentType: ImageType;
  size: number;
  at: string;
  attached: boolean;
  consultId: string | null;
  patientOpenid: string | null;
}

export const contexts = {
  description: (consultId: string) => `consults.description:${consultId}`,
  patientName: (consultId: string) => `consults.patientName:${consultId}`,
  patientAllergies: (consultId: string) => `consults.patientAllergies:${consultId}`,
  summary: (consultId: string) => `consults.summary:${consultId}`,
  last: (consultId: string) => `consults.last:${consultId}`,
  message: (messageId: string) => `consultMessages.text:${messageId}`,
};

/** The message id is a function of who sent what id in which consult, so a resend finds it. */
export function messageIdOf(consultId: string, sender: ConsultRole, clientMsgId: string): string {
  return `m${createHash('sha256').update(`${consultId}\0${sender}\0${clientMsgId}`).digest('hex').slice(0, 31)}`;
}

export const sortKeyOf = (at: string, id: string) => `${at}#${id}`;
export const outRefundNoOf = (consultId: string) => `R${consultId}`;

export const otherRole = (role: ConsultRole): ConsultRole =>
  role === 'patient' ? 'doctor' : 'patient';

export const HOUR_MS = 3_600_000;
