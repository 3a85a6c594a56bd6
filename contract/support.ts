import * as z from './zod';
import { idSchema } from './common';
import { text } from './text';
import {
  MESSAGE_AUTHORS,
  PRIVACY_KINDS,
  TICKET_CATEGORIES,
  TICKET_ID_PATTERN,
  TICKET_STATUSES,
  TICKET_TEXT_MAX,
} from './support/items';

export * from './support/items';

/**
 * The `support` function: 客服 tickets (CS, SEC; PIPL art. 50). A ticket is a conversation
 * with a status and a due date; only its owner reaches it (another account's ticket is
 * NOT_FOUND, the same as none). Every action needs a registered, logged-in account and no
 * consent: a privacy request or complaint must work after a withdrawal too. Attachments are
 * not taken yet (a strict schema refuses them). Reasons: contract/support/items.ts.
 */

export const ticketIdSchema = z.string().regex(TICKET_ID_PATTERN, '工单编号格式不正确');
const ticketText = text({ label: '内容', max: TICKET_TEXT_MAX, multiline: true });

export const ticketViewSchema = z.object({
  id: z.string(),
  category: z.enum(TICKET_CATEGORIES),
  privacyKind: z.enum(PRIVACY_KINDS).nullable(),
  status: z.enum(TICKET_STATUSES),
  /** 0 = most urgent (个人信息泄露举报). */
  priority: z.number().int(),
  /** The day (Shanghai, YYYY-MM-DD) by which 客服 answers, shown to the patient. */
  dueDate: z.string(),
  /** The first words of the first message. */
  summary: z.string(),
  consultId: z.string().nullable(),
  messageCount: z.number().int(),
  rating: z.object({ score: z.number().int(), comment: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type TicketView = z.infer<typeof ticketViewSchema>;

export const ticketMessageSchema = z.object({
  id: z.string(),
  author: z.enum(MESSAGE_AUTHORS),
  text: z.string(),
  at: z.string(),
});
export type TicketMessage = z.infer<typeof ticketMessageSchema>;

const ticketWithMessages = z.object({
  ticket: ticketViewSchema,
  messages: z.array(ticketMessageSchema),
});
export type TicketWithMessages = z.infer<typeof ticketWithMessages>;

const byId = z.object({ ticketId: ticketIdSchema }).strict();

export const supportActions = {
  /**
   * A new ticket. 个人信息与隐私 needs `privacyKind`; 个人信息泄露举报 is acknowledged at once
   * with an automatic first message. `consultId` must be one of the caller's consults. The
   * 50th ticket in an hour is RATE_LIMITED (details.limit 'support_hourly').
   */
  createTicket: {
    input: z
      .object({
        category: z.enum(TICKET_CATEGORIES),
        privacyKind: z.enum(PRIVACY_KINDS).optional(),
        text: ticketText,
        consultId: idSchema.optional(),
      })
      .strict(),
    output: ticketWithMessages,
  },
  /** The caller's tickets, newest first; `before` is the previous page's `next`. */
  listTickets: {
    input: z
      .object({
        // An opaque page cursor (time#id): only its own characters, never free text.
        before: z
          .string()
          .max(80)
          .regex(/^[0-9A-Za-z:.#_-]+$/, '无效的分页游标')
          .optional(),
      })
      .strict(),
    output: z.object({ items: z.array(ticketViewSchema), next: z.string().nullable() }),
  },
  getTicket: { input: byId, output: ticketWithMessages },
  /** The patient's next message; a closed ticket refuses (ticket_closed). */
  reply: {
    input: z.object({ ticketId: ticketIdSchema, text: ticketText }).strict(),
    output: ticketWithMessages,
  },
  /** Closing an already closed ticket answers it unchanged. */
  close: { input: byId, output: ticketWithMessages },
  /** 1–5 once, on a closed ticket. */
  rate: {
    input: z
      .object({
        ticketId: ticketIdSchema,
        score: z.number().int().min(1).max(5),
        comment: text({ label: '评价', min: 0, max: 200, multiline: true }).optional(),
      })
      .strict(),
    output: ticketWithMessages,
  },
} as const;
