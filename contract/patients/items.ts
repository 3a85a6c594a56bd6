/**
 * 就诊人 (the family members an account consults for): numbers, labels and reason codes as
 * plain constants with no zod, so the mini-program can use them without the schemas.
 * contract/patients.ts re-exports them.
 */

/** What a 就诊人 id looks like (the consult contract checks it too). */
export const PATIENT_ID_PATTERN = /^p[a-f0-9]{8,40}$/;

/** Up to this many 就诊人 per account, 本人 included. */
export const MAX_PATIENTS = 8;
/**
 * 就诊人 an account may add per calendar month (Shanghai), removed ones included: without it
 * add → book → remove cycles through strangers' identities (号贩子, issue 13). RATE_LIMITED,
 * details.limit 'patients_monthly'.
 */
export const MAX_PATIENT_ADDS_PER_MONTH = 10;

export const RELATIONS = ['本人', '父母', '配偶', '子女', '兄弟姐妹', '其他'] as const;
export type Relation = (typeof RELATIONS)[number];

/**
 * The document a 就诊人 is known by. id_card: 居民身份证 (GB 11643, birth date and sex read
 * from the number); hkmt: 港澳台 travel permits; passport; none: a child without a document
 * (birth date and sex given; a hospital that needs one takes the guardian's).
 */
export const ID_TYPES = ['id_card', 'hkmt', 'passport', 'none'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  id_card: '居民身份证',
  hkmt: '港澳台居民证件',
  passport: '护照',
  none: '无证件（儿童）',
};

/** PIPL art. 28/31: under this age a person's information is processed with guardian consent. */
export const GUARDIAN_AGE = 14;
/** Without any document only under this age (a child; an adult has an ID). */
export const NO_DOCUMENT_MAX_AGE = 18;

export const PATIENT_NAME_CHARS = { min: 1, max: 30 } as const;
export const HEALTH_NOTE_MAX_CHARS = 200;

/** What the holder declares, shown beside the checkbox (recorded with time and policy version). */
export const AGREED_DECLARATION =
  '我已获得该就诊人同意，代其提供并由平台处理其个人信息（含健康信息）';
export const GUARDIAN_DECLARATION =
  '我是该未满十四周岁儿童的监护人，同意平台按隐私政策处理其个人信息（含健康信息）';

/** `error.details.reason` values of the patients function, with what the UI should do. */
export const PATIENT_ERROR_REASONS = {
  /** FAILED_PRECONDITION: already MAX_PATIENTS → remove one first. */
  patient_limit: `最多添加 ${MAX_PATIENTS} 位就诊人`,
  /** CONFLICT: the account has a 本人 already. */
  self_exists: '已添加本人',
  /** FAILED_PRECONDITION: the account is verified; 本人 comes from the verified identity (fromIdentity). */
  self_from_identity: '您已实名认证，本人信息将使用实名信息',
  /** FAILED_PRECONDITION: fromIdentity without a verified identity → 实名认证 first. */
  identity_required: '请先完成实名认证',
  /** FAILED_PRECONDITION: a 本人 made from the verified identity: name and document cannot change. */
  identity_locked: '本人信息来自实名认证，不能修改姓名和证件',
  /** INVALID_ARGUMENT on data.declaration.agreed: another person (14 or older) must have agreed. */
  declaration_required: '请确认已获得该就诊人同意',
  /** INVALID_ARGUMENT on data.declaration.guardian: under 14 needs the guardian's consent. */
  guardian_required: '未满十四周岁的就诊人需由监护人同意',
  /** INVALID_ARGUMENT on data.relation: under 14 only as 子女, 兄弟姐妹 or 其他 with the guardian declaration. */
  child_relation: '未满十四周岁的就诊人只能以子女（或监护人声明）身份添加',
  /** INVALID_ARGUMENT on data.document: without a document only for children. */
  document_required: '成年就诊人须提供证件',
  /** INVALID_ARGUMENT on data.document: the birth date is after today. */
  birth_in_future: '出生日期不能晚于今天',
  /** CONFLICT: this document is already one of the account's 就诊人. */
  duplicate_document: '该证件已添加为就诊人',
  /** FAILED_PRECONDITION: an open consult (or, later, a future appointment) is for this 就诊人. */
  patient_in_use: '该就诊人有进行中的咨询或预约，暂不能删除',
} as const;
export type PatientErrorReason = keyof typeof PATIENT_ERROR_REASONS;
