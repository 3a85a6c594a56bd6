/**
 * The two lists of 工信部信管函〔2021〕292号 (issue 11 point 6), generated from the manifest,
 * the user-entered categories and the third-party table, so the lists, the guide and the
 * code cannot drift: 《已收集个人信息清单》 (信息种类、使用目的、使用场景, SDKs included) and
 * 《与第三方共享个人信息清单》 (the same plus the third party and 共享方式).
 */
import { ENTERED_CATEGORIES } from './entered';
import { PRIVACY_MANIFEST } from './manifest';
import { THIRD_PARTIES, type ThirdParty } from './third-parties';

export interface CollectedRow {
  category: string;
  purpose: string;
  scene: string;
  /** Collected by a third-party SDK inside the app (named), or by us (null). */
  sdk: string | null;
  sensitive: boolean;
  retention: string;
}

export interface SharedRow {
  party: string;
  role: ThirdParty['role'];
  category: string;
  purpose: string;
  scene: string;
  method: string;
  /** When this party is involved at all (a deployment or build option). */
  applies: string;
}

/** 使用场景 of each manifest category: where the app asks for it. */
const SCENES: Record<string, string> = {
  location: '首页点按“开启定位”、附近的医院和医生',
  clipboard: '医院详情页点按“复制地址”',
  phone: '手机号登录 / 注册',
  avatar: '我的 → 个人资料',
  camera: '修改头像、图文咨询拍照',
  photos: '修改头像、图文咨询选图',
  'album-write': '咨询中保存图片',
  device: '登录时（仅在开启“设备信息”后）',
  analytics: '使用小程序时（仅在开启“统计分析”后）',
};

const APPLIES: Record<ThirdParty['when'], string> = {
  cloudbase: '在微信云开发上运行时',
  sms: '使用腾讯云短信发送验证码时',
  'wechat-pay': '付费咨询使用微信支付时',
  'production-verifier': '生产环境启用人脸核身时',
  umeng: '仅在包含友盟+的版本中，且您开启“统计分析”后',
};

export function collectedList(): CollectedRow[] {
  const fromApis = PRIVACY_MANIFEST.map((c) => ({
    category: c.wechatCategory,
    purpose: c.purpose,
    scene: SCENES[c.id] ?? '使用相关功能时',
    sdk: c.id === 'analytics' ? '友盟+统计分析 SDK' : null,
    sensitive: false,
    retention: c.retention,
  }));
  const entered = ENTERED_CATEGORIES.map((c) => ({
    category: c.category,
    purpose: c.purpose,
    scene: c.scene,
    sdk: null,
    sensitive: c.sensitive,
    retention: c.retention,
  }));
  return [...fromApis, ...entered];
}

export function sharedList(): SharedRow[] {
  return THIRD_PARTIES.map((p) => ({
    party: p.name,
    role: p.role,
    category: p.data,
    purpose: p.purpose,
    scene: p.scene,
    method: p.method,
    applies: APPLIES[p.when],
  }));
}
