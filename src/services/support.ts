import type { ActionName, InputOf, OutputOf } from '../../contract';
// Runtime values only from the zod-free part of the contract (keeps zod out of the bundle).
import { SUPPORT_ERROR_REASONS } from '../../contract/support/items';
import { SURVEY_ERROR_REASONS } from '../../contract/survey/items';
import { call } from './client';
import { toServiceError } from './errors';

/** The support function (客服 tickets, CS/SEC) and the survey function (问卷, CS). */
type Action = ActionName<'support'>;
const s =
  <A extends Action>(action: A) =>
  (input: InputOf<'support', A>): Promise<OutputOf<'support', A>> =>
    call('support', action, input);

export const createTicket = s('createTicket');
export const listTickets = s('listTickets');
export const getTicket = s('getTicket');
export const replyTicket = s('reply');
export const closeTicket = s('close');
export const rateTicket = s('rate');

export const listOpenSurveys = () => call('survey', 'listOpen', {});
export const getSurvey = (input: InputOf<'survey', 'get'>) => call('survey', 'get', input);
export const submitSurvey = (input: InputOf<'survey', 'submit'>) => call('survey', 'submit', input);

export type TicketData = OutputOf<'support', 'getTicket'>;
export type TicketSummary = TicketData['ticket'];
export type SurveyData = OutputOf<'survey', 'get'>;
export type SurveyListItem = OutputOf<'survey', 'listOpen'>['items'][number];

const REASONS: Record<string, string> = { ...SUPPORT_ERROR_REASONS, ...SURVEY_ERROR_REASONS };

/** What to tell the user about a failed call: the reason's text when we know it. */
export function supportErrorText(error: unknown): string {
  const e = toServiceError(error);
  const reason = e.details?.reason;
  if (typeof reason === 'string' && reason in REASONS) return REASONS[reason];
  return e.message;
}
