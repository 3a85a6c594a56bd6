/**
 * The consult function as the pages see it: views shaped like contract/consult/views.ts and
 * a transport that answers `consult.*` (and the few catalog/user/privacy calls the pages
 * make) from per-test handlers, recording every call.
 */
import type { ConsultView, MessageView } from '../../contract/consult';
import { setTransport } from '../../src/services/client';
import { loggedIn } from './account-fixtures';
import { givenConsent, serverState } from './consent-fixtures';
import { doctorDetail } from './fixtures';
import { account } from '../../src/account/session';

export function consultView(over: Partial<ConsultView> = {}): ConsultView {
  return {
    id: 'c1',
    role: 'patient',
    status: 'active',
    doctor: {
      id: 'd1',
      name: '王建国',
      title: '主任医师',
      department: '心内科',
      hospitalName: '复旦大学附属中山医院',
    },
    patient: { kind: 'self' },
    price: 3000,
    descriptionPreview: '胸闷气短两周，活动后加重',
    createdAt: '2024-05-01T08:00:00.000Z',
    updatedAt: '2024-05-01T08:00:00.000Z',
    acceptDeadline: null,
    lastMessage: null,
    unread: 0,
    description: '胸闷气短两周，活动后加重',
    photos: [],
    paidAt: '2024-05-01T08:01:00.000Z',
    acceptedAt: '2024-05-01T08:10:00.000Z',
    endedAt: null,
    summary: null,
    cancelReason: null,
    refund: null,
    contact: null,
    lastSeq: 0,
    ...over,
  };
}

export function message(seq: number, over: Partial<MessageView> = {}): MessageView {
  return {
    id: `msg${seq}`,
    consultId: 'c1',
    seq,
    sender: 'doctor',
    mine: false,
    clientMsgId: null,
    kind: 'text',
    text: `消息${seq}`,
    image: null,
    links: [],
    risky: false,
    at: '2024-05-01T08:20:00.000Z',
    ...over,
  };
}

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
