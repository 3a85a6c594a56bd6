import type { ActionName, InputOf, OutputOf } from '../../contract';
// Runtime values only from the zod-free part of the contract (keeps zod out of the bundle).
import { CALL_ERROR_REASONS } from '../../contract/call/items';
import { call } from './client';
import { toServiceError } from './errors';

/** The call function: 视频咨询 calls (CAM, MIC, TPS; issue 14), one wrapper per action. */
type Action = ActionName<'call'>;
type In<A extends Action> = InputOf<'call', A>;
type Out<A extends Action> = Promise<OutputOf<'call', A>>;

const c =
  <A extends Action>(action: A) =>
  (input: In<A>): Out<A> =>
    call('call', action, input);

export const startCall = c('start');
export const acceptCall = c('accept');
export const declineCall = c('decline');
export const sendSignal = c('signal');
export const hangupCall = c('hangup');
export const getCall = c('get');
export const callCredentials = c('credentials');

export type CallViewData = OutputOf<'call', 'get'>;
export type SignalInput = In<'signal'>;

/** The reason a call action failed (details.reason), when the server gave one we know. */
export function callErrorReason(error: unknown): keyof typeof CALL_ERROR_REASONS | null {
  const reason = toServiceError(error).details?.reason;
  return typeof reason === 'string' && reason in CALL_ERROR_REASONS
    ? (reason as keyof typeof CALL_ERROR_REASONS)
    : null;
}

/** What to tell the user about a failed call action: the reason's text when we know it. */
export function callErrorText(error: unknown): string {
  const reason = callErrorReason(error);
  return reason ? CALL_ERROR_REASONS[reason] : toServiceError(error).message;
}
