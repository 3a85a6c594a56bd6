/**
 * A fake back end behind the real client: installs a transport (client.setTransport)
 * that answers catalog actions from per-test handlers with real envelopes, and records
 * every call. Handlers return data, `fail(...)` for an error envelope, or a promise.
 */
import type { ActionName, ApiErrorBody, ErrorCode, InputOf, OutputOf } from '../../contract';
import { setTransport } from '../../src/services/client';

type CatalogAction = ActionName<'catalog'>;
type Failure = { failure: ApiErrorBody };
type Answer<A extends CatalogAction> = OutputOf<'catalog', A> | Failure;
export type Handlers = {
  [A in CatalogAction]?: (input: InputOf<'catalog', A>) => Answer<A> | Promise<Answer<A>>;
};
type PrivacyAction = ActionName<'privacy'>;
/** Other functions' actions, keyed "fn.action" (privacy.recordConsent, telemetry.track). */
export type OtherHandlers = {
  [A in PrivacyAction as `privacy.${A}`]?: (
    input: InputOf<'privacy', A>,
  ) => OutputOf<'privacy', A> | Failure | Promise<OutputOf<'privacy', A> | Failure>;
} & {
  'telemetry.track'?: (
    input: InputOf<'telemetry', 'track'>,
  ) => OutputOf<'telemetry', 'track'> | Failure | Promise<OutputOf<'telemetry', 'track'> | Failure>;
};

export interface RecordedCall {
  fn: string;
  action: string;
  data: Record<string, unknown>;
}

export function fail(code: ErrorCode, message: string): Failure {
  return { failure: { code, message } };
}

/** A promise the test settles by hand, to observe loading states. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export function installBackend(handlers: Handlers, others: OtherHandlers = {}) {
  const calls: RecordedCall[] = [];
  setTransport(async (fn, action, data) => {
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
    callsOf: (action: CatalogAction) =>
      calls.filter((c) => c.fn === 'catalog' && c.action === action).map((c) => c.data),
    /** Every call to one function ("privacy", "telemetry"), as `action` + data. */
    callsTo: (fn: string) => calls.filter((c) => c.fn === fn),
  };
}
