import { createCloudbaseStore } from '../../backend/adapters/cloudbase';
import { COLLECTIONS } from '../../backend/collections';
import type { BackendFunction } from '../../backend/core/action';
import type { Caller, Ports } from '../../backend/core/context';
import { dispatch } from '../../backend/core/dispatch';
import { systemClock } from '../../backend/ports/clock';
import type { DocumentStore } from '../../backend/ports/document-store';
import { consoleLogger } from '../../backend/ports/logger';
import type { Envelope } from '../../contract/envelope';

/**
 * What every cloud function does with an invocation, kept free of any wx-server-sdk import
 * (each function's index.ts passes the SDK in), so it is bundled into each function's
 * self-contained index.js and can be exercised with a fake SDK.
 */

type CloudDatabase = Parameters<typeof createCloudbaseStore>[0];

/** The part of wx-server-sdk a function uses, after `cloud.init`. */
export interface WxCloud {
  getWXContext(): { OPENID?: string; CLIENTIP?: string };
  database(): CloudDatabase;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `exports.main` for one backend function. The event is `{ action, data }` as the
 * mini-program sends it through `wx.cloud.callFunction`; other keys WeChat adds
 * (`userInfo`) are dropped, and identity comes from `getWXContext()` only. Browsing works
 * without an OPENID (e.g. single-page mode): the caller is then null.
 */
export interface CloudMainOptions {
  /**
   * The function's other ports (Crypto, FileStore, …), built once per container beside the
   * store. A throw here (a missing key) fails every call: the function refuses to run.
   */
  ports?: (store: DocumentStore) => Partial<Ports>;
}

export function cloudMain(cloud: WxCloud, fn: BackendFunction, options: CloudMainOptions = {}) {
  // One store (and set of ports) per container, reused while the instance stays warm.
  let store: DocumentStore | null = null;
  let extra: Partial<Ports> | null = null;

  return async function main(event: unknown, _context?: unknown): Promise<Envelope<unknown>> {
    const started = Date.now();
    const db = (store ??= createCloudbaseStore(cloud.database(), COLLECTIONS));
    extra ??= options.ports?.(db) ?? {};
    const { OPENID, CLIENTIP } = cloud.getWXContext();
    const caller: Caller | null = OPENID ? { openid: OPENID, clientIp: CLIENTIP || null } : null;

    const ev = isPlainObject(event) ? event : {};
    const body =
      ev.data === undefined ? { action: ev.action } : { action: ev.action, data: ev.data };
    const envelope = await dispatch(fn, body, {
      ...extra,
      store: db,
      clock: systemClock,
      log: consoleLogger,
      caller,
    });
    consoleLogger.info(
      {
        fn: fn.name,
        action: typeof ev.action === 'string' ? ev.action.slice(0, 64) : null,
        code: envelope.ok ? 'OK' : envelope.error.code,
        ms: Date.now() - started,
      },
      'call',
    );
    return envelope;
  };
}
