/**
 * Personal information the user types or uploads themselves — no WeChat privacy API is
 * involved, so the manifest's API scan cannot see it — including the sensitive categories
 * of PIPL art. 28. It belongs in the 已收集个人信息清单 and the guide all the same
 * (issue 11 points 5–6). Zod-free plain data.
 */
import type { RetentionEnforcer } from './retention';

export interface EnteredCategory {
  id: string;
  /** docs/PRODUCT.md clause id. */
  clause: string;
  category: string;
  purpose: string;
  /** 使用场景: where in the app it is entered. */
  scene: string;
  /** PIPL art. 28 sensitive personal information. */
  sensitive: boolean;
  /** The separate consent it needs beyond the policy, if any. */
  consent: 'policy' | 'health' | 'guardian' | 'identity';
  retention: string;
  enforcedBy: RetentionEnforcer[];
}

export const ENTERED_CATEGORIES: EnteredCategory[] = [
  {
    id: 'health',
    clause: 'PI',
    category: '健康信息：症状与病情描述、病情照片、医生小结',
    purpose: '供您选择的医生为您提供健康咨询',
    scene: '发起图文咨询、咨询聊天',
    sensitive: true,
    consent: 'health',
    retention: '加密保存，账号存续期间可查看；注销账号时删除',
    enforcedBy: ['account-deletion', 'unattached-uploads'],
  },
  {
    id: 'patient',
    clause: 'PI',
    category:
      '就诊人信息：姓名、证件类型与号码、出生日期、性别、手机号、过敏史、慢性病（可能为他人或不满十四周岁的儿童）',
    purpose: '让医生知道咨询的是谁；实名预约时核对就诊人',
    scene: '我的 → 就诊人管理；发起图文咨询时选择就诊人或“为他人咨询”',
    sensitive: true,
    consent: 'guardian',
    retention: '姓名、证件号、手机号和健康信息加密保存，页面仅显示掩码；删除就诊人或注销账号时删除',
    enforcedBy: ['account-deletion'],
  },
  {
    id: 'records',
    clause: 'PI',
    category: '个人病历：门诊记录、检查报告、处方、住院记录及其照片或 PDF',
    purpose: '供您保存就诊资料，并在咨询中自主选择分享给接诊医生',
    scene: '我的 → 我的病历；发起图文咨询时选择分享的病历',
    sensitive: true,
    consent: 'health',
    retention:
      '科室、诊断、备注和附件加密保存；分享在咨询结束后限时失效，医生每次查看均有记录；删除病历、就诊人或注销账号时删除',
    enforcedBy: ['account-deletion'],
  },
  {
    id: 'identity',
    clause: 'IDV',
    category: '身份信息：姓名、身份证号、证件照、人脸照',
    purpose: '实名认证，认证后的本人可作为就诊人用于实名预约',
    scene: '我的 → 实名认证',
    sensitive: true,
    consent: 'identity',
    retention:
      '姓名、身份证号加密保存至注销账号；证件照和人脸照在核验完成后（无论是否通过）立即删除',
    enforcedBy: ['after-verification', 'account-deletion'],
  },
  {
    id: 'messages',
    clause: 'CS',
    category: '咨询聊天中的文字与图片',
    purpose: '与医生沟通病情；风控记录未经核验的链接',
    scene: '咨询聊天',
    sensitive: true,
    consent: 'health',
    retention: '文字加密保存；注销账号时删除',
    enforcedBy: ['account-deletion'],
  },
  {
    id: 'support',
    clause: 'CS',
    category: '客服工单与问卷回答：您向客服反映的问题、个人信息请求与评价，自愿填写的问卷',
    purpose: '答复您的问题、投诉和个人信息请求；改进服务',
    scene: '我的 → 客服与反馈',
    sensitive: false,
    consent: 'policy',
    retention: '加密保存，账号存续期间可查看；注销账号时删除',
    enforcedBy: ['account-deletion'],
  },
];
