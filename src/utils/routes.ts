import Taro from '@tarojs/taro';
import { callPage } from '../../contract/call/items';

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
    '/subpackages/account/login/index' +
    (redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''),
  profile: '/subpackages/account/profile/index',
  accountSettings: '/subpackages/account/settings/index',
  devices: '/subpackages/account/devices/index',
  identity: '/subpackages/account/identity/index',
  deleteAccount: '/subpackages/account/delete-account/index',
  exportData: '/subpackages/account/export/index',
  // Consultation (CAM, ALB, PI, CS, SEC); the doctor workbench is its own subpackage.
  consultCreate: (doctorId: string, type: 'text' | 'video' = 'text') =>
    `/subpackages/consult/create/index?doctorId=${encodeURIComponent(doctorId)}` +
    (type === 'video' ? '&type=video' : ''),
  consultChat: (id: string) => `/subpackages/consult/chat/index?id=${encodeURIComponent(id)}`,
  personalInfoLists: '/subpackages/privacy/lists/index',
  // 视频咨询's call screen (its own subpackage: WebRTC in the browser, TRTC in WeChat).
  callRoom: (consultId: string, callId: string) => `/${callPage(consultId, callId)}`,
  workbench: '/subpackages/workbench/home/index',
  // 客服与反馈 (CS, SEC): FAQ, tickets and questionnaires.
  support: '/subpackages/support/home/index',
  supportCreate: '/subpackages/support/create/index',
  supportTickets: '/subpackages/support/tickets/index',
  supportTicket: (id: string) => `/subpackages/support/ticket/index?id=${encodeURIComponent(id)}`,
  survey: (id: string) => `/subpackages/support/survey/index?id=${encodeURIComponent(id)}`,
  // 就诊人 and 个人病历 (IDV, PI): their own subpackage.
  patients: '/subpackages/family/patients/index',
  patientForm: (id?: string) =>
    '/subpackages/family/patient-form/index' + (id ? `?id=${encodeURIComponent(id)}` : ''),
  records: (patientId?: string) =>
    '/subpackages/family/records/index' +
    (patientId ? `?patientId=${encodeURIComponent(patientId)}` : ''),
  recordForm: (patientId: string) =>
    `/subpackages/family/record-form/index?patientId=${encodeURIComponent(patientId)}`,
  record: (id: string) => `/subpackages/family/record/index?id=${encodeURIComponent(id)}`,
  // 预约挂号 (issue 13): the booking subpackage (paths in contract/booking/items.ts BOOKING_PAGES).
  bookingSchedule: (doctorId: string) =>
    `/subpackages/booking/schedule/index?doctorId=${encodeURIComponent(doctorId)}`,
  myAppointments: '/subpackages/booking/list/index',
  doctorQueue: '/subpackages/workbench/queue/index',
} as const;

/** Pages of the tab bar: reached with switchTab, never navigateTo/redirectTo. */
export const TAB_PAGES: readonly string[] = [routes.home, routes.consult, routes.mine];

export function go(url: string): void {
  void Taro.navigateTo({ url }).catch(() => {
    // Page stack full (10 deep on weapp): replace the current page instead of failing.
    void Taro.redirectTo({ url });
  });
}
