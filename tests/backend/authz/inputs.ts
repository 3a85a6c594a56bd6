/** For every action, a valid input naming the owner's (alice's) objects in the world. */
import type { Caller } from '../../../backend/core/context';
import { POLICY_VERSION } from '../../../contract/privacy/policy';
import { SENSITIVE_CONSENTS } from '../../../contract/privacy/sensitive-consents';
import { device, lastCode } from '../user/support';
import { SDP } from '../call/support';
import {
  alice,
  ALICE_ID,
  ALICE_NAME,
  drLi,
  drWang,
  eve,
  PAID_DOCTOR,
  pdfUpload,
  upload,
} from '../patients/support';
import { DEMO_SURVEY_ID } from '../../../backend/survey/seed';
import type { World } from './world';

/** An input may depend on who calls (a code sent to their phone) and be prepared (async). */
type Input = (w: World, who: Caller | null) => unknown;
type Inputs = Record<string, Record<string, Input>>;

/** The phone each account registered with (setupWorld). */
const PHONES: Record<string, string> = {
  [alice.openid]: '13800000001',
  [eve.openid]: '13800000002',
  [drWang.openid]: '13800000003',
  [drLi.openid]: '13800000004',
};

/** alice gave the 设备信息 consent (world.ts): her user calls say which phone she is on. */
const deviceOf = (who: Caller | null) => (who === alice ? { device: device('alice-phone') } : {});

/** A verify code sent to the caller's own phone, as the deletion screen asks for. */
async function verifyCode(w: World, who: Caller | null): Promise<string> {
  if (!who) return '000000';
  await w.env.call('user', { action: 'sendCode', data: { purpose: 'verify' } }, who);
  return lastCode(w.env, PHONES[who.openid]);
}

export const INPUTS: Inputs = {
  account: {
    deletionPreview: () => ({}),
    delete: async (w, who) => ({ confirm: true, code: await verifyCode(w, who) }),
    deletionStatus: () => ({}),
    export: () => ({}),
  },
  booking: {
    schedule: () => ({ doctorId: PAID_DOCTOR }),
    book: (w) => ({ slotId: w.slotId, patientId: w.patientId, clientRequestId: 'req-matrix-1' }),
    pay: (w) => ({ appointmentId: w.appointmentId }),
    // The owner's sandbox order exists once she has tapped 去支付; 取消 leaves it 待支付.
    sandboxConfirm: async (w) => {
      const pay = { action: 'pay', data: { appointmentId: w.appointmentId } };
      await w.env.call('booking', pay, alice);
      return { appointmentId: w.appointmentId, outcome: 'cancelled' };
    },
    cancel: (w) => ({ appointmentId: w.appointmentId }),
    list: () => ({}),
    get: (w) => ({ id: w.appointmentId }),
    setSlots: () => ({
      date: '2026-12-05',
      periods: [{ period: 'am', open: false, capacity: 0, feeFen: 0 }],
    }),
    stopSlot: (w) => ({ slotId: w.slotId }),
    roster: () => ({ date: '2026-12-01' }),
    checkIn: (w) => ({ appointmentId: w.appointmentId, code: '123456' }),
  },
  call: {
    start: (w) => ({ consultId: w.consultId }),
    accept: (w) => ({ callId: w.callId }),
    decline: (w) => ({ callId: w.callId }),
    signal: (w) => ({ callId: w.callId, kind: 'offer', payload: { sdp: SDP } }),
    hangup: (w) => ({ callId: w.callId }),
    get: (w) => ({ callId: w.callId }),
    credentials: (w) => ({ callId: w.callId }),
  },
  catalog: {
    listHospitals: () => ({}),
    getHospital: () => ({ id: 'h1' }),
    listDoctors: () => ({}),
    getDoctor: () => ({ id: PAID_DOCTOR }),
    listDepartments: () => ({}),
    search: () => ({ q: '王医生' }),
    suggest: () => ({ q: '心内' }),
    nearby: () => ({ lat: 31.2, lng: 121.4, kind: 'doctor' }),
    recommend: () => ({ kind: 'doctor' }),
  },
  consult: {
    config: () => ({}),
    uploadAttachment: () => ({ image: upload('jpeg', 300, 5) }),
    getAttachment: (w) => ({ consultId: w.consultId, key: w.photoKey }),
    create: (w) => ({
      doctorId: PAID_DOCTOR,
      patient: { kind: 'patient', patientId: w.patientId },
      description: '父亲咳嗽三天，夜里加重。',
    }),
    pay: (w) => ({ consultId: w.consultId }),
    sandboxConfirm: (w) => ({ orderId: w.orderId, outcome: 'paid' }),
    cancel: (w) => ({ consultId: w.consultId }),
    get: (w) => ({ consultId: w.consultId }),
    list: () => ({}),
    sendMessage: (w) => ({ consultId: w.consultId, clientMsgId: 'cmsg-matrix-01', text: '你好' }),
    listMessages: (w) => ({ consultId: w.consultId }),
    notices: () => ({}),
    markRead: () => ({ all: true }),
    bindDoctor: () => ({ code: 'ABCDEFGHJKMN' }),
    workbench: () => ({}),
    queue: () => ({}),
    setVideoOffer: () => ({ offer: null }),
    accept: (w) => ({ consultId: w.consultId }),
    close: (w) => ({ consultId: w.consultId, summary: '注意休息' }),
  },
  patients: {
    list: () => ({}),
    get: (w) => ({ patientId: w.patientId }),
    add: () => ({
      relation: '子女',
      name: '张小明',
      document: { idType: 'none', birthDate: '2015-03-01', sex: 'male' },
      declaration: { agreed: true, guardian: true },
    }),
    update: (w) => ({ patientId: w.patientId, allergies: '无' }),
    remove: (w) => ({ patientId: w.patientId, confirm: true }),
  },
  privacy: {
    getPolicy: () => ({}),
    getSupplement: () => ({}),
    recordConsent: () => ({ policyVersion: POLICY_VERSION }),
    listConsents: () => ({}),
    withdrawConsent: () => ({ item: 'analytics' }),
    personalInfoLists: () => ({}),
    recordSensitiveConsent: () => ({ item: 'health', version: SENSITIVE_CONSENTS.health.version }),
  },
  records: {
    list: (w) => ({ patientId: w.patientId }),
    get: (w) => ({ recordId: w.recordId }),
    create: (w) => ({
      patientId: w.patientId,
      kind: '检查报告',
      date: '2026-11-21',
      hospital: { name: '华山医院' },
    }),
    update: (w) => ({ recordId: w.recordId, notes: '改过' }),
    remove: (w) => ({ recordId: w.recordId }),
    uploadAttachment: (w) => ({ recordId: w.recordId, file: pdfUpload(0x21) }),
    getAttachment: (w) => ({ recordId: w.recordId, attachmentId: w.attachmentId }),
    share: (w) => ({ consultId: w.consultId, recordIds: [w.recordId] }),
    unshare: (w) => ({ consultId: w.consultId, recordId: w.recordId }),
    listShares: (w) => ({ consultId: w.consultId }),
    accessLog: (w) => ({ recordId: w.recordId }),
    sharedList: (w) => ({ consultId: w.consultId }),
    sharedGet: (w) => ({ consultId: w.consultId, recordId: w.recordId }),
    sharedAttachment: (w) => ({
      consultId: w.consultId,
      recordId: w.recordId,
      attachmentId: w.attachmentId,
    }),
  },
  support: {
    createTicket: (w) => ({
      category: '订单与退款',
      text: '想问问这次咨询的退款',
      consultId: w.consultId,
    }),
    listTickets: () => ({}),
    getTicket: (w) => ({ ticketId: w.ticketId }),
    reply: (w) => ({ ticketId: w.ticketId, text: '补充一下情况' }),
    close: (w) => ({ ticketId: w.ticketId }),
    rate: (w) => ({ ticketId: w.ticketId, score: 5 }),
  },
  survey: {
    listOpen: () => ({}),
    get: () => ({ surveyId: DEMO_SURVEY_ID }),
    submit: () => ({ surveyId: DEMO_SURVEY_ID, answers: [{ questionId: 'overall', value: 4 }] }),
  },
  telemetry: {
    track: () => ({
      events: [{ name: 'page_view', at: '2026-11-30T08:00:00Z', props: { page: 'home' } }],
    }),
  },
  user: {
    sendCode: () => ({ purpose: 'verify' }),
    register: (w, who) => ({ phone: '13800000001', code: '000000', ...deviceOf(who) }),
    loginWithWeChatPhone: (w, who) => {
      // The fake WeChat port answers the caller's own phone number.
      w.env.wechat.answers.splice(0, Infinity, {
        phone: who ? PHONES[who.openid] : '13800000009',
        countryCode: '86',
      });
      return { code: 'wx-code-0001', ...deviceOf(who) };
    },
    me: (w, who) => deviceOf(who),
    verifyDevice: async (w, who) => ({ code: await verifyCode(w, who), ...deviceOf(who) }),
    updateProfile: () => ({ nickname: '新昵称' }),
    listDevices: () => ({}),
    removeDevice: (w) => ({ deviceId: w.deviceId }),
    logout: () => ({}),
    submitIdentity: () => ({
      name: ALICE_NAME,
      idNumber: ALICE_ID,
      idPhoto: upload('jpeg', 300, 3),
      facePhoto: upload('jpeg', 300, 4),
      consent: true,
    }),
    getIdentity: () => ({}),
  },
};
