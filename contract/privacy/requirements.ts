/**
 * What each action needs before its handler may run (issue 11 point 11): the policy
 * consent (POL), the separate health-information consent (PIPL art. 29), the guardian's
 * consent for a child under 14 (art. 31), a third-party service's consent (TPS), a
 * verified identity (IDV). One row per action of every function — the type makes a
 * missing row a compile error and tests/unit/action-requirements.test.ts checks it at run
 * time. backend/core/dispatch.ts enforces the table, so no handler has to remember.
 *
 * Type-only imports: the table carries no zod, and the app can import it to explain.
 */
import type { ActionName, FnName, ParsedInputOf } from '../index';
import type { ThirdPartyService } from './consent-items';
import { GUARDIAN_AGE } from './sensitive-consents';

export type Requirement =
  'policy' | 'health' | 'guardian' | 'identity' | `thirdParty.${ThirdPartyService}`;

export interface RequirementRow<I = unknown> {
  needs: readonly Requirement[];
  /** A need that applies only to some inputs (a child patient, a registration code). */
  onlyWhen?: { [R in Requirement]?: (input: I) => boolean };
  /** Why the row is what it is, for the auditor reading the table. */
  why?: string;
}

export type RequirementTable = {
  [F in FnName]: { [A in ActionName<F>]: RequirementRow<ParsedInputOf<F, A>> };
};

/** The reason code in `error.details.reason` (FAILED_PRECONDITION) and what the app says. */
export const REQUIREMENT_REASONS = {
  policy_consent_required: '请先阅读并同意隐私政策',
  health_consent_required: '使用咨询、就诊人和病历前，请先阅读并单独同意处理您的健康信息',
  guardian_consent_required: '为不满十四周岁的就诊人咨询，需要监护人单独同意',
  third_party_consent_required: '该服务需由第三方提供，请先在隐私设置中单独同意',
  identity_required: '该服务需要先完成实名认证',
} as const;
export type RequirementReason = keyof typeof REQUIREMENT_REASONS;

export function reasonFor(need: Requirement): RequirementReason {
  if (need.startsWith('thirdParty.')) return 'third_party_consent_required';
  if (need === 'policy') return 'policy_consent_required';
  if (need === 'health') return 'health_consent_required';
  if (need === 'guardian') return 'guardian_consent_required';
  return 'identity_required';
}

const none: RequirementRow = { needs: [] };
const policy: RequirementRow = { needs: ['policy'] };
/** Rights that must work without (or after withdrawing) consent: PIPL art. 44–47. */
const right = (why: string): RequirementRow => ({ needs: [], why });

export const ACTION_REQUIREMENTS: RequirementTable = {
  account: {
    deletionPreview: right('PIPL art. 47: deletion never depends on consent'),
    delete: right('PIPL art. 47'),
    deletionStatus: right('PIPL art. 47'),
    export: right('PIPL art. 45: copy of one’s own data'),
  },
  catalog: {
    listHospitals: none,
    getHospital: none,
    listDoctors: none,
    getDoctor: none,
    listDepartments: none,
    search: none,
    // What is typed is not kept on the server; search history stays on the device (issue 17).
    suggest: none,
    // LOC: coordinates come only from a tap on 开启定位 and are not kept.
    nearby: none,
    recommend: none,
  },
  consult: {
    config: right('says nothing about anyone'),
    uploadAttachment: policy,
    getAttachment: policy,
    // The doctor's own offer (price and hours): no one else's data.
    setVideoOffer: policy,
    create: {
      needs: ['policy', 'health', 'guardian'],
      onlyWhen: {
        // kind 'patient' has no age in the input: backend/consult/patient.ts asks for the
        // guardian consent from the stored 就诊人's birth date (requireNeed).
        guardian: (input) => input.patient.kind === 'other' && input.patient.age < GUARDIAN_AGE,
      },
      why: 'PIPL art. 29 (health information), art. 31 (a 就诊人 under 14)',
    },
    pay: policy,
    sandboxConfirm: policy,
    cancel: right('stopping a consult never needs consent'),
    get: policy,
    list: policy,
    sendMessage: policy,
    listMessages: policy,
    notices: policy,
    markRead: policy,
    bindDoctor: policy,
    workbench: policy,
    queue: policy,
    accept: policy,
    close: policy,
  },
  call: {
    // The patient's health-information consent was checked when the consult was created.
    start: policy,
    accept: policy,
    decline: policy,
    signal: policy,
    hangup: right('ending a call never needs consent'),
    get: policy,
    // TPS: the only point where anything reaches TRTC (live audio and video, a pseudonym).
    credentials: {
      needs: ['policy', 'thirdParty.trtc'],
      why: 'TPS: Tencent TRTC carries the call',
    },
  },
  patients: {
    list: policy,
    get: policy,
    // Allergies and chronic conditions are health information; a child's details are a
    // minor's (the form takes the guardian's declaration, backend/patients).
    add: { needs: ['policy', 'health'], why: 'PIPL art. 28–29, 31' },
    update: { needs: ['policy', 'health'], why: 'PIPL art. 28–29' },
    remove: right('PIPL art. 47: removing data never needs consent'),
  },
  records: {
    list: right('PIPL art. 45: one’s own records stay readable after a withdrawal'),
    get: right('PIPL art. 45'),
    getAttachment: right('PIPL art. 45'),
    create: { needs: ['policy', 'health'], why: 'PIPL art. 29: medical records' },
    update: { needs: ['policy', 'health'], why: 'PIPL art. 29' },
    uploadAttachment: { needs: ['policy', 'health'], why: 'PIPL art. 29' },
    share: { needs: ['policy', 'health'], why: 'PIPL art. 29: shown to the consult’s doctor' },
    remove: right('PIPL art. 47'),
    unshare: right('PIPL art. 15: withdrawing a share'),
    listShares: right('PIPL art. 44'),
    accessLog: right('PIPL art. 44: who read what'),
    // The doctor's side: the patient's own health consent was checked when they shared.
    sharedList: policy,
    sharedGet: policy,
    sharedAttachment: policy,
  },
  booking: {
    schedule: none,
    book: policy,
    pay: policy,
    sandboxConfirm: policy,
    cancel: right('cancelling never needs consent'),
    list: policy,
    get: policy,
    setSlots: policy,
    stopSlot: policy,
    roster: policy,
    checkIn: policy,
  },
  privacy: {
    getPolicy: right('read before agreeing'),
    getSupplement: right('read before agreeing; public text, no caller'),
    recordConsent: right('the consent itself'),
    listConsents: right('PIPL art. 44: the consent history'),
    withdrawConsent: right('PIPL art. 15: withdrawal as easy as consent'),
    recordSensitiveConsent: policy,
    personalInfoLists: right('the lists are public; the counts are the caller’s own'),
  },
  // PIPL art. 50: the channel for requests and complaints works without (or after
  // withdrawing) any consent; it needs an account only to answer the right person.
  support: {
    createTicket: right('PIPL art. 50: requests and complaints never depend on consent'),
    listTickets: right('PIPL art. 50'),
    getTicket: right('PIPL art. 50'),
    reply: right('PIPL art. 50'),
    close: right('PIPL art. 50'),
    rate: right('PIPL art. 50'),
  },
  // CS: answers are collected under the policy; answering is optional.
  survey: {
    listOpen: policy,
    get: policy,
    submit: policy,
  },
  telemetry: {
    // SDK: the handler also refuses without the 统计分析 consent (an optional consent).
    track: policy,
  },
  user: {
    sendCode: {
      needs: ['policy'],
      onlyWhen: { policy: (input) => input.purpose === 'register' },
      why: 'a registration code collects the phone number; a verify code serves deletion',
    },
    register: policy,
    loginWithWeChatPhone: policy,
    me: right('the caller’s own state'),
    verifyDevice: policy,
    updateProfile: policy,
    listDevices: right('PIPL art. 45'),
    removeDevice: right('PIPL art. 47'),
    logout: right('never needs consent'),
    // IDV: its own separate consent is given with the submission (contract/user.ts).
    submitIdentity: policy,
    getIdentity: right('PIPL art. 45'),
  },
};

/** The needs of one action for one input; unknown actions need nothing (dispatch says NOT_FOUND). */
export function needsOf(fn: string, action: string, input: unknown): Requirement[] {
  const table = ACTION_REQUIREMENTS as unknown as Record<string, Record<string, RequirementRow>>;
  const row = Object.prototype.hasOwnProperty.call(table, fn) ? table[fn][action] : undefined;
  if (!row) return [];
  return row.needs.filter((need) => row.onlyWhen?.[need]?.(input) ?? true);
}
