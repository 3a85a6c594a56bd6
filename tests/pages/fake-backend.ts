/**
 * A fake back end behind the real client: installs a transport (client.setTransport)
 * that answers catalog actions from per-test handlers with real envelopes, and records
 * every call. Handlers return data, `fail(...)` for an error envelope, or a promise.
 */
import type {
  ActionName,
  ApiErrorBody,
  ErrorCode,
  ErrorDetails,
  InputOf,
  OutputOf,
} from '../../contract';
import { renderSupplement } from '../../contract/privacy/supplement';
import { setTransport } from '../../src/services/client';

type CatalogAction = ActionName<'catalog'>;
type Failure = { failure: ApiErrorBody };
type Answer<A extends CatalogAction> = OutputOf<'catalog', A> | Failure;
export type Handlers = {
  [A in CatalogAction]?: (input: InputOf<'catalog', A>) => Answer<A> | Promise<Answer<A>>;
};
type OtherFn = 'privacy' | 'telemetry' | 'user' | 'account';
type OtherAnswer<F extends OtherFn, A extends ActionName<F>> = OutputOf<F, A> | Failure;
type FnHandlers<F extends OtherFn> = {
  [A in ActionName<F> as `${F}.${A}`]?: (
    input: InputOf<F, A>,
  ) => OtherAnswer<F, A> | Promise<OtherAnswer<F, A>>;
};
/** Other functions' actions, keyed "fn.action" (privacy.recordConsent, user.me…). */
export type OtherHandlers = FnHandlers<'privacy'> &
  FnHandlers<'telemetry'> &
  FnHandlers<'user'> &
  FnHandlers<'account'>;

export interface RecordedCall {
  fn: string;
  action: string;
  data: Record<string, unknown>;
}

export function fail(code: ErrorCode, message: string, details?: ErrorDetails): Failure {
  return { failure: details ? { code, message, details } : { code, message } };
}

/** A promise the test settles by hand, to observe loading states. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * The policy's supplement as the server renders it with no operator facts configured. The
 * consent sheet and the policy page read it (no caller, nothing about the user is sent), so
 * it is answered unless a test overrides it, and counted apart from `calls`, which are what
 * a page sends about its user.
 */
const SUPPLEMENT = renderSupplement({});

export function installBackend(handlers: Handlers, others: OtherHandlers = {}) {
  const calls: RecordedCall[] = [];
  const supplementReads = { count: 0 };
  setTransport(async (fn, action, data) => {
    if (fn === 'privacy' && action === 'getSupplement' && !others['privacy.getSupplement']) {
      supplementReads.count += 1;
      return { ok: true, data: { version: SUPPLEMENT.version, text: SUPPLEMENT.text } };
    }
    calls.push({ fn, action, data: data as Record<string, unknown> });
    const handler = (
      fn === 'catalog'
        ? handlers[action as CatalogAction]
        : others[`${fn}.${action}` as keyof OtherHandlers]
    ) as ((input: unknown) => unknown | Promise<unknown>) | undefined;
    if (!handler) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `fake has no ${fn}.${action}` } };
    }
    const answer = await handler(data);
    if (answer && typeof answer === 'object' && 'failure' in answer) {
      return { ok: false, error: (answer as Failure).failure };
    }
    return { ok: true, data: answer };
  });
  return {
    calls,
    supplementReads,
    callsOf: (action: CatalogAction) =>
      calls.filter((c) => c.fn === 'catalog' && c.action === action).map((c) => c.data),
    /** Every call to one function ("privacy", "telemetry"), as `action` + data. */
    callsTo: (fn: string) => calls.filter((c) => c.fn === fn),
  };
}
