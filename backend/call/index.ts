import { callActions } from '../../contract/call';
import type { BackendFunction } from '../core/action';
import { accept, decline, get, hangup, start } from './lifecycle';
import { credentials, signal } from './relay';

export { runCallSweep } from './sweep';
export { callRecordsOf } from './records';

/** 视频咨询 calls (CAM, MIC, TPS; issue 14); see backend/call/README.md and docs/video.md. */
export const callFunction: BackendFunction<'call'> = {
  name: 'call',
  actions: callActions,
  handlers: { start, accept, decline, signal, hangup, get, credentials },
};
