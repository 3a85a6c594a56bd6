/**
 * 客服与反馈 (CS, SEC; PIPL art. 50): ticket categories, statuses, limits and reason codes as
 * plain constants with no zod, so the mini-program can use them without the schemas.
 * contract/support.ts re-exports them.
 */

export const TICKET_CATEGORIES = [
  '使用问题',
  '订单与退款',
  '投诉',
  '个人信息与隐私',
  '个人信息泄露举报',
] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

/** The privacy request a 个人信息与隐私 ticket is (PIPL art. 44–47, 50). */
export const PRIVACY_KINDS = [
  'access',
  'correction',
  'deletion',
  'withdrawal',
  'complaint',
] as const;
export type PrivacyKind = (typeof PRIVACY_KINDS)[number];
export const PRIVACY_KIND_LABELS: Record<PrivacyKind, string> = {
  access: '查阅或复制我的个人信息',
  correction: '更正或补充我的个人信息',
  deletion: '删除我的个人信息',
  withdrawal: '撤回同意',
  complaint: '个人信息处理投诉',
};

/** open: waiting for 客服; answered: 客服 replied, waiting for the patient; closed. */
export const TICKET_STATUSES = ['open', 'answered', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  open: '处理中',
  answered: '客服已回复',
  closed: '已关闭',
};

/** 0 is the most urgent: SEC promises a leak report is handled first. */
export const TICKET_PRIORITY: Record<TicketCategory, number> = {
  个人信息泄露举报: 0,
  个人信息与隐私: 1,
  投诉: 1,
  订单与退款: 2,
  使用问题: 3,
};

/**
 * Working days (the State Council's calendar) to answer, counted from the day after the
 * ticket is made. Privacy requests: 15 working days (issue 16; PIPL art. 50 asks for a
 * timely answer). A leak report is acknowledged at once and answered the next working day.
 */
export const DUE_WORKING_DAYS: Record<TicketCategory, number> = {
  个人信息泄露举报: 1,
  个人信息与隐私: 15,
  投诉: 15,
  订单与退款: 3,
  使用问题: 3,
};

/** Who wrote a message: the patient, a 客服 operator, or the service itself (an automatic reply). */
export const MESSAGE_AUTHORS = ['patient', 'support', 'system'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

/** SEC: the automatic first message of a leak report, written the moment it is made. */
export const LEAK_ACKNOWLEDGEMENT =
  '我们已收到您的个人信息泄露举报，已列为最高优先级处理。客服将在 1 个工作日内联系您；如有进一步线索，请在此补充（请勿发送完整身份证号、密码或验证码）。';

export const TICKET_TEXT_MAX = 1000;
/** A conversation longer than this is a new ticket. */
export const MAX_TICKET_MESSAGES = 100;
/** Abuse: the 50th ticket in one hour (Shanghai clock hour) from one account is refused. */
export const MAX_TICKETS_PER_HOUR = 49;
export const TICKET_PAGE_SIZE = 20;

export const TICKET_ID_PATTERN = /^t[a-f0-9]{24}$/;

/** `details.reason` of a refusal, with what the app says. */
export const SUPPORT_ERROR_REASONS = {
  /** FAILED_PRECONDITION: a closed ticket takes no reply. */
  ticket_closed: '工单已关闭，如需继续咨询请新建工单',
  /** FAILED_PRECONDITION: only a closed ticket is rated. */
  ticket_not_closed: '工单关闭后才能评价',
  /** CONFLICT: a ticket is rated once. */
  already_rated: '该工单已评价',
  /** FAILED_PRECONDITION: the conversation reached MAX_TICKET_MESSAGES. */
  too_many_messages: '对话条数已达上限，请新建工单',
  /** INVALID_ARGUMENT: a 个人信息与隐私 ticket says which request it is; no other does. */
  privacy_kind: '请选择个人信息请求的类型',
} as const;
export type SupportErrorReason = keyof typeof SUPPORT_ERROR_REASONS;
