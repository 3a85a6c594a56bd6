import {
  ANALYTICS_EVENTS,
  CONSENTS,
  IDENTITIES,
  LOGIN_DEVICES,
  PHONE_BINDINGS,
  SMS_CODES,
  USERS,
} from '../collections';

/**
 * The personal data map (ARCHITECTURE.md): every collection that holds personal data,
 * whose it is, which fields are sensitive, and what account deletion does to it.
 * Deletion, export and the privacy manifest are driven by it; a test fails when a
 * collection with an owner field is missing here.
 */
export interface PersonalDataEntry {
  collection: string;
  /** The field holding the owner's identity (openid). */
  ownerField: string;
  /** Fields encrypted at rest and masked on output. */
  sensitive: string[];
  onDelete: 'delete' | 'anonymise';
  /** Policy clause(s) the data exists for. */
  clauses: string[];
  description: string;
}

export const PERSONAL_DATA: PersonalDataEntry[] = [
  {
    collection: CONSENTS.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['POL', 'DEV', 'SDK', 'TPS'],
    description: '隐私政策与各项授权的同意记录',
  },
  {
    collection: ANALYTICS_EVENTS.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['SDK'],
    description: '统计分析事件（仅在同意统计分析后记录）',
  },
  {
    collection: USERS.name,
    ownerField: 'owner',
    // The avatar file lives in the FileStore under the owner's prefix (backend/user/files.ts).
    sensitive: ['phoneEnc'],
    onDelete: 'delete',
    clauses: ['REG', 'CAM', 'ALB'],
    description: '账号：绑定手机号（加密存储）、昵称、头像、登录状态',
  },
  {
    collection: PHONE_BINDINGS.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['REG'],
    description: '手机号与账号的唯一绑定（仅保存手机号的 HMAC）',
  },
  {
    collection: SMS_CODES.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['REG', 'DEV'],
    description: '短信验证码（仅保存 HMAC，5 分钟后失效）',
  },
  {
    collection: LOGIN_DEVICES.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['DEV'],
    description:
      '登录设备记录（仅在同意设备信息后记录）：型号、系统、平台、屏幕、首次/最近登录时间',
  },
  {
    collection: IDENTITIES.name,
    ownerField: 'owner',
    // Photos are encrypted files in the FileStore; the keys name them.
    sensitive: ['nameEnc', 'idNumberEnc', 'idPhotoKey', 'facePhotoKey'],
    onDelete: 'delete',
    clauses: ['IDV'],
    description:
      '实名认证：姓名、身份证号、证件照、人脸照（均加密存储）及核验结果、敏感信息同意时间',
  },
];

/** Field names that mark a collection as holding someone's data. */
export const OWNER_FIELD_NAMES = ['owner', 'ownerId', 'openid', 'userId', 'patientId'];
