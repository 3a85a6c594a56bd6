/**
 * The accounts feature's numbers and reason codes as plain constants with no zod, so the
 * mini-program can show limits and act on error reasons without bundling the schemas
 * (REG, DEV, IDV). contract/user.ts re-exports them.
 */

/** REG: an SMS code lives 5 minutes and allows 5 wrong attempts. */
export const SMS_CODE_TTL_SECONDS = 300;
export const SMS_CODE_MAX_ATTEMPTS = 5;
/** REG: one send per phone per 60 s; daily caps per phone, per caller (openid), per client IP. */
export const SMS_RESEND_SECONDS = 60;
export const SMS_DAILY_LIMITS = { phone: 10, caller: 20, ip: 50 } as const;
/** Days are calendar days in China (UTC+8), as users read "每天". */
export const DAY_UTC_OFFSET_HOURS = 8;

/** IDV: verification submissions per caller per day (a paid verifier must not be hammered). */
export const IDENTITY_SUBMITS_PER_DAY = 5;
/** REG: WeChat one-tap phone look-ups per caller per day (each one is billed by WeChat). */
export const WECHAT_PHONE_LOGINS_PER_DAY = 10;

/** CAM/ALB/IDV: uploads are JPEG, PNG or WebP by their magic bytes, at most 2 MB decoded. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export const NICKNAME_MAX_CHARS = 20;
export const IDENTITY_NAME_CHARS = { min: 2, max: 20 } as const;
/**
 * IDV: the account holder must be an adult (完全民事行为能力人). Minors are added as 就诊人
 * by a guardian instead of verifying an account of their own.
 */
export const MIN_IDENTITY_AGE = 18;

/** How long links to personal files stay valid. */
export const LINK_TTL_SECONDS = { avatar: 3600 } as const;

/**
 * `error.details.reason` values the user function sends, by error code, with what the UI
 * should do. Anything not listed carries no reason.
 */
export const USER_ERROR_REASONS = {
  /** UNAUTHENTICATED: not registered, or logged out → go to 登录 and come back. */
  login_required: '请先登录',
  /** PERMISSION_DENIED: a new device awaits an SMS code to the bound phone (DEV) → verifyDevice. */
  device_unverified: '检测到新设备登录，请验证绑定的手机号',
  /** PERMISSION_DENIED (requireVerifiedIdentity): no identity submitted → 实名认证. */
  identity_required: '请先完成实名认证',
  /** PERMISSION_DENIED (requireVerifiedIdentity): verification failed; details.identityReason says why. */
  identity_failed: '实名认证未通过',
  /** INVALID_ARGUMENT on data.code: wrong code; details.attemptsLeft says how many remain. */
  code_mismatch: '验证码错误',
  /** INVALID_ARGUMENT on data.code: no live code (never sent, expired or already used) → 重新获取. */
  code_expired: '验证码已失效，请重新获取',
  /** INVALID_ARGUMENT on data.code: 5 wrong attempts → 重新获取. */
  code_locked: '验证码错误次数过多，请重新获取',
  /** INVALID_ARGUMENT on data.device: the 设备信息 consent is on but no device facts were sent. */
  device_required: '请提供设备信息',
  /** FAILED_PRECONDITION: this account is bound to another phone number. */
  phone_mismatch: '该账号已绑定其他手机号',
  /** FAILED_PRECONDITION: identity already verified; it cannot be submitted again. */
  already_verified: '已完成实名认证',
  /** FAILED_PRECONDITION: WeChat one-tap phone is unavailable here (local server) → SMS path. */
  wechat_phone_unavailable: '本地环境请使用短信验证码',
  /** FAILED_PRECONDITION: WeChat did not give a phone number for the code → retry or SMS path. */
  wechat_phone_failed: '获取微信手机号失败，请重试或使用短信验证码',
  /** FAILED_PRECONDITION: the WeChat phone number is not a mainland mobile number. */
  phone_not_mainland: '仅支持中国大陆手机号',
  /** CONFLICT: the phone is bound to another account (whose is never said). */
  phone_taken: '该手机号已绑定其他账号',
  /** INTERNAL: the SMS provider refused or failed; quota is still used. */
  sms_failed: '短信发送失败，请稍后重试',
} as const;
export type UserErrorReason = keyof typeof USER_ERROR_REASONS;

/** RATE_LIMITED: `details.limit` says which limit was hit; `details.retryAfterSeconds` when to retry. */
export const RATE_LIMITS = {
  phone_cooldown: '发送太频繁，请稍后再试',
  phone_daily: '该手机号今日验证码次数已用完',
  caller_daily: '今日验证码次数已用完',
  ip_daily: '当前网络今日验证码次数已用完',
  identity_daily: '今日实名认证提交次数已用完',
  wechat_daily: '今日微信手机号登录次数已用完',
  /** Booking (book, pay, cancel) per account per day: anti-scalping. */
  booking_daily: '今日预约操作次数已达上限',
  /** 就诊人 added per account per calendar month (Shanghai): anti-scalping (issue 13). */
  patients_monthly: '本月添加就诊人次数已达上限',
  /** 客服 tickets per account per clock hour (Shanghai): abuse (issue 16). */
  support_hourly: '提交工单过于频繁，请稍后再试',
} as const;
export type RateLimitKind = keyof typeof RATE_LIMITS;

/** IDV: why a verification failed (`getIdentity().reason`, `details.identityReason`). */
export const IDENTITY_FAIL_REASONS = {
  format: '身份证号码格式不正确',
  province: '身份证号码的地区码不存在',
  birth_date: '身份证号码中的出生日期无效',
  checksum: '身份证号码校验位不正确',
  underage: `未满 ${MIN_IDENTITY_AGE} 周岁，请由监护人添加为就诊人`,
  name: '姓名格式不正确',
  photo_missing: '证件照片或人脸照片缺失',
  photo_implausible: '照片无法识别或太小（每边至少 300 像素），请重新拍摄',
  rejected: '身份信息核验未通过',
  /** Tencent faceid: name and number do not match the authoritative source (or it has no such card). */
  identity_mismatch: '姓名与身份证号码不一致，或查无此证件，请核对后重新提交',
  /** Tencent faceid: the card photo reads as another name or number than the one typed. */
  id_photo_mismatch: '身份证照片上的姓名或号码与填写的不一致',
  /** Tencent faceid: a copy, a re-shoot, an edited or a temporary card. */
  id_photo_suspect: '身份证照片疑似复印件、翻拍或经过编辑，请拍摄身份证原件',
  /** Tencent faceid: the face is not the person of the ID (similarity below the threshold). */
  face_mismatch: '人脸照片与身份证登记照片不是同一人',
  face_photo_unusable: '人脸照片无法识别，请在光线充足处拍摄清晰、无遮挡的正脸',
  source_photo_unavailable: '权威库中暂无可比对的证件照片，暂时无法在线核验',
} as const;
export type IdentityFailReason = keyof typeof IDENTITY_FAIL_REASONS;

/** IDV: the verifier recorded with a result (`getIdentity().verifier`), in the user's words. */
export function verifierLabel(name: string): string {
  if (name.startsWith('tencent-faceid')) return '腾讯云人脸核身（与权威库比对）';
  if (name.startsWith('builtin')) return '本地核验（仅供本地使用与演示，未与权威库比对）';
  return name;
}

/**
 * Largest `user` request the local server accepts: submitIdentity carries two photos of up
 * to 2 MB each as base64 (4/3 larger). Every other function keeps the 1 MB default.
 */
export const USER_REQUEST_MAX_BYTES = 6 * 1024 * 1024;
