/**
 * 个人病历: numbers, labels and reason codes as plain constants with no zod, so the
 * mini-program can use them without the schemas. contract/records.ts re-exports them.
 */

export const RECORD_KINDS = ['门诊记录', '检查报告', '处方', '住院记录', '其他'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const MAX_RECORD_ATTACHMENTS = 9;
/** Per file: a photo or a PDF of up to 2 MB (a CloudBase call carries it as base64). */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const RECORD_TEXT = {
  hospital: 50,
  department: 30,
  diagnosis: 200,
  notes: 2000,
} as const;

export const RECORDS_PAGE = { default: 20, max: 50 } as const;
export const ACCESS_LOG_PAGE = { default: 20, max: 50 } as const;
/** Records one share call may attach to a consult. */
export const MAX_SHARE_RECORDS = 9;

/**
 * A consult's doctor sees the records shared with it while the consult is open and for
 * this many hours after it closes (a default the operator may change: docs/FACTS.md).
 */
export const SHARE_HOURS_AFTER_CLOSE = 72;

/** Largest `records` request the local server accepts: one 2 MB file as base64, plus room. */
export const RECORDS_REQUEST_MAX_BYTES = 3 * 1024 * 1024;

/** `error.details.reason` values of the records function, with what the UI should do. */
export const RECORD_ERROR_REASONS = {
  /** FAILED_PRECONDITION: the record has MAX_RECORD_ATTACHMENTS files → remove one first. */
  attachment_limit: `每条病历最多 ${MAX_RECORD_ATTACHMENTS} 个附件`,
  /** INVALID_ARGUMENT on data.date: after today. */
  date_in_future: '日期不能晚于今天',
  /** INVALID_ARGUMENT on data.hospital.id: not a hospital of the catalog. */
  hospital_unknown: '医院不存在，请重新选择或直接填写医院名称',
  /** INVALID_ARGUMENT on data.recordIds: a record that is not of the consult's 就诊人. */
  record_not_of_patient: '只能分享本次咨询就诊人的病历',
  /** FAILED_PRECONDITION: the consult has ended; records can no longer be shared with it. */
  consult_closed: '咨询已结束，不能再分享病历',
  /** PERMISSION_DENIED: only the consult's patient shares and revokes. */
  patient_only: '只有发起咨询的患者可以分享病历',
  /** PERMISSION_DENIED: only the consult's doctor reads what was shared with it. */
  doctor_only: '只有接诊医生可以查看分享的病历',
  /** FAILED_PRECONDITION: the consult ended more than SHARE_HOURS_AFTER_CLOSE hours ago. */
  share_expired: '分享已过期',
  /** CONFLICT: the record changed at the same moment → refresh and try again. */
  record_changed: '病历刚刚被修改，请刷新后重试',
} as const;
export type RecordErrorReason = keyof typeof RECORD_ERROR_REASONS;
