/**
 * wx.cloud.callFunction as the built app calls it: each call is answered by the test's own
 * `answer`, wrapped the way WeChat wraps a cloud function's result.
 *
 * Canned answers are untyped and prove nothing about the handlers: a new weapp test uses
 * `weappBackend()` (./backend.ts, the real handlers over the CloudBase emulator). Use this
 * only to simulate what the real back end will not do on request — a failure, an outage, a
 * platform service that is not there (TRTC's room credentials) — and say why in the test.
 */
import type { CloudCall } from './backend';

/** What `answer` is told of a call: the function, its action and the action's input. */
export interface CloudRequest {
  name: string;
  action: string;
  data: Record<string, unknown>;
}

export function cloudFunctions(answer: (request: CloudRequest) => unknown) {
  return jest.fn(async ({ name, data }: CloudCall) => ({
    errMsg: 'cloud.callFunction:ok',
    result: answer({ name, action: data.action, data: data.data }),
  }));
}

/** The envelope a function answers an action it was not expected to be asked. */
export function unexpected(what: string) {
  return { ok: false, error: { code: 'NOT_FOUND', message: `unexpected ${what}` } };
}

/** The stub `cloudFunctions` makes: its calls are what the page asked of the cloud. */
export type CloudFunctions = ReturnType<typeof cloudFunctions>;
