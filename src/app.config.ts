export default defineAppConfig({
  // The main package: what anyone may open without an account (tabs, catalog, privacy).
  pages: [
    'pages/home/index',
    'pages/consult/index',
    'pages/mine/index',
    'pages/search/index',
    'pages/hospital/index',
    'pages/doctor/index',
    'pages/settings/index',
    'pages/privacy-policy/index',
    'pages/privacy-settings/index',
  ],
  // Everything else is a subpackage, src/subpackages/<name>/<page>/index, loaded when the
  // user first goes there: the main package stays small as features arrive (each new one is
  // its own subpackage). The back end's notices point at consult/chat and workbench/home
  // (contract/consult/items.ts).
  subPackages: [
    {
      // REG, DEV, IDV, DEL: the pages of the user and account functions.
      root: 'subpackages/account',
      pages: [
        'login/index',
        'profile/index',
        'settings/index',
        'devices/index',
        'identity/index',
        'delete-account/index',
        'export/index',
      ],
    },
    // 图文咨询 for the signed-in: the form, the 模拟支付 sandbox and the chat.
    { root: 'subpackages/consult', pages: ['create/index', 'pay/index', 'chat/index'] },
    // 预约挂号: a doctor's schedule, 确认预约, the 模拟支付 sandbox, the result, 我的预约 and its detail.
    {
      root: 'subpackages/booking',
      pages: [
        'schedule/index',
        'confirm/index',
        'pay/index',
        'result/index',
        'list/index',
        'detail/index',
      ],
    },
    // 就诊人管理 and 我的病历 (IDV, PI): the family members one consults for and their records.
    {
      root: 'subpackages/family',
      pages: [
        'patients/index',
        'patient-form/index',
        'records/index',
        'record-form/index',
        'record/index',
      ],
    },
    // The doctor's workbench: binding with an invite code, the queue.
    { root: 'subpackages/workbench', pages: ['home/index', 'queue/index'] },
    // The two lists of 工信部信管函〔2021〕292号 and what is kept about me (PIPL art. 44).
    { root: 'subpackages/privacy', pages: ['lists/index'] },
    // 视频咨询's call screen: WebRTC in the browser, TRTC (trtc-wx-sdk) in WeChat.
    { root: 'subpackages/call', pages: ['room/index'] },
    // 客服与反馈 (CS, SEC; PIPL art. 50): FAQ, tickets, questionnaires.
    {
      root: 'subpackages/support',
      pages: ['home/index', 'create/index', 'tickets/index', 'ticket/index', 'survey/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '上海助医',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    color: '#7a7e85',
    selectedColor: '#1677ff',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/consult/index',
        text: '咨询',
        iconPath: 'assets/tab/consult.png',
        selectedIconPath: 'assets/tab/consult-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  // LOC: the only scope with a `permission` entry (WeChat shows its purpose in the dialog);
  // camera, album and microphone are asked at the moment of use (src/platform/permissions/flow.ts).
  permission: {
    'scope.userLocation': { desc: '用于为您推荐附近的医院和医生' },
  },
  // The one location API the code calls (src/platform/location/location.weapp.ts).
  requiredPrivateInfos: ['getLocation'],
  // POL: WeChat's privacy prompt goes through onNeedPrivacyAuthorization to our own popup.
  __usePrivacyCheck__: true,
  // Only the components a page actually renders are injected at start-up (WeChat's
  // recommended setting; it also shortens the first launch).
  lazyCodeLoading: 'requiredComponents',
});
