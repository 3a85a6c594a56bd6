/** 客服 and 问卷 rows of the account world (issue 16): alice's rated ticket and an answer; eve's ticket. */
import type { Caller } from '../../../backend/core/context';
import { DEMO_SURVEY_ID, seedDemoSurvey } from '../../../backend/survey/seed';
import { expectOk } from '../support/env';
import { alice, eve, type World } from './support';

export const ALICE_TICKET_TEXT = '我的手机号可能泄露了，请帮我查一下';
export const ALICE_SURVEY_ADVICE = '希望夜间也能找到医生';

const call = (w: World, fn: string, action: string, data: unknown, who: Caller) =>
  w.call(fn, { action, data }, who).then((r) => expectOk<{ ticket: { id: string } }>(r));

export async function seedSupport(w: World): Promise<void> {
  const { ticket } = await call(
    w,
    'support',
    'createTicket',
    { category: '个人信息泄露举报', text: ALICE_TICKET_TEXT },
    alice,
  );
  await call(w, 'support', 'close', { ticketId: ticket.id }, alice);
  await call(w, 'support', 'rate', { ticketId: ticket.id, score: 4, comment: '回复很快' }, alice);
  await call(w, 'support', 'createTicket', { category: '使用问题', text: '怎么改头像？' }, eve);
  await seedDemoSurvey(w.store);
  const answers = [
    { questionId: 'overall', value: 5 },
    { questionId: 'advice', value: ALICE_SURVEY_ADVICE },
  ];
  await call(w, 'survey', 'submit', { surveyId: DEMO_SURVEY_ID, answers }, alice);
  await call(
    w,
    'survey',
    'submit',
    { surveyId: DEMO_SURVEY_ID, answers: answers.slice(0, 1) },
    eve,
  );
}
