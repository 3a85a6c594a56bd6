import Taro from '@tarojs/taro';

/** Every page path in one place, so a rename cannot leave a dead link behind. */
export const routes = {
  home: '/pages/home/index',
  consult: '/pages/consult/index',
  mine: '/pages/mine/index',
  settings: '/pages/settings/index',
  privacyPolicy: '/pages/privacy-policy/index',
  privacySettings: '/pages/privacy-settings/index',
  search: '/pages/search/index',
  hospital: (id: string) => `/pages/hospital/index?id=${encodeURIComponent(id)}`,
  doctor: (id: string) => `/pages/doctor/index?id=${encodeURIComponent(id)}`,
  // Account pages live in a subpackage, loaded only when the user gets there (REG, DEV, IDV).
  login: (redirect?: string) =>
    '/packages/account/login/index' + (redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''),
  profile: '/packages/account/profile/index',
  accountSettings: '/packages/account/settings/index',
  devices: '/packages/account/devices/index',
  identity: '/packages/account/identity/index',
  deleteAccount: '/packages/account/delete-account/index',
  exportData: '/packages/account/export/index',
  // Consultation (CAM, ALB, PI, CS, SEC); the doctor workbench is its own subpackage.
  consultCreate: (doctorId: string) =>
    `/pages/consult-create/index?doctorId=${encodeURIComponent(doctorId)}`,
  consultChat: (id: string) => `/pages/consult-chat/index?id=${encodeURIComponent(id)}`,
  workbench: '/doctor/pages/workbench/index',
  doctorQueue: '/doctor/pages/queue/index',
} as const;

/** Pages of the tab bar: reached with switchTab, never navigateTo/redirectTo. */
export const TAB_PAGES: readonly string[] = [routes.home, routes.consult, routes.mine];

export function go(url: string): void {
  void Taro.navigateTo({ url }).catch(() => {
    // Page stack full (10 deep on weapp): replace the current page instead of failing.
    void Taro.redirectTo({ url });
  });
}
