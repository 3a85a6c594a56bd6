/**
 * Who else receives personal information, for the 与第三方共享个人信息清单
 * (工信部信管函〔2021〕292号, issue 11 point 6) and the policy supplement's processor
 * list. `when` says which deployments include it, so the list never names a party the
 * running build does not use. Zod-free plain data.
 */
export interface ThirdParty {
  id: string;
  name: string;
  /** 委托处理 (processes on our behalf, PIPL art. 21) or 提供 (an independent recipient, art. 23). */
  role: '委托处理' | '提供';
  data: string;
  purpose: string;
  scene: string;
  /** 共享方式 */
  method: string;
  /** Which builds or deployments use it. */
  when: 'cloudbase' | 'umeng' | 'production-verifier' | 'wechat-pay' | 'sms';
}

export const THIRD_PARTIES: ThirdParty[] = [
  {
    id: 'cloudbase',
    name: '腾讯云开发（CloudBase，深圳市腾讯计算机系统有限公司）',
    role: '委托处理',
    data: '本小程序收集的全部个人信息（存储于中国境内）',
    purpose: '云函数、数据库与文件存储',
    scene: '使用小程序的全部功能',
    method: '委托处理：数据存储在我们的云开发环境中，腾讯云不得用于其他目的',
    when: 'cloudbase',
  },
  {
    id: 'sms',
    name: '腾讯云短信',
    role: '委托处理',
    data: '手机号、验证码',
    purpose: '发送注册、登录和身份核验的短信验证码',
    scene: '手机号登录 / 注册、注销账号前的验证',
    method: '服务端接口（API）传输',
    when: 'sms',
  },
  {
    id: 'wechat-pay',
    name: '微信支付（财付通支付科技有限公司）',
    role: '提供',
    data: '订单号、金额、微信用户标识（openid）',
    purpose: '支付咨询费用与退款',
    scene: '支付和退款',
    method: '服务端接口（API）传输',
    when: 'wechat-pay',
  },
  {
    id: 'faceid',
    name: '腾讯云人脸核身',
    role: '委托处理',
    data: '姓名、身份证号、证件照、人脸照',
    purpose: '实名认证核验',
    scene: '我的 → 实名认证',
    method: '服务端接口（API）传输；核验完成后我们立即删除照片',
    when: 'production-verifier',
  },
  {
    id: 'umeng',
    name: '友盟+统计分析 SDK（友盟同欣（北京）科技有限公司）',
    role: '提供',
    data: '设备信息、功能使用事件',
    purpose: '统计分析以改进服务（仅在您开启“统计分析”后）',
    scene: '使用小程序时',
    method: '嵌入第三方 SDK',
    when: 'umeng',
  },
];
