/**
 * 视频咨询 (issue 14): the call's numbers, states and reasons as plain constants with no
 * zod, so the mini-program can use them without bundling the schemas (CAM, MIC, TPS).
 * contract/call.ts re-exports them.
 */

/** ringing → connected → ended; ringing → ended (declined, unanswered, cancelled). */
export const CALL_STATES = ['ringing', 'connected', 'ended'] as const;
export type CallState = (typeof CALL_STATES)[number];

/**
 * Why a call ended. unanswered = 未接通 (nobody answered within CALL_RING_SECONDS);
 * time_limit = CALL_LIMIT_MINUTES reached; consult_ended = the consult left 'active'.
 */
export const CALL_END_REASONS = [
  'hangup',
  'declined',
  'unanswered',
  'time_limit',
  'consult_ended',
] as const;
export type CallEndReason = (typeof CALL_END_REASONS)[number];

export const CALL_END_LABELS: Record<CallEndReason, string> = {
  hangup: '通话已结束',
  declined: '对方已拒绝',
  unanswered: '未接通',
  time_limit: '通话已达时长上限',
  consult_ended: '咨询已结束',
};

/** A call nobody answers within this ends as 未接通 and the caller is told. */
export const CALL_RING_SECONDS = 60;
/** Each call is limited (the consult's fee covers this much talk); calls may be repeated. */
export const CALL_LIMIT_MINUTES = 15;
/** Both sides see a warning this far into a call (two minutes left). */
export const CALL_WARN_MINUTES = 13;

/** Signalling sizes (bytes of UTF-8): an SDP of a 2-track call is 3–6 KB; a candidate ~200 B. */
export const SDP_MAX_BYTES = 16 * 1024;
export const ICE_CANDIDATE_MAX_BYTES = 1024;
/** Largest `call` request the local server accepts: one SDP plus the envelope. */
export const CALL_REQUEST_MAX_BYTES = 32 * 1024;
/** Signals one side may send in one call (an ICE restart re-offers; candidates are many). */
export const SIGNALS_PER_CALL_MAX = 400;

export const SIGNAL_KINDS = ['offer', 'answer', 'candidate'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/**
 * Consultation, not 诊疗 (《互联网诊疗管理办法》 forbids online 诊疗 for a first visit): shown
 * on the call screen and the consult page of a video consult.
 */
export const VIDEO_CONSULT_NOTICE =
  '视频咨询为健康咨询服务，不能替代线下就诊，不开具处方。通话全程不录音、不录像。';

/** The call page (its own subpackage); the SSE stream also carries `call` and `signal` events (contract/consult/events.ts). */
export const CALL_PAGE = 'subpackages/call/room/index';
export const callPage = (consultId: string, callId: string) =>
  `${CALL_PAGE}?consultId=${encodeURIComponent(consultId)}&callId=${encodeURIComponent(callId)}`;

/**
 * `error.details.reason` values the call function sends, with what the UI should do.
 * Login and device reasons come from the user function (every call action needs a trusted
 * account); NOT_FOUND for a call or consult that is not the caller's.
 */
export const CALL_ERROR_REASONS = {
  /** FAILED_PRECONDITION: the operator has not enabled video (VIDEO_ENABLED) → never show video. */
  video_disabled: '当前环境未开通视频咨询',
  /** FAILED_PRECONDITION: a call belongs to a video consult → the consult is 图文. */
  not_video_consult: '该咨询不是视频咨询',
  /** FAILED_PRECONDITION: calls only while the consult is active (details.status). */
  consult_not_active: '咨询未在进行中，无法发起视频通话',
  /** CONFLICT: the consult already has a call ringing or connected (details.callId) → join it. */
  call_in_progress: '该咨询已有进行中的通话',
  /** FAILED_PRECONDITION: the call is not in a state for this (details.state) → refresh with get. */
  wrong_call_state: '通话状态已变化，请刷新',
  /** PERMISSION_DENIED: only the side that was rung may accept or decline. */
  callee_only: '只有被呼叫方可以接听或拒绝',
  /** FAILED_PRECONDITION: signal is for WebRTC (local); on WeChat use credentials. */
  signal_unavailable: '当前环境的视频通话不使用该信令通道',
  /** FAILED_PRECONDITION: credentials are for TRTC (WeChat); locally use signal. */
  credentials_unavailable: '当前环境的视频通话无需进房凭证',
  /** RATE_LIMITED: too many signals in one call. */
  too_many_signals: '信令消息过多',
} as const;
export type CallErrorReason = keyof typeof CALL_ERROR_REASONS;

/**
 * Video hours: weekly windows in Shanghai time (UTC+8, no daylight saving), cut into
 * VIDEO_SLOT_MINUTES slots; a booking picks one slot at least VIDEO_BOOKING_LEAD_MINUTES
 * ahead and at most VIDEO_BOOKING_DAYS ahead.
 */
export const VIDEO_SLOT_MINUTES = 30;
export const VIDEO_BOOKING_DAYS = 14;
export const VIDEO_BOOKING_LEAD_MINUTES = 30;
export const VIDEO_HOURS_MAX = 21;
/** Shanghai's offset from UTC in minutes (China has no daylight saving time). */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
