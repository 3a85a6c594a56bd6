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

export const COLLECTIONS: CollectionSpec[] = [
  HOSPITALS,
  DOCTORS,
  DEPARTMENTS,
  CONSENTS,
  ANALYTICS_EVENTS,
];
