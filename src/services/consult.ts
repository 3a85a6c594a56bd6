import type { ActionName, InputOf, OutputOf } from '../../contract';
// Runtime values only from the zod-free part of the contract (keeps zod out of the bundle).
import { CONSULT_ERROR_REASONS } from '../../contract/consult/items';
import { call } from './client';
import { toServiceError } from './errors';

/** The consult function (CAM, ALB, PI, CS, SEC), one wrapper per action. */
type Action = ActionName<'consult'>;
type In<A extends Action> = InputOf<'consult', A>;
type Out<A extends Action> = Promise<OutputOf<'consult', A>>;

const c =
  <A extends Action>(action: A) =>
  (input: In<A>): Out<A> =>
    call('consult', action, input);

export const consultConfig = () => call('consult', 'config', {});
export const uploadAttachment = c('uploadAttachment');
export const createConsult = c('create');
export const payConsult = c('pay');
export const sandboxConfirm = c('sandboxConfirm');
export const cancelConsult = c('cancel');
export const getConsult = c('get');
export const listConsults = c('list');
export const sendMessage = c('sendMessage');
export const listMessages = c('listMessages');
export const bindDoctor = c('bindDoctor');
export const workbench = () => call('consult', 'workbench', {});
export const queue = c('queue');
export const acceptConsult = c('accept');
export const closeConsult = c('close');

export type ConsultViewData = OutputOf<'consult', 'get'>;
export type MessageData = OutputOf<'consult', 'sendMessage'>;
export type SummaryData = OutputOf<'consult', 'list'>['items'][number];

/** What to tell the user about a failed consult call: the reason's text when we know it. */
export function consultErrorText(error: unknown): string {
  const e = toServiceError(error);
  const reason = e.details?.reason;
  if (typeof reason === 'string' && reason in CONSULT_ERROR_REASONS) {
    return CONSULT_ERROR_REASONS[reason as keyof typeof CONSULT_ERROR_REASONS];
  }
  return e.message;
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A client message id (CLIENT_MSG_ID_PATTERN): made once per message and reused on every
 * retry, so a resend after a lost answer cannot post the message twice. Uniqueness, not
 * secrecy, is what matters here, so Math.random is an acceptable fallback.
 */
export function newClientMsgId(): string {
  const bytes = new Uint8Array(20);
  if (typeof globalThis.crypto?.getRandomValues === 'function') {
    globalThis.crypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  return 'm' + Array.from(bytes, (b) => ID_CHARS[b % ID_CHARS.length]).join('');
}
