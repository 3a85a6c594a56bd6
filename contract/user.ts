import * as z from './zod';
import {
  deviceFactsSchema,
  identityNameSchema,
  idNumberSchema,
  imageUploadSchema,
  nicknameSchema,
  phoneSchema,
  smsCodeSchema,
} from './user/schemas';
import { IDENTITY_FAIL_REASONS, type IdentityFailReason } from './user/items';

export * from './user/items';
export * from './user/schemas';
export { maskIdNumber, maskName, maskPhone } from './user/id-number';

/**
 * The `user` function: accounts (REG), profile (CAM, ALB), login devices (DEV) and
 * real-name verification (IDV). Every action needs a caller (UNAUTHENTICATED otherwise).
 * Reason codes in `error.details.reason` are listed in contract/user/items.ts.
 */

/** What 我的 shows. The phone only ever leaves the server masked. */
export const profileSchema = z.object({
  nickname: z.string(),
  /** A short-lived link (about an hour) to the avatar, or null when none was set. */
  avatarUrl: z.string().nullable(),
  phoneMasked: z.string(),
});
export type Profile = z.infer<typeof profileSchema>;

/**
 * Where the caller stands. `registered`: a phone is bound to this caller. `loggedIn`: not
 * logged out since. `session.trusted`: logged in and no new device awaits verification;
 * only then is `profile` given. `reason` tells the UI what to do when not trusted:
 * 'login_required' → 登录 (register / loginWithWeChatPhone), 'new_device' → sendCode
 * {purpose:'verify'} then verifyDevice.
 */
export const accountStateSchema = z.object({
  registered: z.boolean(),
  loggedIn: z.boolean(),
  profile: profileSchema.nullable(),
  session: z.object({
    trusted: z.boolean(),
    reason: z.enum(['login_required', 'new_device']).optional(),
  }),
});
export type AccountState = z.infer<typeof accountStateSchema>;

/** DEV: one device the account has logged in from. */
export const loginDeviceSchema = z.object({
  deviceId: z.string(),
  model: z.string(),
  system: z.string(),
  platform: z.string(),
  brand: z.string().nullable(),
  screen: z.object({ width: z.number(), height: z.number() }),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** False for a device that logged in but was never verified by an SMS code. */
  trusted: z.boolean(),
  /** The device that most recently called me / a login action. */
  current: z.boolean(),
});
export type LoginDevice = z.infer<typeof loginDeviceSchema>;

const failReasonSchema = z.enum(
  Object.keys(IDENTITY_FAIL_REASONS) as [IdentityFailReason, ...IdentityFailReason[]],
);

/** IDV: never plaintext, not even to the owner. */
export const identityViewSchema = z.object({
  status: z.enum(['none', 'verified', 'failed']),
  reason: failReasonSchema.optional(),
  /** `张*`; null when status is 'none'. */
  nameMasked: z.string().nullable(),
  /** `3101**********1234`; null when status is 'none'. */
  idMasked: z.string().nullable(),
  /**
   * Which verifier decided (e.g. `builtin-local-only-v2`, `tencent-faceid-…`); null when status
   * is 'none'. No photo is kept, so none is offered (issue 11 point 9).
   */
  verifier: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** When the separate sensitive-information consent was given (PIPL art. 29). */
  consentAt: z.string().nullable(),
});
export type IdentityView = z.infer<typeof identityViewSchema>;

const deviceField = { device: deviceFactsSchema.optional() };

export const userActions = {
  /**
   * REG: sends a 6-digit code. 'register' needs `phone` and answers the same whether or not
   * the phone is registered. 'verify' goes to the caller's bound phone (logged-in callers
   * only): omit `phone`; a phone that is not the bound one gets the same answer and no SMS.
   * RATE_LIMITED with details { limit, retryAfterSeconds }.
   */
  sendCode: {
    input: z.discriminatedUnion('purpose', [
      z.object({ purpose: z.literal('register'), phone: phoneSchema }).strict(),
      z.object({ purpose: z.literal('verify'), phone: phoneSchema.optional() }).strict(),
    ]),
    output: z.object({ expiresInSeconds: z.number(), resendAfterSeconds: z.number() }),
  },
  /**
   * REG: registers, or logs back in, with a code from sendCode {purpose:'register'}. With the
   * 设备信息 consent `device` is required and that device becomes trusted.
   */
  register: {
    input: z.object({ phone: phoneSchema, code: smsCodeSchema, ...deviceField }).strict(),
    output: accountStateSchema,
  },
  /** REG: WeChat one-tap phone (Button openType="getPhoneNumber" code). CloudBase only. */
  loginWithWeChatPhone: {
    input: z
      .object({
        code: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, '无效的手机号授权码'),
        ...deviceField,
      })
      .strict(),
    output: accountStateSchema,
  },
  /** Where the caller stands; with the 设备信息 consent also records this device (DEV). */
  me: { input: z.object(deviceField).strict(), output: accountStateSchema },
  /** DEV: trusts the current device with a code from sendCode {purpose:'verify'}. */
  verifyDevice: {
    input: z.object({ code: smsCodeSchema, ...deviceField }).strict(),
    output: accountStateSchema,
  },
  /** CAM/ALB: nickname and/or avatar; at least one. */
  updateProfile: {
    input: z
      .object({ nickname: nicknameSchema.optional(), avatar: imageUploadSchema.optional() })
      .strict()
      .refine((v) => v.nickname !== undefined || v.avatar !== undefined, '请修改昵称或头像'),
    output: profileSchema,
  },
  listDevices: {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(loginDeviceSchema) }),
  },
  /** NOT_FOUND for an id that is not one of the caller's devices. */
  removeDevice: {
    input: z.object({ deviceId: z.string().regex(/^[a-f0-9]{32}$/, '无效的设备标识') }).strict(),
    output: z.object({ removed: z.literal(true) }),
  },
  /** Ends the login; the registration stays. Answers the new state (registered, not logged in). */
  logout: { input: z.object({}).strict(), output: accountStateSchema },
  /**
   * IDV: separate consent first. The photos go to the verifier and are deleted once it has
   * answered; name and ID number stay, encrypted. Verified → the account's 本人 就诊人.
   */
  submitIdentity: {
    input: z
      .object({
        name: identityNameSchema,
        idNumber: idNumberSchema,
        idPhoto: imageUploadSchema,
        facePhoto: imageUploadSchema,
        consent: z.literal(true, { error: '请先阅读并同意敏感个人信息处理规则' }),
      })
      .strict(),
    output: identityViewSchema,
  },
  getIdentity: { input: z.object({}).strict(), output: identityViewSchema },
} as const;
