import type { CollectionSpec } from './ports/document-store';

/**
 * Every collection, how it is indexed and searched. The SQLite adapter creates its
 * tables from this list; for CloudBase, `npm run build:functions` prints the indexes
 * to create. Personal-data collections also appear in the personal data map.
 */
export const HOSPITALS: CollectionSpec = {
  name: 'hospitals',
  indexes: ['district', 'grade', 'gradeRank', 'name'],
  geo: 'location',
  text: ['name', 'shortName', 'departmentsText'],
  searchTieBreak: [
    ['gradeRank', 'asc'],
    ['name', 'asc'],
  ],
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
  ],
  geo: 'location',
  text: ['name', 'department', 'specialtiesText', 'hospitalName'],
  searchTieBreak: [
    ['titleRank', 'asc'],
    ['rating', 'desc'],
  ],
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
  indexes: ['owner', 'name', 'at'],
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
];
