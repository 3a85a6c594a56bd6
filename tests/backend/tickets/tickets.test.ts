/** 客服 tickets (CS, SEC; PIPL art. 50): categories, due dates, the conversation, rating. */
import { SUPPORT_MESSAGES, SUPPORT_TICKETS } from '../../../backend/collections';
import { LEAK_ACKNOWLEDGEMENT, type TicketWithMessages } from '../../../contract/support';
import {
  alice,
  consultWorldEachTest,
  createConsult,
  eve,
  expectError,
  expectOk,
  newTicket,
  support,
  type ConsultEnv,
} from './support';

let env: ConsultEnv;
consultWorldEachTest((made) => (env = made));

const dump = async () =>
  JSON.stringify([
    await env.store.find(SUPPORT_TICKETS.name, {}),
    await env.store.find(SUPPORT_MESSAGES.name, {}),
  ]);

it('a leak report tops the priorities and is acknowledged at once, answered the next working day (SEC)', async () => {
  // Monday 2026-11-30 16:00 in Shanghai.
  const { ticket, messages } = await newTicket(env, {
    category: '个人信息泄露举报',
    text: '我的手机号被泄露了，接到冒充医生的电话',
  });
  expect(ticket).toMatchObject({
    category: '个人信息泄露举报',
    status: 'open',
    priority: 0,
    dueDate: '2026-12-01',
    summary: '我的手机号被泄露了，接到冒充医生的电话',
    messageCount: 2,
  });
  expect(messages.map((m) => [m.author, m.text])).toEqual([
    ['patient', '我的手机号被泄露了，接到冒充医生的电话'],
    ['system', LEAK_ACKNOWLEDGEMENT],
  ]);
  const usage = await newTicket(env);
  expect(usage.ticket.priority).toBeGreaterThan(ticket.priority);
  expect(usage.messages).toHaveLength(1);
  // PI: what the patient wrote is encrypted at rest.
  expect(await dump()).not.toContain('冒充医生');
});

it('a privacy request says which one and is due in 15 working days by the holiday calendar', async () => {
  expectError(
    await support(env, 'createTicket', { category: '个人信息与隐私', text: '请删除我的信息' }),
    'INVALID_ARGUMENT',
    { reason: 'privacy_kind' },
  );
  expectError(
    await support(env, 'createTicket', {
      category: '使用问题',
      privacyKind: 'access',
      text: '怎么用？',
    }),
    'INVALID_ARGUMENT',
    { reason: 'privacy_kind' },
  );
  expect(await dump()).toBe('[[],[]]');
  const now = await newTicket(env, {
    category: '个人信息与隐私',
    privacyKind: 'deletion',
    text: '请删除我的咨询记录',
  });
  expect(now.ticket).toMatchObject({ privacyKind: 'deletion', priority: 1, dueDate: '2026-12-21' });
  // Made Monday 2026-09-28: 国庆 (10-01…10-07) is not counted and 调休 Saturday 10-10 is.
  env.clock.set('2026-09-28T02:00:00Z');
  const golden = await newTicket(env, {
    category: '个人信息与隐私',
    privacyKind: 'access',
    text: '请给我一份我的个人信息副本',
  });
  expect(golden.ticket.dueDate).toBe('2026-10-23');
});

it('refuses bad input with INVALID_ARGUMENT and stores nothing', async () => {
  const bad: unknown[] = [
    { category: '闲聊', text: '你好' },
    { category: '使用问题', text: '   ' },
    { category: '使用问题', text: '含有\u0000控制字符' },
    { category: '使用问题', text: '字'.repeat(1001) },
    { category: '使用问题', text: '附件', attachments: ['x'] },
    { category: '使用问题', text: '咨询', consultId: '../etc' },
    { category: '使用问题' },
    'not an object',
  ];
  for (const data of bad) expectError(await support(env, 'createTicket', data), 'INVALID_ARGUMENT');
  for (const [action, data] of [
    ['getTicket', { ticketId: 'nope' }],
    ['reply', { ticketId: 't' + '0'.repeat(24), text: '' }],
    ['rate', { ticketId: 't' + '0'.repeat(24), score: 6 }],
    ['rate', { ticketId: 't' + '0'.repeat(24), score: 2.5 }],
    ['close', { ticketId: { $gt: '' } }],
  ] as const)
    expectError(await support(env, action, data), 'INVALID_ARGUMENT');
  expect(await dump()).toBe('[[],[]]');
});

it('a ticket names only one’s own consult', async () => {
  const mine = await createConsult(env);
  const ticket = await newTicket(env, { category: '订单与退款', consultId: mine.id, text: '退款' });
  expect(ticket.ticket.consultId).toBe(mine.id);
  expectError(
    await support(env, 'createTicket', { category: '投诉', text: '投诉', consultId: mine.id }, eve),
    'NOT_FOUND',
  );
  expectError(
    await support(env, 'createTicket', { category: '投诉', text: '投诉', consultId: 'c-none' }),
    'NOT_FOUND',
  );
});

it('the conversation: reply, close, rate once; a closed ticket takes no reply', async () => {
  const { ticket } = await newTicket(env);
  expectError(
    await support(env, 'rate', { ticketId: ticket.id, score: 5 }),
    'FAILED_PRECONDITION',
    {
      reason: 'ticket_not_closed',
    },
  );
  env.clock.advance(60_000);
  const replied = expectOk<TicketWithMessages>(
    await support(env, 'reply', { ticketId: ticket.id, text: '找不到修改头像的入口' }),
  );
  expect(replied.messages.map((m) => m.text)).toEqual(['怎么修改头像？', '找不到修改头像的入口']);
  expect(replied.ticket.updatedAt > ticket.updatedAt).toBe(true);
  const closed = expectOk<TicketWithMessages>(await support(env, 'close', { ticketId: ticket.id }));
  expect(closed.ticket).toMatchObject({
    status: 'closed',
    closedAt: env.clock.now().toISOString(),
  });
  // Closing twice answers the same.
  expect(expectOk(await support(env, 'close', { ticketId: ticket.id }))).toEqual(closed);
  expectError(
    await support(env, 'reply', { ticketId: ticket.id, text: '还有一个问题' }),
    'FAILED_PRECONDITION',
    { reason: 'ticket_closed' },
  );
  const rated = expectOk<TicketWithMessages>(
    await support(env, 'rate', { ticketId: ticket.id, score: 4, comment: '解决了' }),
  );
  expect(rated.ticket.rating).toEqual({ score: 4, comment: '解决了' });
  expectError(await support(env, 'rate', { ticketId: ticket.id, score: 1 }), 'CONFLICT', {
    reason: 'already_rated',
  });
  const got = expectOk<TicketWithMessages>(
    await support(env, 'getTicket', { ticketId: ticket.id }),
  );
  expect(got).toEqual(rated);
});

it('two replies at once never share a number, and the count matches what was stored', async () => {
  const { ticket } = await newTicket(env);
  const results = await Promise.all(
    ['第一条', '第二条'].map((text) => support(env, 'reply', { ticketId: ticket.id, text })),
  );
  const okCount = results.filter((r) => r.ok).length;
  const got = expectOk<TicketWithMessages>(
    await support(env, 'getTicket', { ticketId: ticket.id }),
  );
  // A store may refuse a conflicting write (CloudBase): then that reply failed as a whole.
  expect(got.messages).toHaveLength(1 + okCount);
  expect(got.ticket.messageCount).toBe(1 + okCount);
  expect(new Set(got.messages.map((m) => m.id)).size).toBe(got.messages.length);
  expect(okCount).toBeGreaterThanOrEqual(1);
});

it('another account’s ticket is NOT_FOUND for every action, and nothing changes', async () => {
  const { ticket } = await newTicket(env, { text: '只有我能看到的问题' });
  expectOk(await support(env, 'close', { ticketId: ticket.id }));
  const before = await dump();
  for (const [action, data] of [
    ['getTicket', { ticketId: ticket.id }],
    ['reply', { ticketId: ticket.id, text: '我是别人' }],
    ['close', { ticketId: ticket.id }],
    ['rate', { ticketId: ticket.id, score: 1 }],
  ] as const) {
    const error = expectError(await support(env, action, data, eve), 'NOT_FOUND');
    expect(JSON.stringify(error)).not.toContain('只有我能看到');
  }
  expect(expectOk<{ items: unknown[] }>(await support(env, 'listTickets', {}, eve)).items).toEqual(
    [],
  );
  expect(await dump()).toBe(before);
});

it('without an account (or before registering) the actions are UNAUTHENTICATED', async () => {
  expectError(await support(env, 'listTickets', {}, null), 'UNAUTHENTICATED');
  expectError(
    await support(env, 'getTicket', { ticketId: 't' + '0'.repeat(24) }, null),
    'UNAUTHENTICATED',
  );
  expectError(
    await support(env, 'createTicket', { category: '投诉', text: '匿名投诉' }, null),
    'UNAUTHENTICATED',
  );
  const stranger = { openid: 'o-stranger-'.padEnd(28, '0'), clientIp: '203.0.113.9' };
  expectError(await support(env, 'listTickets', {}, stranger), 'UNAUTHENTICATED', {
    reason: 'login_required',
  });
});

it('lists newest first, a page at a time', async () => {
  for (let i = 0; i < 22; i++) {
    await newTicket(env, { text: `问题 ${i}` });
    env.clock.advance(1000);
  }
  const first = expectOk<{ items: Array<{ summary: string }>; next: string | null }>(
    await support(env, 'listTickets', {}),
  );
  expect(first.items).toHaveLength(20);
  expect(first.items[0].summary).toBe('问题 21');
  const second = expectOk<{ items: Array<{ summary: string }>; next: string | null }>(
    await support(env, 'listTickets', { before: first.next }),
  );
  expect(second).toEqual({
    items: [{ summary: '问题 1' }, { summary: '问题 0' }].map((x) => expect.objectContaining(x)),
    next: null,
  });
});

it('the 50th ticket in an hour is RATE_LIMITED, nothing stored; the next hour takes tickets again', async () => {
  env.clock.set('2026-11-30T08:00:00Z');
  for (let i = 0; i < 49; i++) await newTicket(env, { text: `第 ${i + 1} 个` });
  expectError(
    await support(env, 'createTicket', { category: '投诉', text: '第 50 个' }),
    'RATE_LIMITED',
    {
      limit: 'support_hourly',
    },
  );
  expect(await env.store.count(SUPPORT_TICKETS.name, { owner: alice.openid })).toBe(49);
  // eve is counted on her own.
  await newTicket(env, {}, eve);
  env.clock.set('2026-11-30T09:00:00Z');
  await newTicket(env, { text: '下一个小时' });
});

it('a reply racing a close never reopens the ticket', async () => {
  const { ticket } = await newTicket(env);
  const [replied] = await Promise.all([
    support(env, 'reply', { ticketId: ticket.id, text: '最后一句' }),
    support(env, 'close', { ticketId: ticket.id }),
  ]);
  const got = expectOk<TicketWithMessages>(
    await support(env, 'getTicket', { ticketId: ticket.id }),
  );
  expect(got.ticket.status).toBe('closed');
  expect(got.messages).toHaveLength(replied.ok ? 2 : 1);
});
