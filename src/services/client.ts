import type { ActionName, Envelope, FnName, InputOf, OutputOf } from '../../contract';
// Runtime values come from envelope.ts alone: contract/index.ts would pull zod into the bundle.
import { isErrorCode } from '../../contract/envelope';
import { ServiceError, transportError } from './errors';
import { transport as platformTransport } from './transport';
import type { Transport } from './transport-types';

let active: Transport = platformTransport;

/** Swaps the transport (tests install a fake); `null` restores the platform's own. */
export function setTransport(next: Transport | null): void {
  active = next ?? platformTransport;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the envelope's shape: a body we cannot read is a failure, never data. */
export function readEnvelope(raw: unknown): Envelope<unknown> {
  if (isRecord(raw) && raw.ok === true && 'data' in raw) return { ok: true, data: raw.data };
  if (isRecord(raw) && raw.ok === false && isRecord(raw.error)) {
    const { code, message, details } = raw.error;
    return {
      ok: false,
      error: {
        code: isErrorCode(code) ? code : 'INTERNAL',
        message: typeof message === 'string' && message ? message : '服务暂时不可用，请稍后重试',
        details: isRecord(details) ? details : undefined,
      },
    };
  }
  throw transportError('bad-response', 'response is not an envelope');
}

/** Calls one action of one function; resolves with its data or throws a ServiceError. */
export async function call<F extends FnName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
): Promise<OutputOf<F, A>> {
  const envelope = readEnvelope(await active(fn, action, input));
  // Typed without a parse here (zod stays out of the bundle): the server's dispatch sent
  // this data through the action's output schema (backend/core/dispatch.ts), and the
  // envelope's shape was checked above.
  if (envelope.ok) return envelope.data as OutputOf<F, A>;
  const { code, message, details } = envelope.error;
  throw new ServiceError(code, message, details);
}
