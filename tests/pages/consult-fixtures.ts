/**
 * The consult function as the pages see it: views shaped like contract/consult/views.ts and
 * a transport that answers `consult.*` (and the few catalog/user/privacy calls the pages
 * make) from per-test handlers, recording every call.
 */
import { setTransport } from '../../src/services/client';
import { loggedIn } from './account-fixtures';
import { givenConsent, serverState } from './consent-fixtures';
import { doctorDetail } from './fixtures';
import { account } from '../../src/session/session';

// The views are pure, in their own file, so the weapp tests share them.
export { consultView, message } from './consult-views';

type Handler = (data: Record<string, unknown>) => unknown;
export interface Call {
  fn: string;
  action: string;
  data: Record<string, unknown>;
}

/** Thrown by a handler: answered as an error envelope. */
export class Failure {
  constructor(
    readonly code: string,
    readonly message: string,
    readonly details?: Record<string, unknown>,
  ) {}
}

/** Installs the fake; handlers are keyed "fn.action" (consult.get, catalog.getDoctor…). */
export function consultBackend(handlers: Record<string, Handler>) {
  const calls: Call[] = [];
  const all: Record<string, Handler> = {
    'user.me': () => loggedIn(),
    'privacy.recordConsent': () => serverState(),
    'catalog.getDoctor': () => doctorDetail(),
    'consult.config': () => ({ payment: 'sandbox', subscribeTemplateIds: [] }),
    ...handlers,
  };
  setTransport(async (fn, action, data) => {
    calls.push({ fn, action, data: data as Record<string, unknown> });
    const handler = all[`${fn}.${action}`];
    if (!handler) return { ok: false, error: { code: 'NOT_FOUND', message: `no ${fn}.${action}` } };
    try {
      return { ok: true, data: await handler(data as Record<string, unknown>) };
    } catch (e) {
      if (e instanceof Failure) {
        return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
      }
      throw e;
    }
  });
  return {
    calls,
    of: (action: string) =>
      calls.filter((c) => c.fn === 'consult' && c.action === action).map((c) => c.data),
  };
}

/** A logged-in, trusted user who agreed to the policy. */
export function givenLoggedIn(): void {
  givenConsent('agreed');
  account.set(loggedIn());
}
