import type { CollectionSpec } from './ports/document-store';

/**
 * Every collection, how it is indexed and searched. The SQLite adapter creates its
 * tables from this list; for CloudBase, `npm run build:functions` prints the indexes
 * to create. Personal-data collections also appear in the personal data map.
 */
/** Catalog documents kept parsed per collection (about 1 KB each): the nearby/search hot set. */
const CATALOG_CACHE_DOCS = 20_000;

export const HOSPITALS: CollectionSpec = {
  name: 'hospitals',
  indexes: ['district', 'grade', 'gradeRank', 'name'],
  geo: 'location',
  // keywords: aliases, department synonyms, pinyin (catalog/lexicon/keywords.ts).
  text: ['name', 'shortName', 'departmentsText', 'keywords'],
  searchTieBreak: [
    ['gradeRank', 'asc'],
    ['name', 'asc'],
  ],
  cacheDocs: CATALOG_CACHE_DOCS,
};

export const DOCTORS: CollectionSpec = {
  name: 'doctors',
  indexes: [
    'hospitalId',
    'department',
    'title',
    'titleRank',
    'rating',
    'name',
    'hospitalGradeRank',
    'district',
    'consultPrice',
  ],
  geo: 'location',
  text: ['name', 'department', 'specialtiesText', 'hospitalName', 'keywords'],
  searchTieBreak: [
    ['titleRank', 'asc'],
    ['rating', 'desc'],
  ],
  cacheDocs: CATALOG_CACHE_DOCS,
};

/** Department names with doctor counts, rebuilt by seed/import so listDepartments never scans doctors. */
export const DEPARTMENTS: CollectionSpec = {
  name: 'departments',
  indexes: ['name', 'doctorCount'],
};

/** POL: one record per consent change, per policy version; the latest is the state. */
export const CONSENTS: CollectionSpec = {
  name: 'consents',
  indexes: ['owner', 'policyVersion', 'seq'],
};

/** SDK: statistics events, only from callers who consented to 统计分析. */
export const ANALYTICS_EVENTS: CollectionSpec = {
  name: 'analyticsEvents',
  // receivedAt: the 180-day retention sweep ages events by it (contract/privacy/retention.ts).
  indexes: ['owner', 'name', 'at', 'receivedAt'],
};

/** REG: one account per caller, `_id` = owner = openid. Phone encrypted, with an HMAC for lookup. */
export const USERS: CollectionSpec = {
  name: 'users',
  indexes: ['owner', 'phoneHash'],
};

/** REG: one phone ↔ one account: `_id` is the phone's HMAC, so a second binding is a duplicate id. */
export const PHONE_BINDINGS: CollectionSpec = {
  name: 'phoneBindings',
  indexes: ['owner'],
};

/** REG: the live SMS code per (purpose, phone, caller), as an HMAC; compare-and-set on nonce/attempts. */
export const SMS_CODES: CollectionSpec = {
  name: 'smsCodes',
  indexes: ['owner', 'nonce', 'used', 'attempts', 'expiresAt'],
};

/** REG: rate-limit counters and cooldowns, keyed by an HMAC of phone/caller/IP and the day. */
export const RATE_COUNTERS: CollectionSpec = {
  name: 'rateCounters',
  indexes: ['expiresAt'],
};

/** DEV: devices an account logged in from (only with the 设备信息 consent). */
export const LOGIN_DEVICES: CollectionSpec = {
  name: 'loginDevices',
  indexes: ['owner', 'trusted', 'lastSeen'],
};

/** IDV: real-name verification, `_id` = owner; name, ID number and photos encrypted. */
export const IDENTITIES: CollectionSpec = {
  name: 'identities',
  indexes: ['owner', 'status'],
};

/** CloudBase FileStore: storage key → cloud fileID (cloud storage cannot be listed by prefix). */
export const FILES: CollectionSpec = {
  name: 'files',
  indexes: ['key'],
};

/**
 * CAM/ALB/PI/SEC: one consultation (= one order). `patientOpenid`/`doctorOpenid` are also
 * what database-rules.json checks for the weapp watch. Description, 就诊人 name, summary and
 * the last-message preview are encrypted. Sort keys are `<time>#<id>` for cursor paging.
 */
export const CONSULTS: CollectionSpec = {
  name: 'consults',
  indexes: [
    'patientOpenid',
    'doctorOpenid',
    'doctorId',
    'status',
    'sortKey',
    'queueKey',
    'deadlineAt',
    'createdAt',
    'refundStatus',
    'refundClaimedAt',
    'seq',
  ],
};

/** Consult messages, ordered by `seq`; text encrypted; `_id` derived from the client's message id. */
export const CONSULT_MESSAGES: CollectionSpec = {
  name: 'consultMessages',
  indexes: ['consultId', 'seq', 'patientOpenid', 'doctorOpenid'],
};

/** CAM/ALB: uploaded consult pictures (the file lives in the FileStore under the uploader's prefix). */
export const CONSULT_UPLOADS: CollectionSpec = {
  name: 'consultUploads',
  indexes: ['owner', 'consultId', 'patientOpenid', 'attached', 'at'],
};

/** CS: links outside the allow list seen in consultations (risk control). */
export const RISKY_URLS: CollectionSpec = {
  name: 'riskyUrls',
  indexes: ['consultId', 'owner', 'host', 'at'],
};

/** Doctor workbench: one-time invite codes, stored as an HMAC (`_id`). */
export const DOCTOR_INVITES: CollectionSpec = {
  name: 'doctorInvites',
  indexes: ['doctorId', 'owner', 'used', 'expiresAt'],
};

/** One doctor ↔ one account: `_id` = doctorId here, `_id` = the account's openid in DOCTOR_ACCOUNTS. */
export const DOCTOR_BINDINGS: CollectionSpec = {
  name: 'doctorBindings',
  indexes: ['owner'],
};

export const DOCTOR_ACCOUNTS: CollectionSpec = {
  name: 'doctorAccounts',
  indexes: ['owner', 'doctorId'],
};

/** In-app notices (the local Notifier, and beside subscribe messages on weapp). */
export const NOTICES: CollectionSpec = {
  name: 'notices',
  // consultId: account deletion clears the doctor's notices of a deleted patient's consults.
  indexes: ['owner', 'read', 'sortKey', 'consultId'],
};

/** The local payment sandbox's orders (never used with real payments). */
export const SANDBOX_PAYMENTS: CollectionSpec = {
  name: 'sandboxPayments',
  indexes: ['owner', 'status'],
};

/**
 * DEL: one account deletion job per identity, `_id` from an HMAC of the openid. While it
 * runs it holds the openid encrypted (so the timer sweep can finish it); once done, only
 * the receipt: times and counts (backend/account).
 */
export const DELETION_JOBS: CollectionSpec = {
  name: 'deletionJobs',
  // version: every job write is a compare-and-set on it.
  indexes: ['state', 'updatedAt', 'version'],
};

/**
 * DEL 3: paid orders of deleted accounts, kept for reconciliation with the payment provider
 * without any link to the account: amounts, times, payment and refund state, refund forfeited.
 */
export const ORDER_ARCHIVE: CollectionSpec = {
  name: 'orderArchive',
  indexes: ['archivedAt'],
};

/**
 * 就诊人 (PIPL art. 28/31): the people an account consults for. `_id` is one of the owner's
 * MAX_PATIENTS slots (an HMAC of owner and slot), so the cap holds under concurrent adds
 * without a query in a transaction. Name, ID number, phone and health notes encrypted.
 */
export const PATIENTS: CollectionSpec = {
  name: 'patients',
  indexes: ['owner', 'relation', 'documentHash', 'createdAt'],
};

/** 个人病历 of a 就诊人; sortKey `<date>#<createdAt>#<_id>` pages newest first. Files encrypted. */
export const MEDICAL_RECORDS: CollectionSpec = {
  name: 'medicalRecords',
  indexes: ['owner', 'patientId', 'sortKey', 'version'],
};

/** SEC: a record shared with one consult's doctor; `_id` = `s_<consultId>_<recordId>`. */
export const RECORD_SHARES: CollectionSpec = {
  name: 'recordShares',
  indexes: ['owner', 'consultId', 'recordId', 'patientId', 'sharedAt'],
};

/** SEC/DISC: every read of a shared record by a doctor, for the patient to see. */
export const RECORD_ACCESS_LOG: CollectionSpec = {
  name: 'recordAccessLog',
  indexes: ['owner', 'recordId', 'consultId', 'sortKey'],
};

/** 预约挂号: a hospital's booking configuration, `_id` = hospitalId (backend/booking/config.ts). */
export const BOOKING_CONFIGS: CollectionSpec = {
  name: 'bookingConfigs',
  indexes: ['adapter'],
};

/** The platform's own schedule: one slot per doctor, date and period (`_id` from them). */
export const BOOKING_SLOTS: CollectionSpec = {
  name: 'bookingSlots',
  indexes: ['doctorId', 'hospitalId', 'date', 'remaining', 'capacity', 'stopped'],
};

/** One appointment (= one payment order, `_id` is the outTradeNo); `owner` is the booking account. */
export const APPOINTMENTS: CollectionSpec = {
  name: 'appointments',
  indexes: [
    'owner',
    'slotId',
    'doctorId',
    'date',
    'status',
    'holdUntil',
    'visitEndAt',
    'refundStatus',
    'refundClaimedAt',
    'remindedAt',
    'sortKey',
  ],
};

/** Booking rule guards with deterministic ids (backend/booking/model.ts); `owner` = the account. */
export const BOOKING_GUARDS: CollectionSpec = {
  name: 'bookingGuards',
  indexes: ['owner', 'kind', 'expiresAt', 'count'],
};

/** 视频咨询: one booked slot per (doctor, slot start), `_id` deterministic (backend/consult/video.ts). */
export const VIDEO_SLOTS: CollectionSpec = {
  name: 'videoSlots',
  indexes: ['doctorId', 'slot', 'consultId', 'patientOpenid'],
};

/**
 * CAM/MIC: video calls of consults — metadata only (who rang, start, answer, end, duration,
 * who ended it), never audio or video. `dueAt` is when the sweep must look at a live call.
 */
export const CALLS: CollectionSpec = {
  name: 'calls',
  indexes: [
    'consultId',
    'patientOpenid',
    'doctorOpenid',
    'state',
    'dueAt',
    'startedAt',
    // signal: compare-and-set on each side's count.
    'signalsByPatient',
    'signalsByDoctor',
  ],
};

/** One live call per consult: `_id` = consultId, so a second `start` finds it by id (backend/call). */
export const ACTIVE_CALLS: CollectionSpec = {
  name: 'activeCalls',
  indexes: ['callId', 'patientOpenid', 'doctorOpenid'],
};

/**
 * CS/SEC (issue 16): 客服 tickets. The first words are encrypted; `sortKey` `<createdAt>#<id>`
 * pages newest first; `messageCount` is the compare-and-set of each new message.
 */
export const SUPPORT_TICKETS: CollectionSpec = {
  name: 'supportTickets',
  indexes: ['owner', 'status', 'priority', 'dueDate', 'sortKey', 'messageCount', 'rated'],
};

/** A ticket's conversation, `_id` = `<ticketId>_<seq>`; text encrypted. */
export const SUPPORT_MESSAGES: CollectionSpec = {
  name: 'supportMessages',
  indexes: ['ticketId', 'owner', 'seq'],
};

/** CS: the operator's questionnaires (no personal data). */
export const SURVEYS: CollectionSpec = {
  name: 'surveys',
  indexes: ['status', 'audience', 'createdAt'],
};

/** CS: one answer per account per survey: `_id` is an HMAC of both, so a second insert is a duplicate. */
export const SURVEY_ANSWERS: CollectionSpec = {
  name: 'surveyAnswers',
  indexes: ['owner', 'surveyId', 'submittedAt'],
};

export const COLLECTIONS: CollectionSpec[] = [
  HOSPITALS,
  DOCTORS,
  DEPARTMENTS,
  CONSENTS,
  ANALYTICS_EVENTS,
  USERS,
  PHONE_BINDINGS,
  SMS_CODES,
  RATE_COUNTERS,
  LOGIN_DEVICES,
  IDENTITIES,
  FILES,
  CONSULTS,
  CONSULT_MESSAGES,
  CONSULT_UPLOADS,
  RISKY_URLS,
  DOCTOR_INVITES,
  DOCTOR_BINDINGS,
  DOCTOR_ACCOUNTS,
  NOTICES,
  SANDBOX_PAYMENTS,
  DELETION_JOBS,
  ORDER_ARCHIVE,
  PATIENTS,
  MEDICAL_RECORDS,
  RECORD_SHARES,
  RECORD_ACCESS_LOG,
  BOOKING_CONFIGS,
  BOOKING_SLOTS,
  APPOINTMENTS,
  BOOKING_GUARDS,
  VIDEO_SLOTS,
  CALLS,
  ACTIVE_CALLS,
  SUPPORT_TICKETS,
  SUPPORT_MESSAGES,
  SURVEYS,
  SURVEY_ANSWERS,
];
