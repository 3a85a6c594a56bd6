import {
  SUPPORT_ERROR_REASONS,
  type MessageAuthor,
  type PrivacyKind,
  type SupportErrorReason,
  type TicketCategory,
  type TicketStatus,
} from '../../contract/support/items';
import type { TicketMessage, TicketView, TicketWithMessages } from '../../contract/support';
import type { ErrorCode } from '../../contract/envelope';
import { SUPPORT_MESSAGES, SUPPORT_TICKETS } from '../collections';
import type { Ctx } from '../core/context';
import { ApiError } from '../core/errors';
import type { StoredDoc } from '../ports/document-store';
import { portOf } from '../user/ports';

/**
 * How a ticket is stored. What the patient wrote is personal information of any kind (PI:
 * a complaint may name an illness): the summary, every message and a rating's comment are
 * AES-GCM bound to the owner and field, the data map's default context, so the export
 * decrypts them for the owner alone.
 */
export interface TicketDoc extends StoredDoc {
  owner: string;
  category: TicketCategory;
  privacyKind: PrivacyKind | null;
  status: TicketStatus;
  priority: number;
  dueDate: string;
  summaryEnc: string;
  consultId: string | null;
  messageCount: number;
  rated: boolean;
  rating: { score: number; commentEnc: string } | null;
  sortKey: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface TicketMessageDoc extends StoredDoc {
  ticketId: string;
  owner: string;
  seq: number;
  author: MessageAuthor;
  textEnc: string;
  at: string;
}

export const contexts = {
  summary: (owner: string) => `${SUPPORT_TICKETS.name}.summaryEnc:${owner}`,
  comment: (owner: string) => `${SUPPORT_TICKETS.name}.rating.commentEnc:${owner}`,
  message: (owner: string) => `${SUPPORT_MESSAGES.name}.textEnc:${owner}`,
};

export const messageId = (ticketId: string, seq: number) =>
  `${ticketId}_${String(seq).padStart(3, '0')}`;

export function supportError(code: ErrorCode, reason: SupportErrorReason): ApiError {
  return new ApiError(code, SUPPORT_ERROR_REASONS[reason], { reason });
}

export const ticketNotFound = () => new ApiError('NOT_FOUND', '工单不存在');

/** The caller's own ticket, or NOT_FOUND: another account's is the same as none. */
export async function loadOwnTicket(ctx: Ctx, owner: string, ticketId: string): Promise<TicketDoc> {
  const doc = await ctx.store.get<TicketDoc>(SUPPORT_TICKETS.name, ticketId);
  if (!doc || doc.owner !== owner) throw ticketNotFound();
  return doc;
}

export function toTicketView(ctx: Ctx, doc: TicketDoc): TicketView {
  const crypto = portOf(ctx, 'crypto');
  return {
    id: doc._id,
    category: doc.category,
    privacyKind: doc.privacyKind,
    status: doc.status,
    priority: doc.priority,
    dueDate: doc.dueDate,
    summary: crypto.decrypt(doc.summaryEnc, contexts.summary(doc.owner)),
    consultId: doc.consultId,
    messageCount: doc.messageCount,
    rating: doc.rating
      ? {
          score: doc.rating.score,
          comment: crypto.decrypt(doc.rating.commentEnc, contexts.comment(doc.owner)),
        }
      : null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    closedAt: doc.closedAt,
  };
}

/** The ticket with its whole conversation (at most MAX_TICKET_MESSAGES), oldest first. */
export async function withMessages(ctx: Ctx, doc: TicketDoc): Promise<TicketWithMessages> {
  const crypto = portOf(ctx, 'crypto');
  const rows = await ctx.store.find<TicketMessageDoc>(
    SUPPORT_MESSAGES.name,
    { ticketId: doc._id, owner: doc.owner },
    { sort: [['seq', 'asc']], limit: doc.messageCount + 1 },
  );
  const messages: TicketMessage[] = rows.map((m) => ({
    id: m._id,
    author: m.author,
    text: crypto.decrypt(m.textEnc, contexts.message(m.owner)),
    at: m.at,
  }));
  return { ticket: toTicketView(ctx, doc), messages };
}
