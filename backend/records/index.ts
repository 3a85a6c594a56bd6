import { recordsActions } from '../../contract/records';
import type { BackendFunction } from '../core/action';
import { getAttachment, uploadAttachment } from './attachments';
import { create, get, list, remove, update } from './crud';
import { sharedAttachment, sharedGet, sharedList } from './doctor';
import { accessLog, listShares, share, unshare } from './shares';

export { recordFromConsult } from './from-consult';
export { purgePatientRecords } from './purge';

/**
 * Health information (PIPL art. 28/29): when dispatch enforces per-action requirements,
 * every action here needs the separate health-information consent of the caller — the
 * patient's for their own records and shares; the doctor's actions (sharedList, sharedGet,
 * sharedAttachment) read another person's records under that person's consent instead,
 * so they need the doctor binding, not the doctor's own health consent.
 */
export const RECORDS_HEALTH_CONSENT_ACTIONS = [
  'list',
  'get',
  'create',
  'update',
  'remove',
  'uploadAttachment',
  'getAttachment',
  'share',
  'unshare',
  'listShares',
  'accessLog',
] as const;

/** 个人病历 and sharing them with a consult's doctor (PI, SEC); see contract/records.ts. */
export const recordsFunction: BackendFunction<'records'> = {
  name: 'records',
  actions: recordsActions,
  handlers: {
    list,
    get,
    create,
    update,
    remove,
    uploadAttachment,
    getAttachment,
    share,
    unshare,
    listShares,
    accessLog,
    sharedList,
    sharedGet,
    sharedAttachment,
  },
};
