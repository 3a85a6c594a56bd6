import type { CallEndReason, CallState } from '../../contract/call/items';
import type { CallRecord } from '../../contract/call/views';
import type { ConsultRole } from '../../contract/consult/views';
import type { StoredDoc } from '../ports/document-store';

/**
 * How calls are stored: metadata only (CAM, MIC — nothing records audio or video). The
 * two participants' openids are copied from the consult at `start`, so every action checks
 * them without a join, and the personal data map can find a person's calls.
 */
export type CallEnder = ConsultRole | 'system';

export interface CallDoc extends StoredDoc {
  consultId: string;
  patientOpenid: string;
  doctorOpenid: string;
  /** Who rang. */
  caller: ConsultRole;
  state: CallState;
  startedAt: string;
  ringDeadlineAt: string;
  answeredAt: string | null;
  warnAt: string | null;
  limitAt: string | null;
  endedAt: string | null;
  endedBy: CallEnder | null;
  endReason: CallEndReason | null;
  durationSeconds: number;
  /** TRTC strRoomID (a string: numeric ids are other rooms). */
  roomId: string;
  /** Signals each side has relayed (WebRTC), for `seq` and the per-call limit (compare-and-set). */
  signalsByPatient: number;
  signalsByDoctor: number;
  /** When the sweep must look: the ring deadline, then the time limit; null once ended. */
  dueAt: string | null;
}

/** The consult's one live call: `_id` = consultId (a guard read and written by id only). */
export interface ActiveCallDoc extends StoredDoc {
  callId: string;
  patientOpenid: string;
  doctorOpenid: string;
  at: string;
}

export const openidOf = (call: CallDoc, role: ConsultRole) =>
  role === 'patient' ? call.patientOpenid : call.doctorOpenid;

export const calleeOf = (call: CallDoc): ConsultRole =>
  call.caller === 'patient' ? 'doctor' : 'patient';

/** The caller's side in a call, or null when it is not theirs. */
export function roleInCall(call: CallDoc, openid: string): ConsultRole | null {
  if (call.patientOpenid === openid) return 'patient';
  if (call.doctorOpenid === openid) return 'doctor';
  return null;
}

/** An ended call as the consult's timeline keeps it. */
export function toCallRecord(call: CallDoc): CallRecord | null {
  if (call.state !== 'ended' || !call.endedAt || !call.endedBy || !call.endReason) return null;
  return {
    callId: call._id,
    startedAt: call.startedAt,
    answeredAt: call.answeredAt,
    endedAt: call.endedAt,
    durationSeconds: call.durationSeconds,
    endedBy: call.endedBy,
    endReason: call.endReason,
  };
}

export const signalField = (role: ConsultRole) =>
  role === 'patient' ? ('signalsByPatient' as const) : ('signalsByDoctor' as const);

export const MINUTE_MS = 60_000;
