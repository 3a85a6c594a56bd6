import { ANALYTICS_EVENTS, CONSENTS } from '../collections';

/**
 * The personal data map (ARCHITECTURE.md): every collection that holds personal data,
 * whose it is, which fields are sensitive, and what account deletion does to it.
 * Deletion, export and the privacy manifest are driven by it; a test fails when a
 * collection with an owner field is missing here.
 */
export interface PersonalDataEntry {
  collection: string;
  /** The field holding the owner's identity (openid). */
  ownerField: string;
  /** Fields encrypted at rest and masked on output. */
  sensitive: string[];
  onDelete: 'delete' | 'anonymise';
  /** Policy clause(s) the data exists for. */
  clauses: string[];
  description: string;
}

export const PERSONAL_DATA: PersonalDataEntry[] = [
  {
    collection: CONSENTS.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['POL', 'DEV', 'SDK', 'TPS'],
    description: '隐私政策与各项授权的同意记录',
  },
  {
    collection: ANALYTICS_EVENTS.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['SDK'],
    description: '统计分析事件（仅在同意统计分析后记录）',
  },
];

/** Field names that mark a collection as holding someone's data. */
export const OWNER_FIELD_NAMES = ['owner', 'ownerId', 'openid', 'userId', 'patientId'];
