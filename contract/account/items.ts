/**
 * The account function's constants and reason codes with no zod, so the mini-program can
 * show them without bundling the schemas (contract/account.ts re-exports them).
 */

/** The four consequences, verbatim from the policy (contract/privacy/policy-text.ts). */
export const DELETION_CONSEQUENCES = [
  '1、您与医生的交流记录将清空，无法恢复；',
  '2、预约信息、个人病历等数据将被清空，无法恢复；',
  '3、历史订单产生的资金退回权益等将视为自动放弃；',
  '4、操作步骤：我的-设置-账号设置-注销账号',
] as const;

/** What a caller without a bound phone types to confirm. */
export const DELETION_TYPED_WORD = '注销';

/** Export links (pictures, avatar, record files) work this long. */
export const EXPORT_LINK_TTL_SECONDS = 600;
/**
 * Rows read per export call: one answer stays a few hundred KB, within what a CloudBase
 * function may return, however long the history.
 */
export const EXPORT_PAGE_ROWS = 500;

export const ACCOUNT_ERROR_REASONS = {
  /** INVALID_ARGUMENT on data.code: the account has a bound phone → sendCode {purpose:'verify'}. */
  code_required: '请输入发送到绑定手机号的验证码',
  /** INVALID_ARGUMENT on data.typed: no bound phone → type 注销. */
  typed_required: '请输入“注销”确认',
  /** FAILED_PRECONDITION (export): the account is being deleted. */
  deletion_running: '账号正在注销中',
  /** INVALID_ARGUMENT on data.cursor (export): not a cursor this server gave; start again. */
  cursor_invalid: '导出进度已失效，请重新开始导出',
} as const;
export type AccountErrorReason = keyof typeof ACCOUNT_ERROR_REASONS;
