import {
  ANALYTICS_EVENTS,
  APPOINTMENTS,
  BOOKING_GUARDS,
  CONSENTS,
  CONSULT_MESSAGES,
  CONSULT_UPLOADS,
  CONSULTS,
  DOCTOR_ACCOUNTS,
  DOCTOR_BINDINGS,
  DOCTOR_INVITES,
  IDENTITIES,
  LOGIN_DEVICES,
  NOTICES,
  PHONE_BINDINGS,
  RISKY_URLS,
  SANDBOX_PAYMENTS,
  SMS_CODES,
  USERS,
} from '../collections';
import { contexts as consultContexts } from '../consult/model';
import type { StoredDoc } from '../ports/document-store';
import { HEALTH_RECORDS_DATA } from './health-data-map';
import { CALL_DATA } from './data-map-calls';
import { SUPPORT_DATA } from './data-map-support';

/**
 * The personal data map (docs/ARCHITECTURE.md): every collection that holds personal data,
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
  /**
   * Fields holding FileStore keys: deleting the row also removes those files (files under
   * the owner's own prefix go with removePrefix anyway; these may sit under someone else's).
   * Dotted paths go through arrays. A field also listed in `sensitive` is an encrypted file.
   * The export shows each as a link.
   */
  fileKeyFields?: string[];
  /**
   * FileStore keys the export shows as links but whose files another entry removes (e.g.
   * a message's picture goes with its consultUploads row). Dotted paths go through arrays.
   * In an 'anonymise' row, a key under the owner's own file prefix (a file deletion removes)
   * nulls the path's first field (`image.fileKey` → `image: null`).
   */
  linkFields?: string[];
  /**
   * The encryption context of a sensitive (ciphertext) field, for the owner's export.
   * Default: `<collection>.<field>:<owner>`, backend/user's convention (phoneContext...).
   */
  cryptoContext?: (field: string, doc: StoredDoc) => string;
  /** 'anonymise' sets the owner field to null and also removes these fields (links to deleted rows). */
  anonymiseUnset?: string[];
  /**
   * Rows that are the owner's through a parent row: `ownerField` holds the `_id` of a row
   * of `parent.collection` whose `parent.ownerField` is the owner (e.g. a doctor's notice
   * of a patient's consult). Deletion treats them before it removes the parents; the
   * export leaves them out (they are someone else's rows about the owner's).
   */
  parent?: { collection: string; ownerField: string };
  /** DEL: what the 注销账号 screen counts these rows as (account.deletionPreview). */
  preview?: 'consultations' | 'messages' | 'appointments' | 'records' | 'patients';
  /**
   * DEL 3: the rows are also payment orders. Before such a row is deleted, a paid one
   * (`archived`) is copied to orderArchive, `keep` fields only and no link to the owner, so
   * payments still reconcile; `refundable` ones (money not gone back) count as forfeited.
   */
  order?: {
    keep: string[];
    archived: (doc: StoredDoc) => boolean;
    refundable: (doc: StoredDoc) => boolean;
  };
  /** The owner's export lists these rows (default true; false where they are mostly someone else's). */
  export?: boolean;
  /** Policy clause(s) the data exists for. */
  clauses: string[];
  description: string;
}

/** Consult fields → their encryption contexts (backend/consult/model.ts), bound to the consult id. */
const CONSULT_CONTEXTS: Record<string, (id: string) => string> = {
  descriptionEnc: consultContexts.description,
  'patient.nameEnc': consultContexts.patientName,
  'patient.allergiesEnc': consultContexts.patientAllergies,
  summaryEnc: consultContexts.summary,
  'last.textEnc': consultContexts.last,
};

const consultContext = (field: string, doc: StoredDoc): string => {
  const context = CONSULT_CONTEXTS[field];
  if (!context) throw new Error(`no encryption context for consults.${field}`);
  return context(doc._id);
};

const paidFen = (doc: StoredDoc) =>
  typeof doc.price === 'number' && doc.price > 0 && doc.payment != null ? doc.price : 0;

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
    fileKeyFields: ['avatarKey'],
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
    // No photo is kept: they are deleted once the verifier has answered (issue 11 point 9).
    sensitive: ['nameEnc', 'idNumberEnc'],
    onDelete: 'delete',
    clauses: ['IDV'],
    description:
      '实名认证：姓名、身份证号（加密存储）、核验结果与核验方、敏感信息同意时间；证件照与人脸照核验后即删除，不保存',
  },
  /*
   * Consultations have two people in them. A consult, its messages and its pictures are the
   * patient's medical record: the patient's deletion (DEL) removes them all, whoever wrote
   * them. The doctor's deletion removes the doctor's link to them (doctorOpenid) and leaves
   * the patient's record in place.
   */
  {
    collection: CONSULTS.name,
    ownerField: 'patientOpenid',
    // Pictures are encrypted files (SEC): the export's links decrypt them.
    sensitive: [
      'descriptionEnc',
      'patient.nameEnc',
      'patient.allergiesEnc',
      'summaryEnc',
      'last.textEnc',
      'photos.fileKey',
    ],
    onDelete: 'delete',
    cryptoContext: consultContext,
    linkFields: ['photos.fileKey'],
    preview: 'consultations',
    // The consult is also the payment order (its _id is the outTradeNo).
    order: {
      keep: [
        'doctorId',
        'price',
        'status',
        'createdAt',
        'paidAt',
        'endedAt',
        'cancelReason',
        'payment',
        'refund',
        'refundStatus',
      ],
      archived: (doc) => paidFen(doc) > 0,
      // Money the patient could still get back: paid and waiting (refunded if the doctor never
      // accepts), or a refund granted but not yet paid out.
      refundable: (doc) =>
        paidFen(doc) > 0 &&
        doc.paidAt != null &&
        (doc.status === 'waiting' || (doc.status === 'refunded' && doc.refundStatus !== 'done')),
    },
    clauses: ['PI', 'SEC', 'DEL'],
    description:
      '图文咨询：就诊人、病情描述、图片、状态、支付与退款记录、医生小结（描述与小结加密存储）',
  },
  {
    collection: CONSULTS.name,
    ownerField: 'doctorOpenid',
    sensitive: [],
    onDelete: 'anonymise',
    export: false,
    clauses: ['SEC'],
    description: '医生接诊的咨询：注销医生账号时仅解除账号与咨询的关联，患者的咨询记录保留',
  },
  {
    collection: CONSULT_MESSAGES.name,
    ownerField: 'patientOpenid',
    sensitive: ['textEnc', 'image.fileKey'],
    onDelete: 'delete',
    cryptoContext: (_field, doc) => consultContexts.message(doc._id),
    linkFields: ['image.fileKey'],
    preview: 'messages',
    clauses: ['PI', 'CAM', 'ALB', 'DEL'],
    description: '咨询聊天记录：患者与医生双方的文字和图片消息（文字与图片加密存储）',
  },
  {
    collection: CONSULT_MESSAGES.name,
    ownerField: 'doctorOpenid',
    sensitive: ['textEnc'],
    onDelete: 'anonymise',
    // The doctor's own pictures go with the doctor's files; the message stays, without them.
    linkFields: ['image.fileKey'],
    export: false,
    clauses: ['SEC'],
    description: '医生一方的聊天记录：注销医生账号时解除关联，患者的聊天记录保留',
  },
  {
    collection: CONSULT_UPLOADS.name,
    ownerField: 'owner',
    sensitive: ['key'],
    onDelete: 'delete',
    fileKeyFields: ['key'],
    clauses: ['CAM', 'ALB'],
    description: '上传的咨询图片（拍照或相册选择，加密存储）',
  },
  {
    collection: CONSULT_UPLOADS.name,
    ownerField: 'patientOpenid',
    sensitive: ['key'],
    onDelete: 'delete',
    fileKeyFields: ['key'],
    clauses: ['CAM', 'ALB', 'DEL'],
    description: '患者咨询中的全部图片（含医生发送的图片，加密存储）',
  },
  {
    collection: RISKY_URLS.name,
    ownerField: 'owner',
    sensitive: [],
    // DEL: 交流记录将清空 — a record of a link the user sent is part of their chat.
    onDelete: 'delete',
    clauses: ['CS', 'DEL'],
    description: '风控：咨询中出现的未经核验的链接（仅域名与链接的密钥哈希、时间、所在咨询）',
  },
  /*
   * 预约挂号 (issue 13). DEL 3: a paid appointment whose visit is still ahead is not refunded
   * on deletion: the policy's third consequence forfeits the refund rights of past orders, and
   * the preview counts it under forfeitedOrders. The order goes to the archive without owner;
   * the place stays taken (the hospital was paid for it). Past appointments are deleted.
   */
  {
    collection: APPOINTMENTS.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    preview: 'appointments',
    order: {
      keep: [
        'doctorId',
        'hospitalId',
        'slotId',
        'date',
        'period',
        'feeFen',
        'status',
        'createdAt',
        'paidAt',
        'payment',
        'refund',
        'refundStatus',
        'subMchId',
      ],
      archived: (doc) => doc.paidAt != null,
      // Money that could still come back: a paid visit ahead (cancellable or not), or a refund not yet paid out.
      refundable: (doc) =>
        doc.paidAt != null &&
        (doc.status === 'booked' ||
          (doc.refundStatus != null && doc.refundStatus !== 'none' && doc.refundStatus !== 'done')),
    },
    clauses: ['DEL'],
    description: '预约挂号：就诊人（脱敏姓名）、医生、医院、就诊日期与时段、取号码、支付与退款记录',
  },
  {
    collection: BOOKING_GUARDS.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['DEL'],
    description: '预约规则记录：同日同医生、每周科室、每月预约次数与爽约记录（仅保存哈希）',
  },
  ...CALL_DATA,
  {
    collection: DOCTOR_INVITES.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['SEC'],
    description: '医生邀请码的使用记录（邀请码仅保存 HMAC）',
  },
  {
    collection: DOCTOR_BINDINGS.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['SEC'],
    description: '医生身份与账号的绑定',
  },
  {
    collection: DOCTOR_ACCOUNTS.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['SEC'],
    description: '账号与医生身份的绑定（反向索引）',
  },
  {
    collection: NOTICES.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['SEC'],
    description: '站内通知：咨询回复与状态变化',
  },
  {
    collection: SANDBOX_PAYMENTS.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['USE'],
    description: '本地模拟支付订单（仅本地开发环境）',
  },
  ...HEALTH_RECORDS_DATA,
  ...SUPPORT_DATA,
  /*
   * DEL: the other side of a deleted patient's consults. The policy clears the chat records
   * with doctors for both sides, so the doctor's notices of those consults go, and the risk
   * records of links the doctor sent there go with them.
   */
  {
    collection: NOTICES.name,
    ownerField: 'consultId',
    parent: { collection: CONSULTS.name, ownerField: 'patientOpenid' },
    sensitive: [],
    onDelete: 'delete',
    clauses: ['DEL'],
    description: '医生收到的、关于已注销患者咨询的站内通知',
  },
  {
    collection: RISKY_URLS.name,
    ownerField: 'consultId',
    parent: { collection: CONSULTS.name, ownerField: 'patientOpenid' },
    sensitive: [],
    onDelete: 'delete',
    clauses: ['CS', 'DEL'],
    description: '已注销患者咨询中出现的风险链接（医生发送的亦随咨询记录清空）',
  },
];

/** Field names that mark a collection as holding someone's data. */
export const OWNER_FIELD_NAMES = [
  'owner',
  'ownerId',
  'openid',
  'userId',
  'patientId',
  'patientOpenid',
  'doctorOpenid',
];
