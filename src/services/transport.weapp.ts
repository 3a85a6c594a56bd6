import Taro from '@tarojs/taro';
import { ensureCloud } from '../platform/cloud';
import { transportError } from './errors';
import type { Transport } from './transport-types';

function errMsg(error: unknown): string {
  if (error && typeof error === 'object' && 'errMsg' in error) return String(error.errMsg);
  return error instanceof Error ? error.message : String(error);
}

/** WeChat: every function is a CloudBase cloud function; its return value is the envelope. */
export const transport: Transport = async (fn, action, data) => {
  ensureCloud();
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: { action, data } });
    return res.result;
  } catch (error) {
    // callFunction rejects only when no envelope came back: the phone is offline, or the
    // function itself failed to run (not deployed, crashed, over quota).
    const msg = errMsg(error);
    throw transportError(
      /timeout|network|request:fail/i.test(msg) ? 'network' : 'bad-response',
      msg,
    );
  }
};
