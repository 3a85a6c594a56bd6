import {
  LEAK_ACKNOWLEDGEMENT,
  MAX_TICKET_MESSAGES,
  MAX_TICKETS_PER_HOUR,
  SUPPORT_ERROR_REASONS,
  TICKET_PAGE_SIZE,
  TICKET_PRIORITY,
  type MessageAuthor,
} from '../../contract/support/items';
import { CONSULTS, SUPPORT_MESSAGES, SUPPORT_TICKETS } from '../collections';
import type { Handler } from '../core/action';
import { requireCleanText } from '../content/check';
import type { Ctx } from '../core/context';
import { ApiError } from '../core/errors';
import type { StoredDoc } from '../ports/document-store';
import { requireTrustedAccount } from '../user/account';
import { portOf } from '../user/ports';
import { takeHourly } from '../user/rate-limit';
import { dueDateOf } from './due';
import {
  contexts,
  loadOwnTicket,
  messageId,
  supportError,
  toTicketView,
  withMessages,
  type TicketDoc,
  type TicketMessageDoc,
} from './model';

const SUMMARY_CHARS = 40;

function messageDoc(
  ctx: Ctx,
  ticket: { _id: string; owner: string },
  seq: number,
  author: MessageAuthor,
  text: string,
  at: string,
): TicketMessageDoc {
  const textEnc = portOf(ctx, 'crypto').encrypt(text, contexts.message(ticket.owner));
  return {
    _id: messageId(ticket._id, seq),
    ticketId: ticket._id,
    owner: ticket.owner,
    seq,
    author,
    textEnc,
    at,
  };
}

/** A consult named by a ticket must be the caller's own (another's is the same as none). */
async function requireOwnConsult(ctx: Ctx, owner: string, consultId: string): Promise<void> {
  const consult = await ctx.store.get<StoredDoc>(CONSULTS.name, consultId);
  if (!consult || consult.patientOpenid !== owner) throw new ApiError('NOT_FOUND', '咨询不存在');
}

export const createTicket: Handler<'support', 'createTicket'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const owner = caller.openid;
  const isPrivacy = input.category === '个人信息与隐私';
  if (isPrivacy !== (input.privacyKind !== undefined)) {
    const message = SUPPORT_ERROR_REASONS.privacy_kind;
    throw new ApiError('INVALID_ARGUMENT', `data.privacyKind: ${message}`, {
      issues: [{ path: 'data.privacyKind', message }],
      reason: 'privacy_kind',
    });
  }
  if (input.consultId) await requireOwnConsult(ctx, owner, input.consultId);
  await requireCleanText(ctx, {
    openid: owner,
    scene: 'comment',
    text: input.text,
    what: '工单内容',
  });
  // Abuse: checked after the input is known good, so a refused input uses no quota.
  await takeHourly(ctx, { kind: 'support_hourly', subject: owner, max: MAX_TICKETS_PER_HOUR });

  const now = ctx.clock.now();
  const at = now.toISOString();
  const id = `t${portOf(ctx, 'random').hex(12)}`;
  const crypto = portOf(ctx, 'crypto');
  const ticket = { _id: id, owner };
  const messages = [messageDoc(ctx, ticket, 1, 'patient', input.text, at)];
  // SEC: the policy's leak promise — acknowledged the moment it is made, before any operator.
  if (input.category === '个人信息泄露举报')
    messages.push(messageDoc(ctx, ticket, 2, 'system', LEAK_ACKNOWLEDGEMENT, at));
  const doc: TicketDoc = {
    _id: id,
    owner,
    category: input.category,
    privacyKind: input.privacyKind ?? null,
    status: 'open',
    priority: TICKET_PRIORITY[input.category],
    dueDate: dueDateOf(input.category, now),
    summaryEnc: crypto.encrypt(
      [...input.text].slice(0, SUMMARY_CHARS).join(''),
      contexts.summary(owner),
    ),
    consultId: input.consultId ?? null,
    messageCount: messages.length,
    rated: false,
    rating: null,
    sortKey: `${at}#${id}`,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.insert(SUPPORT_TICKETS.name, doc);
    for (const m of messages) await tx.insert(SUPPORT_MESSAGES.name, m);
  });
  return withMessages(ctx, doc);
};

export const listTickets: Handler<'support', 'listTickets'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const docs = await ctx.store.find<TicketDoc>(
    SUPPORT_TICKETS.name,
    { owner: caller.openid, ...(input.before ? { sortKey: { $lt: input.before } } : {}) },
    { sort: [['sortKey', 'desc']], limit: TICKET_PAGE_SIZE + 1 },
  );
  const page = docs.slice(0, TICKET_PAGE_SIZE);
  return {
    items: page.map((d) => toTicketView(ctx, d)),
    next: docs.length > TICKET_PAGE_SIZE ? page[page.length - 1].sortKey : null,
  };
};

export const getTicket: Handler<'support', 'getTicket'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  return withMessages(ctx, await loadOwnTicket(ctx, caller.openid, input.ticketId));
};

/**
 * The next message: read, checked and written in one transaction (by-id reads only), so two
 * replies racing take different sequence numbers and a reply racing a close cannot land
 * after it.
 */
export const reply: Handler<'support', 'reply'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  await loadOwnTicket(ctx, caller.openid, input.ticketId);
  await requireCleanText(ctx, {
    openid: caller.openid,
    scene: 'comment',
    text: input.text,
    what: '回复',
  });
  const at = ctx.clock.now().toISOString();
  const updated = await ctx.store.transaction(async (tx) => {
    const doc = await tx.get<TicketDoc>(SUPPORT_TICKETS.name, input.ticketId);
    if (!doc || doc.owner !== caller.openid) return null;
    if (doc.status === 'closed') throw supportError('FAILED_PRECONDITION', 'ticket_closed');
    if (doc.messageCount >= MAX_TICKET_MESSAGES)
      throw supportError('FAILED_PRECONDITION', 'too_many_messages');
    const seq = doc.messageCount + 1;
    await tx.insert(SUPPORT_MESSAGES.name, messageDoc(ctx, doc, seq, 'patient', input.text, at));
    const set = { status: 'open', updatedAt: at };
    await tx.update(SUPPORT_TICKETS.name, doc._id, { set, inc: { messageCount: 1 } });
    return { ...doc, ...set, messageCount: seq } as TicketDoc;
  });
  if (!updated) throw new ApiError('NOT_FOUND', '工单不存在');
  return withMessages(ctx, updated);
};

/** In a transaction like reply: a reply racing the close cannot reopen it. */
export const close: Handler<'support', 'close'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  await loadOwnTicket(ctx, caller.openid, input.ticketId);
  const at = ctx.clock.now().toISOString();
  const doc = await ctx.store.transaction(async (tx) => {
    const current = await tx.get<TicketDoc>(SUPPORT_TICKETS.name, input.ticketId);
    if (!current || current.owner !== caller.openid) return null;
    if (current.status === 'closed') return current;
    const set = { status: 'closed' as const, closedAt: at, updatedAt: at };
    await tx.update(SUPPORT_TICKETS.name, current._id, { set });
    return { ...current, ...set };
  });
  if (!doc) throw new ApiError('NOT_FOUND', '工单不存在');
  return withMessages(ctx, doc);
};

/** Once: a compare-and-set on `rated`, so two ratings racing leave one. */
export const rate: Handler<'support', 'rate'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const doc = await loadOwnTicket(ctx, caller.openid, input.ticketId);
  if (doc.status !== 'closed') throw supportError('FAILED_PRECONDITION', 'ticket_not_closed');
  if (doc.rated) throw supportError('CONFLICT', 'already_rated');
  if (input.comment)
    await requireCleanText(ctx, {
      openid: caller.openid,
      scene: 'comment',
      text: input.comment,
      what: '评价',
    });
  const rating = {
    score: input.score,
    commentEnc: portOf(ctx, 'crypto').encrypt(input.comment ?? '', contexts.comment(doc.owner)),
  };
  const set = { rated: true, rating, updatedAt: ctx.clock.now().toISOString() };
  const done = await ctx.store.updateIf(
    SUPPORT_TICKETS.name,
    doc._id,
    { owner: doc.owner, status: 'closed', rated: false },
    { set },
  );
  if (!done) throw supportError('CONFLICT', 'already_rated');
  return withMessages(ctx, { ...doc, ...set });
};
