import { transportError } from './errors';
import type { Transport } from './transport-types';

/**
 * Browser: POST /api/<fn> on the local server. Error envelopes come with 4xx/5xx
 * statuses, so the body is read whatever the status; only a body that is not JSON
 * (a proxy's error page, a truncated response) is a transport failure.
 */
export const transport: Transport = async (fn, action, data) => {
  let text: string;
  let status = 0;
  try {
    const res = await fetch('/api/' + fn, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action, data }),
    });
    status = res.status;
    text = await res.text();
  } catch (error) {
    throw transportError('network', error instanceof Error ? error.message : String(error));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw transportError('bad-response', `HTTP ${status}: body is not JSON`);
  }
};
