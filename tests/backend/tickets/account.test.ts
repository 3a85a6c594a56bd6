/** 客服 and 问卷 in the account's export (PIPL art. 45) and deletion (DEL), through the account function. */
import { SUPPORT_MESSAGES, SUPPORT_TICKETS, SURVEY_ANSWERS } from '../../../backend/collections';
import { DEMO_SURVEY_ID, seedDemoSurvey } from '../../../backend/survey/seed';
import { lastCode } from '../user/support';
import {
  alice,
  consultWorldEachTest,
  eve,
  expectOk,
  newTicket,
  support,
  type ConsultEnv,
} from './support';

let env: ConsultEnv;
consultWorldEachTest((made) => (env = made));

interface Exported {
  collections: Array<{ collection: string; rows: Array<Record<string, unknown>> }>;
  next: string | null;
}

async function exportOf(who = alice): Promise<Record<string, Array<Record<string, unknown>>>> {
  const out: Record<string, Array<Record<string, unknown>>> = {};
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = expectOk<Exported>(
      await env.call('account', { action: 'export', data: cursor ? { cursor } : {} }, who),
    );
    for (const c of page.collections) out[c.collection] = [...(out[c.collection] ?? []), ...c.rows];
    if (!page.next) break;
    cursor = page.next;
  }
  return out;
}

async function seedOwn() {
  const { ticket } = await newTicket(env, { category: '投诉', text: '客服回复太慢了' });
  expectOk(await support(env, 'reply', { ticketId: ticket.id, text: '补充：等了三天' }));
  expectOk(await support(env, 'close', { ticketId: ticket.id }));
  expectOk(await support(env, 'rate', { ticketId: ticket.id, score: 2, comment: '一般' }));
  await seedDemoSurvey(env.store);
  expectOk(
    await env.call(
      'survey',
      {
        action: 'submit',
        data: {
          surveyId: DEMO_SURVEY_ID,
          answers: [
            { questionId: 'overall', value: 3 },
            { questionId: 'advice', value: '希望能夜间问诊' },
          ],
        },
      },
      alice,
    ),
  );
  await newTicket(env, { text: '伊芙的问题' }, eve);
  return ticket.id;
}

it('the export shows the owner’s tickets, conversation, rating and answers in plain words, and no one else’s', async () => {
  const ticketId = await seedOwn();
  const mine = await exportOf();
  expect(mine[SUPPORT_TICKETS.name]).toEqual([
    expect.objectContaining({
      _id: ticketId,
      summary: '客服回复太慢了',
      rating: { score: 2, comment: '一般' },
    }),
  ]);
  expect(mine[SUPPORT_MESSAGES.name].map((m) => m.text)).toEqual([
    '客服回复太慢了',
    '补充：等了三天',
  ]);
  expect(String(mine[SURVEY_ANSWERS.name][0].answers)).toContain('希望能夜间问诊');
  expect(JSON.stringify(mine)).not.toContain('伊芙的问题');
  expect(JSON.stringify(await exportOf(eve))).not.toContain('客服回复太慢了');
});

it('deleting the account deletes its tickets, messages and answers, and leaves eve’s', async () => {
  await seedOwn();
  expectOk(await env.call('user', { action: 'sendCode', data: { purpose: 'verify' } }, alice));
  const code = lastCode(env, '13800000001');
  let status = expectOk<{ state: string }>(
    await env.call('account', { action: 'delete', data: { confirm: true, code } }, alice),
  );
  for (let i = 0; status.state === 'running' && i < 100; i++)
    status = expectOk(await env.call('account', { action: 'deletionStatus', data: {} }, alice));
  expect(status.state).toBe('done');
  for (const c of [SUPPORT_TICKETS, SUPPORT_MESSAGES, SURVEY_ANSWERS])
    expect({ c: c.name, n: await env.store.count(c.name, { owner: alice.openid }) }).toEqual({
      c: c.name,
      n: 0,
    });
  expect(await env.store.count(SUPPORT_TICKETS.name, { owner: eve.openid })).toBe(1);
});
