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
import type { ActionName, FnName, InputOf, OutputOf } from '../../../contract';
import type { Caller, Ctx } from '../../../backend/core/context';
import { createSandboxPayment } from '../../../backend/adapters/local/sandbox-payment';
import { createStoreNotifier } from '../../../backend/consult/notices';
import { dispatch } from '../../../backend/core/dispatch';
import { createPatientDirectory } from '../../../backend/patients/directory';
import { findFunction } from '../../../backend/functions';
import { CHECKED, makeEnv, type TestEnv } from '../../backend/support/env';

/** What `wx.cloud.callFunction` is called with: the function and `{action, data}`. */
export interface CloudCall {
  name: string;
  data: { action: string; data: Record<string, unknown> };
}

/**
 * The functions a page called, leaving out the read of the policy's supplement: the consent
 * sheet shows it before any decision (issue 11 point 10) — public text, no caller, nothing
 * about the user sent.
 */
export function functionsCalled(calls: ReadonlyArray<[CloudCall]>): string[] {
  return calls
    .filter(([o]) => !(o.name === 'privacy' && o.data.action === 'getSupplement'))
    .map(([o]) => o.name);
}

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
  /** `call`, typed by the contract: what the handler answered, as the test expects to see it. */
  ask: <F extends FnName, A extends ActionName<F>>(
    name: F,
    action: A,
    data: InputOf<F, A>,
  ) => Promise<OutputOf<F, A>>;
  /** What handlers logged as errors (an INTERNAL answer's cause). */
  errors: unknown[];
}

// The weapp project runs in jsdom, which does not expose Node's structuredClone; the emulator
// (as the platform's wire) copies every document with it. Node's own algorithm, via v8.
const g = globalThis as { structuredClone?: <T>(value: T) => T };
g.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;

export const TEST_OPENID = 'o-weapp-test-0000000000000000';

/**
 * The back end for one WeChat user. Without `world` it is a fresh CloudBase-emulated store
 * with the sandbox payment, the store-backed notices (offering `subscribeTemplateIds`, as
 * CloudBase's WX_SUBSCRIBE_TEMPLATE_ID does) and the real 就诊人 lookup; a test that needs
 * more people or ports (the consult world: doctors, the realtime hub) passes its own env.
 */
export function weappBackend(
  openid = TEST_OPENID,
  options: { world?: TestEnv; subscribeTemplateIds?: string[] } = {},
): WeappBackend {
  const { world } = options;
  const env = world ?? makeEnv(':memory:', 'cloudbase');
  const caller: Caller = { openid, clientIp: '203.0.113.9' };
  const base = env.ctx(caller);
  // A handler's INTERNAL error is kept, so a failing test can say what broke.
  const errors: unknown[] = [];
  const log = { ...base.log, error: (fields: unknown) => void errors.push(fields) };
  const ctx = (): Ctx =>
    world
      ? { ...world.ctx(caller), log }
      : {
          ...base,
          log,
          payment: createSandboxPayment({ store: env.store, clock: env.clock, random: env.random }),
          notifier: {
            ...createStoreNotifier({ store: env.store, random: env.random }),
            templateIds: options.subscribeTemplateIds ?? [],
          },
          // Booking reads 就诊人 from the patients function, as the local server wires it.
          patients: createPatientDirectory({ store: env.store, crypto: env.crypto }),
        };
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
  const ask = <F extends FnName, A extends ActionName<F>>(
    name: F,
    action: A,
    data: InputOf<F, A>,
  ) => call(name, action, data) as Promise<OutputOf<F, A>>;
  return { env, caller, ctx, callFunction, lastCode, call, ask, errors };
}
