/**
 * The separate consents for sensitive personal information (PIPL art. 28–29, 31), as plain
 * constants with no zod so the mini-program can show them. Each is versioned by its date
 * like the policy: a new text is a new version, and consent to an older one does not count.
 */
export interface SensitiveConsentText {
  /** The date of this text; the version the server records. */
  version: string;
  title: string;
  /** PIPL art. 30: purpose, necessity and effect on the individual, shown before the box. */
  purpose: string;
  necessity: string;
  effect: string;
  /** The unticked box's label. */
  checkbox: string;
  /** What withdrawing stops (隐私设置). */
  withdrawal: string;
}

export const SENSITIVE_CONSENTS = {
  health: {
    version: '2026-12-07',
    title: '健康信息单独同意',
    purpose:
      '您在咨询中填写的症状与病情描述、上传的病情照片、医生给出的小结属于健康信息（敏感个人信息）。我们仅将其用于让您选择的医生为您提供健康咨询，并在“我的咨询”中为您保存。',
    necessity:
      '没有这些信息，医生无法了解您的情况并作出回复；因此发起咨询前需要您单独同意。浏览医院和医生无需同意。',
    effect:
      '这些信息加密保存在中国境内的服务器，仅您和接诊医生可见，不向其他第三方提供；泄露可能影响您的名誉或就医隐私，我们以加密、访问控制和日志审计加以保护。',
    checkbox: '我已阅读并单独同意处理上述健康信息',
    withdrawal: '撤回后不能发起新的咨询；已有的咨询记录可在注销账号时删除。',
  },
  guardian: {
    version: '2026-12-07',
    title: '不满十四周岁就诊人的监护人同意',
    purpose:
      '为不满十四周岁的儿童发起咨询时，我们会处理其姓名、性别、年龄和健康信息，仅用于医生为其提供健康咨询。',
    necessity:
      '不满十四周岁未成年人的个人信息属于敏感个人信息（《个人信息保护法》第二十八条），须取得其父母或其他监护人的同意（第三十一条）。',
    effect:
      '请确认您是该儿童的父母或其他监护人。儿童的信息与您的咨询记录同样加密保存、仅接诊医生可见，您可随时撤回同意或删除。',
    checkbox: '我是该儿童的监护人，同意为其处理上述个人信息',
    withdrawal: '撤回后不能再为不满十四周岁的就诊人发起咨询。',
  },
} as const satisfies Record<string, SensitiveConsentText>;

export type SensitiveConsent = keyof typeof SENSITIVE_CONSENTS;
export const SENSITIVE_CONSENT_IDS = Object.keys(SENSITIVE_CONSENTS) as SensitiveConsent[];

/** PIPL art. 31: under this age a person's information needs the guardian's consent. */
export const GUARDIAN_AGE = 14;
