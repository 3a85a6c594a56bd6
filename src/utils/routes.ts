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
} as const;

export function go(url: string): void {
  void Taro.navigateTo({ url }).catch(() => {
    // Page stack full (10 deep on weapp): replace the current page instead of failing.
    void Taro.redirectTo({ url });
  });
}
