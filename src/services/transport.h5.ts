import { transportError } from './errors';
import type { Transport } from './transport-types';

/**
 * Browser: POST /api/<fn> on the local server. Error envelopes come with 4xx/5xx
 * statuses, so the body is read whatever the status; only a body that is not JSON
 * (a proxy's error page, a truncated response) is a transport failure.
 */
const send: Transport = async (fn, action, data) => {
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

/** Browsing needs no caller: these calls never wait, and the server sets no cookie for them. */
const BROWSE_ONLY = new Set(['catalog']);
/** The first call of this page that needs a caller; the others wait for its cookie. */
let first: Promise<unknown> | null = null;

/**
 * Issue 11 point 3: the server issues the identity cookie only with the first call that
 * needs a caller (after 同意), not on page load. Two such calls sent together would each
 * get a new identity and the later cookie would win, orphaning what the other recorded
 * (the consent itself); so the first goes alone and the rest follow once it has answered.
 */
export const transport: Transport = async (fn, action, data) => {
  if (BROWSE_ONLY.has(fn)) return send(fn, action, data);
  if (!first) {
    const call = send(fn, action, data);
    first = call.catch(() => undefined);
    return call;
  }
  await first;
  return send(fn, action, data);
};
