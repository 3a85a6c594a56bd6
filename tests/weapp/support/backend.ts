/**
 * wx.cloud.callFunction answered by the REAL back end: each `{name, data: {action, data}}`
 * goes through dispatch (contract input parsing, requirements, the handler, and the output
 * parsed by its contract schema — a drift fails the test) with a context whose caller is the
 * test's openid, as getWXContext() gives it on CloudBase. The store is the production one —
 * the CloudBase adapter — over the CloudBase emulator (tests/support/cloudbase-emulator), so
 * the built pages, the handlers and the store are exercised together. SMS is captured (a
 * test reads the code), payments go to the sandbox, notices to the store.
 */
import { deserialize, serialize } from 'node:v8';
import type { Caller, Ctx } from '../../../backend/core/context';
import { createSandboxPayment } from '../../../backend/adapters/local/sandbox-payment';
import { createStoreNotifier } from '../../../backend/consult/notices';
import { dispatch } from '../../../backend/core/dispatch';
import { createPatientDirectory } from '../../../backend/patients/directory';
import { findFunction } from '../../../backend/functions';
import { CHECKED, makeEnv, type TestEnv } from '../../backend/support/env';
import type { CloudCall } from './cloud';

export interface WeappBackend {
  env: TestEnv;
  /** The caller every call is made as (the openid WeChat would give the function). */
  caller: Caller;
  ctx: () => Ctx;
  /** The stub for `wx.cloud.callFunction`; its calls are what the page asked. */
  callFunction: jest.Mock<Promise<{ errMsg: string; result: unknown }>, [CloudCall]>;
  /** The code in the last SMS sent to `phone` (the fake sender captured it). */
  lastCode: (phone: string) => string;
  /** Calls an action directly as the caller (seeding what a test needs before the page). */
  call: (name: string, action: string, data?: unknown) => Promise<unknown>;
  /** What handlers logged as errors (an INTERNAL answer's cause). */
  errors: unknown[];
}

// The weapp project runs in jsdom, which does not expose Node's structuredClone; the emulator
// (as the platform's wire) copies every document with it. Node's own algorithm, via v8.
const g = globalThis as { structuredClone?: <T>(value: T) => T };
g.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;

export const TEST_OPENID = 'o-weapp-test-0000000000000000';

/** `subscribeTemplateIds`: the 订阅消息 templates the notifier offers (CloudBase's WX_SUBSCRIBE_TEMPLATE_ID). */
export function weappBackend(
  openid = TEST_OPENID,
  options: { subscribeTemplateIds?: string[] } = {},
): WeappBackend {
  const env = makeEnv(':memory:', 'cloudbase');
  const caller: Caller = { openid, clientIp: '203.0.113.9' };
  const base = env.ctx(caller);
  // A handler's INTERNAL error is kept, so a failing test can say what broke.
  const errors: unknown[] = [];
  const log = { ...base.log, error: (fields: unknown) => void errors.push(fields) };
  const ctx = (): Ctx => ({
    ...base,
    log,
    payment: createSandboxPayment({ store: env.store, clock: env.clock, random: env.random }),
    notifier: {
      ...createStoreNotifier({ store: env.store, random: env.random }),
      templateIds: options.subscribeTemplateIds ?? [],
    },
    // Booking reads 就诊人 from the patients function, as the local server wires it.
    patients: createPatientDirectory({ store: env.store, crypto: env.crypto }),
  });
  const run = async (name: string, body: unknown) => {
    const fn = findFunction(name);
    // What WeChat answers for a function that is not deployed.
    if (!fn) throw new Error(`cloud.callFunction:fail -501000 function ${name} not found`);
    return dispatch(fn, body, ctx(), CHECKED);
  };
  const callFunction = jest.fn(async ({ name, data }: CloudCall) => ({
    errMsg: 'cloud.callFunction:ok',
    // The body crosses the wire as JSON, as WeChat serialises it.
    result: JSON.parse(JSON.stringify(await run(name, JSON.parse(JSON.stringify(data))))),
  }));
  const call = async (name: string, action: string, data: unknown = {}) => {
    const answer = await run(name, { action, data });
    if (!answer.ok) {
      const detail = answer.error.code === 'INTERNAL' ? JSON.stringify(errors.at(-1)) : '';
      throw new Error(`${name}.${action}: ${answer.error.code} ${answer.error.message} ${detail}`);
    }
    return answer.data;
  };
  const lastCode = (phone: string) => {
    const message = [...env.sms.sent].reverse().find((m) => m.phone === phone);
    if (!message) throw new Error(`no SMS sent to ${phone}`);
    return message.code;
  };
  return { env, caller, ctx, callFunction, lastCode, call, errors };
}
