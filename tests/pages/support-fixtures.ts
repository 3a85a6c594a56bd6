/** 客服 views as the support function answers them (contract/support.ts). */
import type { TicketMessage, TicketView, TicketWithMessages } from '../../contract/support';
import type { SurveyView } from '../../contract/survey';

export const TICKET_ID = 't' + 'a'.repeat(24);

export function ticketView(over: Partial<TicketView> = {}): TicketView {
  return {
    id: TICKET_ID,
    category: '使用问题',
    privacyKind: null,
    status: 'open',
    priority: 3,
    dueDate: '2026-12-03',
    summary: '怎么修改头像？',
    consultId: null,
    messageCount: 1,
    rating: null,
    createdAt: '2026-11-30T08:00:00.000Z',
    updatedAt: '2026-11-30T08:00:00.000Z',
    closedAt: null,
    ...over,
  };
}

export function ticketMessage(
  seq: number,
  author: TicketMessage['author'],
  text: string,
): TicketMessage {
  return { id: `${TICKET_ID}_00${seq}`, author, text, at: `2026-11-30T08:0${seq}:00.000Z` };
}

export const withMessages = (
  ticket: TicketView,
  ...messages: TicketMessage[]
): TicketWithMessages => ({ ticket: { ...ticket, messageCount: messages.length }, messages });

export function surveyView(over: Partial<SurveyView> = {}): SurveyView {
  return {
    id: 'experience-2026',
    title: '上海助医使用体验问卷',
    purpose: '为了改进服务，回答完全自愿。',
    answered: false,
    closesAt: null,
    questions: [
      { id: 'overall', type: 'rating', title: '总体满意度', required: true, options: [] },
      {
        id: 'used',
        type: 'multiple',
        title: '您用过哪些功能？',
        required: false,
        options: [
          { id: 'search', label: '找医生' },
          { id: 'consult', label: '图文咨询' },
        ],
      },
      { id: 'advice', type: 'text', title: '改进建议', required: false, options: [] },
    ],
    ...over,
  };
}
