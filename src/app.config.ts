export default defineAppConfig({
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
    'pages/consult-create/index',
    'pages/consult-pay/index',
    'pages/consult-chat/index',
  ],
  // Account pages (REG, DEV, IDV) load only when the user goes there: a smaller main package.
  subPackages: [
    {
      root: 'packages/account',
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
    // The doctor workbench (the back end's notices point at doctor/pages/workbench/index).
    { root: 'doctor', pages: ['pages/workbench/index', 'pages/queue/index'] },
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
  // camera, album and microphone are asked at the moment of use (src/platform/permission-flow).
  permission: {
    'scope.userLocation': { desc: '用于为您推荐附近的医院和医生' },
  },
  // The one location API the code calls (src/platform/location.weapp.ts).
  requiredPrivateInfos: ['getLocation'],
  // POL: WeChat's privacy prompt goes through onNeedPrivacyAuthorization to our own popup.
  __usePrivacyCheck__: true,
  // Only the components a page actually renders are injected at start-up (WeChat's
  // recommended setting; it also shortens the first launch).
  lazyCodeLoading: 'requiredComponents',
});
