/**
 * The consultation feature's numbers, states, reason codes and page paths as plain
 * constants with no zod, so the mini-program can use them without bundling the schemas
 * (CAM, ALB, PI, CS, SEC). contract/consult.ts re-exports them.
 */

/**
 * States, enforced by the server with compare-and-set updates:
 * pending_payment → waiting → active → closed, and from pending_payment/waiting to
 * cancelled (nothing was paid) or refunded (the payment goes back).
 */
export const CONSULT_STATUSES = [
  'pending_payment',
  'waiting',
  'active',
  'closed',
  'cancelled',
  'refunded',
] as const;
export type ConsultStatus = (typeof CONSULT_STATUSES)[number];

export const CONSULT_STATUS_LABELS: Record<ConsultStatus, string> = {
  pending_payment: '待支付',
  waiting: '待接诊',
  active: '咨询中',
  closed: '已结束',
  cancelled: '已取消',
  refunded: '已退款',
};

/** States after which nothing changes any more (apart from a refund being paid out). */
export const FINAL_STATUSES: readonly ConsultStatus[] = ['closed', 'cancelled', 'refunded'];

export const DESCRIPTION_CHARS = { min: 10, max: 1000 } as const;
export const MAX_CONSULT_PHOTOS = 9;
export const MESSAGE_TEXT_MAX_CHARS = 2000;
export const SUMMARY_CHARS = { min: 1, max: 500 } as const;
export const PATIENT_NAME_MAX_CHARS = 20;
export const PATIENT_AGE = { min: 0, max: 150 } as const;

/** A paid (or free) consult the doctor has not accepted within this time is refunded by the sweep. */
export const ACCEPT_DEADLINE_HOURS = 48;
/** An order left unpaid this long is cancelled by the sweep (WeChat's prepay id lives 2 hours). */
export const PAYMENT_WINDOW_MINUTES = 120;
/** Uploaded pictures never attached to a consult or message are removed after this. */
export const UNATTACHED_UPLOAD_HOURS = 24;
/** How often the sweep runs: the CloudBase timer (every 10 minutes) and the local server. */
export const SWEEP_CRON = '0 */10 * * * * *';

/** Links to consult pictures (CAM, ALB): short-lived, bound to the participant who asked. */
export const ATTACHMENT_LINK_TTL_SECONDS = 600;

export const MESSAGES_PAGE = { default: 50, max: 100 } as const;
export const LIST_PAGE = { default: 20, max: 50 } as const;

/** What a client message id looks like: the client makes one per message and reuses it on retry. */
export const CLIENT_MSG_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * An invite code as `npm run doctor:invite` prints it: 12 characters of an alphabet with no
 * look-alikes, in groups of four (ABCD-EFGH-JKMN). Case and dashes are ignored on input.
 */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 12;
export const INVITE_TTL_DAYS = 7;

/**
 * PI: shown above the description box and the chat input. The server does not look for
 * these categories in what is typed (it could not do so reliably, and reading for them
 * would itself be processing them); it warns.
 */
export const SENSITIVE_INFO_NOTICE =
  '请仅填写与本次就诊相关的信息。请勿填写种族、宗教信仰、政治观点、性取向等与病情无关的敏感个人信息。';

/** CS: shown beside a link the platform has not vetted; the link is plain text, never tappable. */
export const RISKY_LINK_WARNING =
  '该链接未经平台核验，已按普通文本显示。请勿访问或在其中填写个人信息。';

/**
 * CS: hosts whose links are shown as links (a host matches itself and its subdomains).
 * Deployments replace it with ALLOWED_LINK_HOSTS (comma-separated).
 */
export const DEFAULT_ALLOWED_LINK_HOSTS = [
  'weixin.qq.com',
  'gov.cn',
  'chinacdc.cn',
  'who.int',
] as const;

/**
 * Mini-program pages the back end points at (notifications, the sandbox payment). The
 * front end must register these paths (subpackage `doctor/` for the workbench).
 */
export const CONSULT_PAGES = {
  /** ?id=<consultId> — the chat of one consultation. */
  chat: 'subpackages/consult/chat/index',
  /** ?orderId=<orderId> — 模拟支付 (local sandbox only). */
  sandboxPay: 'subpackages/consult/pay/index',
  /** The doctor workbench (a subpackage). */
  workbench: 'subpackages/workbench/home/index',
} as const;

export const chatPage = (consultId: string) =>
  `${CONSULT_PAGES.chat}?id=${encodeURIComponent(consultId)}`;

/** Local server only: the SSE stream of consult events (see contract/consult/events.ts). */
export const CONSULT_EVENTS_PATH = '/api/consult/events';
export const SSE_HEARTBEAT_SECONDS = 15;
/** Weapp: when the database watch fails, poll listMessages this often instead. */
export const WATCH_FALLBACK_POLL_SECONDS = 5;

/** Largest `consult` request the local server accepts: one 2 MB picture as base64, plus room. */
export const CONSULT_REQUEST_MAX_BYTES = 3 * 1024 * 1024;

/**
 * `error.details.reason` values the consult function sends, with what the UI should do.
 * Login and device reasons (login_required, device_unverified) come from the user function's
 * list (contract/user/items.ts): every consult action needs a trusted account.
 */
export const CONSULT_ERROR_REASONS = {
  /** FAILED_PRECONDITION: the action does not fit the consult's state; details.status is the state now → refresh. */
  wrong_status: '咨询状态已变化，请刷新',
  /** CONFLICT: someone else changed the consult at the same moment (e.g. the doctor accepted while you cancelled) → refresh. */
  status_changed: '咨询状态刚刚发生变化，请刷新',
  /** CONFLICT: the clientMsgId was already used for a different message → make a new id. */
  client_msg_id_reused: '消息标识已被其他消息使用',
  /** FAILED_PRECONDITION: this deployment takes no payments (self-hosted without WeChat Pay). */
  payment_unavailable: '当前环境暂不支持支付，请选择免费咨询',
  /** INTERNAL: the payment provider refused or failed → try again later. */
  payment_failed: '支付下单失败，请稍后重试',
  /** FAILED_PRECONDITION: sandboxConfirm on a deployment with real payments. */
  sandbox_unavailable: '模拟支付仅用于本地环境',
  /** PERMISSION_DENIED: doctor actions need an account bound with bindDoctor → 医生工作台. */
  doctor_required: '请先绑定医生身份',
  /** PERMISSION_DENIED: only the consult's patient may do this (pay, cancel). */
  patient_only: '只有发起咨询的患者可以进行此操作',
  /** INVALID_ARGUMENT on data.code: the code is wrong, expired or already used. */
  invite_invalid: '邀请码无效、已过期或已被使用',
  /** CONFLICT: this account is already bound to a doctor. */
  already_doctor: '该账号已绑定医生身份',
  /** CONFLICT: that doctor is already bound to another account. */
  doctor_taken: '该医生已绑定其他账号',
  /** FAILED_PRECONDITION: a doctor cannot consult themself. */
  own_doctor: '不能向自己发起咨询',
  /** INVALID_ARGUMENT on a photo/image key: not an upload of yours, or already used. */
  upload_invalid: '图片不存在或已被使用，请重新上传',
  /** FAILED_PRECONDITION: the operator has not enabled video (VIDEO_ENABLED) → never show video. */
  video_disabled: '当前环境未开通视频咨询',
  /** FAILED_PRECONDITION: the doctor does not offer video consultation (any more). */
  video_not_offered: '该医生暂未开通视频咨询',
  /** INVALID_ARGUMENT on data.slot: not a slot of the doctor's video hours, or too soon/far. */
  slot_invalid: '所选时间不在医生的视频咨询时段内，请重新选择',
} as const;
export type ConsultErrorReason = keyof typeof CONSULT_ERROR_REASONS;
