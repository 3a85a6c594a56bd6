import type { ActionName, InputOf, OutputOf } from '../../contract';
// Runtime values only from the zod-free part of the contract (keeps zod out of the bundle).
import { RECORD_ERROR_REASONS } from '../../contract/records/items';
import { REQUIREMENT_REASONS } from '../../contract/privacy/requirements';
import { call } from './client';
import { toServiceError } from './errors';

/** The records function: 个人病历 and sharing them with a consult's doctor (PI, SEC). */
type Action = ActionName<'records'>;
type In<A extends Action> = InputOf<'records', A>;
type Out<A extends Action> = Promise<OutputOf<'records', A>>;

const c =
  <A extends Action>(action: A) =>
  (input: In<A>): Out<A> =>
    call('records', action, input);

export const listRecords = c('list');
export const getRecord = c('get');
export const createRecord = c('create');
export const updateRecord = c('update');
export const removeRecord = c('remove');
export const uploadRecordAttachment = c('uploadAttachment');
export const getRecordAttachment = c('getAttachment');
export const shareRecords = c('share');
export const unshareRecord = c('unshare');
export const listShares = c('listShares');
export const recordAccessLog = c('accessLog');
export const sharedRecords = c('sharedList');
export const getSharedRecord = c('sharedGet');
export const getSharedAttachment = c('sharedAttachment');

export type RecordSummaryData = OutputOf<'records', 'list'>['items'][number];
export type RecordData = OutputOf<'records', 'get'>;
export type SharesData = OutputOf<'records', 'listShares'>;
export type AccessEntryData = OutputOf<'records', 'accessLog'>['items'][number];

/** What to tell the user about a failed records call: the reason's text when we know it. */
export function recordErrorText(error: unknown): string {
  const e = toServiceError(error);
  const reason = e.details?.reason;
  if (typeof reason === 'string' && reason in RECORD_ERROR_REASONS) {
    return RECORD_ERROR_REASONS[reason as keyof typeof RECORD_ERROR_REASONS];
  }
  if (typeof reason === 'string' && reason in REQUIREMENT_REASONS) {
    return REQUIREMENT_REASONS[reason as keyof typeof REQUIREMENT_REASONS];
  }
  return e.message;
}
