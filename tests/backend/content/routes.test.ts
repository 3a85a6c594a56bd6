/**
 * Issue 15 §7 on both stores: a flagged chat message, ticket text, rating comment or
 * nickname is refused to its author with content_flagged, and nothing of it is stored.
 * These runtimes have no contentSecurity port, so the local rule set applies.
 */
import {
  CONSULT_MESSAGES,
  SUPPORT_MESSAGES,
  SUPPORT_TICKETS,
  USERS,
} from '../../../backend/collections';
import {
  activeConsult,
  alice,
  consultWorldEachTest,
  expectError,
  expectOk,
  newMsgId,
  newTicket,
  send,
  support,
  type ConsultEnv,
} from '../tickets/support';

let env: ConsultEnv;
consultWorldEachTest((made) => (env = made));

const FLAGGED = '加我微信 zhuyi_8888 私下给你便宜看';
const flagged = { reason: 'content_flagged' };

describe('consult chat', () => {
  it('holds back a flagged message with a message to its author; nothing is stored', async () => {
    const c = await activeConsult(env);
    const before = await env.store.find(CONSULT_MESSAGES.name, {});
    const err = expectError(
      await env.consult(
        'sendMessage',
        { consultId: c.id, clientMsgId: newMsgId(), text: FLAGGED },
        alice,
      ),
      'FAILED_PRECONDITION',
      flagged,
    );
    expect(err.message).toContain('未通过内容安全检查');
    expect(await env.store.find(CONSULT_MESSAGES.name, {})).toEqual(before);
  });

  it('lets medical words through', async () => {
    const c = await activeConsult(env);
    const m = await send(
      env,
      alice,
      c.id,
      '乳腺有硬块，以前查过性病，也做过堕胎手术，需要复查吗？',
    );
    expect(m.text).toContain('乳腺');
  });
});

describe('nickname (updateProfile)', () => {
  it('refuses a flagged nickname and keeps the old one', async () => {
    expectOk(
      await env.call('user', { action: 'updateProfile', data: { nickname: '小明' } }, alice),
    );
    expectError(
      await env.call('user', { action: 'updateProfile', data: { nickname: '加vx看病' } }, alice),
      'FAILED_PRECONDITION',
      flagged,
    );
    const user = await env.store.get<{ _id: string; nickname: string }>(USERS.name, alice.openid);
    expect(user?.nickname).toBe('小明');
  });
});

describe('support tickets', () => {
  const dump = async () =>
    JSON.stringify([
      await env.store.find(SUPPORT_TICKETS.name, {}),
      await env.store.find(SUPPORT_MESSAGES.name, {}),
    ]);

  it('refuses flagged ticket text and replies; nothing is stored', async () => {
    const before = await dump();
    expectError(
      await support(env, 'createTicket', { category: '使用问题', text: FLAGGED }),
      'FAILED_PRECONDITION',
      flagged,
    );
    expect(await dump()).toBe(before);
    const { ticket } = await newTicket(env);
    const withTicket = await dump();
    expectError(
      await support(env, 'reply', { ticketId: ticket.id, text: '兼职日结，刷单返利' }),
      'FAILED_PRECONDITION',
      flagged,
    );
    expect(await dump()).toBe(withTicket);
  });

  it('refuses a flagged rating comment and leaves the ticket unrated', async () => {
    const { ticket } = await newTicket(env);
    expectOk(await support(env, 'close', { ticketId: ticket.id }));
    expectError(
      await support(env, 'rate', { ticketId: ticket.id, score: 1, comment: '祖传秘方包治百病' }),
      'FAILED_PRECONDITION',
      flagged,
    );
    const doc = await env.store.get<{ _id: string; rated: boolean }>(
      SUPPORT_TICKETS.name,
      ticket.id,
    );
    expect(doc?.rated).toBe(false);
    expectOk(await support(env, 'rate', { ticketId: ticket.id, score: 5, comment: '回复很及时' }));
  });
});
