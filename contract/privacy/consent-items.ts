/**
 * The optional consents and third-party services, as plain constants with no zod, so the
 * mini-program can show and switch them without bundling the schemas (consent.ts
 * re-exports them for the server).
 */

/**
 * Optional consents beyond the policy itself, each separately given and withdrawn
 * (DEV, SDK). Nothing they cover is read or sent before the user switches it on.
 */
export const OPTIONAL_CONSENTS = {
  device: {
    clause: 'DEV',
    label: '设备信息',
    purpose: '识别异常登录、保存登录设备记录，保障账号安全',
  },
  analytics: {
    clause: 'SDK',
    label: '统计分析',
    purpose: '友盟+统计分析，用于改进服务；拒绝不影响任何功能',
  },
} as const;
export type OptionalConsent = keyof typeof OPTIONAL_CONSENTS;

/**
 * Third-party services that would receive the account name/avatar (TPS). Each needs its
 * own consent; refusing disables only that service.
 */
export const THIRD_PARTY_SERVICES = {
  trtc: {
    label: '腾讯云实时音视频',
    purpose:
      '视频咨询的实时音频和视频经该服务传输；只提供每次通话的化名用户标识，不提供昵称、头像或手机号；不录音、不录像',
    feature: '视频咨询',
  },
} as const;
export type ThirdPartyService = keyof typeof THIRD_PARTY_SERVICES;
