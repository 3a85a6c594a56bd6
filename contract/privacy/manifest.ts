/**
 * The privacy manifest: every category of personal data the mini-program touches, the
 * policy clause behind it, what it is for, which Taro/wx APIs and scopes collect it, what
 * kind of consent it needs and how long it is kept. A test scans src/ and fails on any
 * privacy API the manifest does not declare, or a declared one the code no longer uses;
 * `npm run privacy:guide` turns it into the 用户隐私保护指引 for the WeChat admin console.
 */

import type { RetentionEnforcer } from './retention';

export type ConsentKind =
  /** Covered by agreeing to the policy (needed to use the feature at all). */
  | 'policy'
  /** A WeChat authorization scope, asked at the moment of use. */
  | 'scope'
  /** A separate consent of ours, off until the user switches it on. */
  | 'separate';

export interface DataCategory {
  id: string;
  /** docs/PRODUCT.md clause id. */
  clause: string;
  /** The category's name as WeChat's 用户隐私保护指引 lists it. */
  wechatCategory: string;
  purpose: string;
  /** Taro/wx API names (Taro.x / wx.x), component tags (<Camera>) or button openTypes (openType:x). */
  apis: string[];
  scopes: string[];
  consent: ConsentKind;
  retention: string;
  /** Issue 11 point 8: what keeps the retention promise (contract/privacy/retention.ts). */
  enforcedBy: RetentionEnforcer[];
}

export const PRIVACY_MANIFEST: DataCategory[] = [
  {
    id: 'location',
    clause: 'LOC',
    wechatCategory: '位置信息',
    purpose: '为您推荐周边的医院和医生，并显示距离',
    apis: ['getLocation'],
    scopes: ['scope.userLocation'],
    consent: 'scope',
    retention: '不保存：仅随本次“附近”查询发送到服务器，用后即弃，不写入日志',
    enforcedBy: ['not-stored'],
  },
  {
    id: 'clipboard',
    clause: 'SCOPE',
    wechatCategory: '剪切板',
    purpose: '在您点按时复制医院地址，便于在地图中粘贴导航（只写入，不读取剪切板）',
    apis: ['setClipboardData'],
    scopes: [],
    consent: 'policy',
    retention: '不保存：只写入您设备的剪切板',
    enforcedBy: ['not-stored'],
  },
  {
    id: 'phone',
    clause: 'REG',
    wechatCategory: '手机号',
    purpose: '注册和登录账号（微信手机号快速验证，也可改用短信验证码）',
    apis: ['openType:getPhoneNumber'],
    scopes: [],
    consent: 'policy',
    retention: '账号存续期间加密保存，页面只显示遮挡后的号码；注销账号时删除',
    enforcedBy: ['account-deletion', 'sms-codes', 'rate-counters'],
  },
  {
    id: 'avatar',
    clause: 'REG',
    wechatCategory: '微信昵称、头像',
    purpose: '在您点按时设置账号的头像和昵称（可选用微信头像、昵称）',
    apis: ['openType:chooseAvatar'],
    scopes: [],
    consent: 'policy',
    retention: '账号存续期间保存，您可随时修改；注销账号时删除',
    enforcedBy: ['account-deletion'],
  },
  {
    id: 'camera',
    clause: 'CAM',
    wechatCategory: '摄像头',
    purpose: '拍摄照片用于修改头像和图文咨询，以及在您发起或接听视频咨询时进行视频通话',
    apis: ['chooseMedia', '<LivePusher>'],
    scopes: ['scope.camera'],
    consent: 'scope',
    retention:
      '照片仅在您发送或保存时上传，随咨询记录保存；注销账号时删除。视频通话画面实时传输给医生，不录像、不保存',
    enforcedBy: ['account-deletion', 'unattached-uploads'],
  },
  {
    id: 'photos',
    clause: 'ALB',
    wechatCategory: '选中的照片或视频信息',
    purpose: '从相册选择图片用于修改头像和图文咨询',
    apis: ['chooseMedia'],
    scopes: [],
    consent: 'policy',
    retention: '仅上传您选中的图片，随咨询记录保存；注销账号时删除',
    enforcedBy: ['account-deletion', 'unattached-uploads'],
  },
  {
    id: 'album-write',
    clause: 'ALB',
    wechatCategory: '相册（仅写入）权限',
    purpose: '将咨询中的图片保存到您的相册',
    apis: ['saveImageToPhotosAlbum'],
    scopes: ['scope.writePhotosAlbum'],
    consent: 'scope',
    retention: '不上传：图片只写入您的手机相册',
    enforcedBy: ['not-stored'],
  },
  {
    // MIC: asked only when a video consultation call starts or is answered (issue 14).
    id: 'microphone',
    clause: 'MIC',
    wechatCategory: '麦克风',
    purpose: '在您发起或接听视频咨询时与医生进行语音通话',
    apis: ['<LivePusher>'],
    scopes: ['scope.record'],
    consent: 'scope',
    retention: '通话声音实时传输给医生，不录音、不保存',
    enforcedBy: ['not-stored'],
  },
  {
    id: 'device',
    clause: 'DEV',
    wechatCategory: '设备信息',
    purpose: '识别异常登录、保留登录设备记录，保障账号和交易安全',
    apis: ['getDeviceInfo', 'getWindowInfo', 'getAppBaseInfo'],
    scopes: [],
    consent: 'separate',
    retention: '账号存续期间保留，可在 设置 中撤回同意；注销账号时删除',
    enforcedBy: ['account-deletion', 'consent-withdrawal'],
  },
  {
    id: 'analytics',
    clause: 'SDK',
    wechatCategory: '设备信息',
    purpose: '友盟+统计分析：了解功能使用情况以改进服务；拒绝不影响任何功能',
    apis: [],
    scopes: [],
    consent: 'separate',
    retention: '统计事件保留 180 天；撤回同意后不再收集；注销账号时删除',
    enforcedBy: ['analytics-180d', 'consent-withdrawal', 'account-deletion'],
  },
];

/**
 * Every API WeChat treats as touching personal data (and the device APIs our policy
 * covers). Using one in src/ without a manifest entry fails the manifest test.
 */
export const PRIVACY_APIS: Record<string, string> = {
  getLocation: '位置信息',
  chooseLocation: '位置信息',
  startLocationUpdate: '位置信息',
  startLocationUpdateBackground: '位置信息',
  onLocationChange: '位置信息',
  getFuzzyLocation: '位置信息',
  chooseMedia: '选中的照片或视频信息',
  chooseImage: '选中的照片或视频信息',
  chooseVideo: '选中的照片或视频信息',
  saveImageToPhotosAlbum: '相册（仅写入）权限',
  saveVideoToPhotosAlbum: '相册（仅写入）权限',
  createCameraContext: '摄像头',
  '<Camera>': '摄像头',
  '<LivePusher>': '摄像头',
  createLivePusherContext: '摄像头',
  startRecord: '麦克风',
  getRecorderManager: '麦克风',
  getDeviceInfo: '设备信息',
  getSystemInfo: '设备信息',
  getSystemInfoSync: '设备信息',
  getSystemInfoAsync: '设备信息',
  getWindowInfo: '设备信息',
  getAppBaseInfo: '设备信息',
  getNetworkType: '设备信息',
  'openType:getPhoneNumber': '手机号',
  'openType:chooseAvatar': '微信昵称、头像',
  getUserProfile: '微信昵称、头像',
  getUserInfo: '微信昵称、头像',
  setClipboardData: '剪切板',
  getClipboardData: '剪切板',
  chooseAddress: '通讯地址',
  chooseContact: '通讯录',
  addPhoneContact: '通讯录',
  getWeRunData: '微信运动步数',
};
