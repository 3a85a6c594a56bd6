/** Idempotency and races: resends, concurrent accepts, concurrent payment confirmations. */
import { CONSULT_MESSAGES } from '../../../backend/collections';
import type { ConsultView, MessageView, NoticeView } from '../../../contract/consult/views';
import type { Envelope } from '../../../contract/envelope';
import {
  activeConsult,
  alice,
  consultWorldEachTest,
  createConsult,
  drWang,
  expectError,
  expectOk,
  paidConsult,
  type ConsultEnv,
} from './support';

let env: ConsultEnv;
consultWorldEachTest((made) => (env = made));

const codes = (rs: Envelope<unknown>[]) => rs.map((r) => (r.ok ? 'OK' : r.error.code)).sort();

it('the same clientMsgId twice (even at once) is one message; with other content it is CONFLICT', async () => {
  const c = await activeConsult(env);
  const body = { consultId: c.id, clientMsgId: 'retry-000001', text: '图片发不出去，我再试一次' };
  const [a, b] = await Promise.all([
    env.consult('sendMessage', body),
    env.consult('sendMessage', body),
  ]);
  const again = await env.consult('sendMessage', body);
  const ids = [a, b, again].map((r) => expectOk<MessageView>(r)).map((m) => [m.id, m.seq]);
  expect(new Set(ids.map((x) => JSON.stringify(x))).size).toBe(1);
  expect(await env.store.count(CONSULT_MESSAGES.name, { consultId: c.id })).toBe(1);
  expectError(await env.consult('sendMessage', { ...body, text: '另一句话' }), 'CONFLICT', {
    reason: 'client_msg_id_reused',
  });
  // The doctor may use the same id for their own message: ids are per sender.
  expect(expectOk<MessageView>(await env.consult('sendMessage', body, drWang)).seq).toBe(2);
  expect(expectOk<ConsultView>(await env.consult('get', { consultId: c.id })).lastSeq).toBe(2);
});

it('many messages at once from both sides get distinct, gapless sequence numbers', async () => {
  const c = await activeConsult(env);
  const sends = Array.from({ length: 20 }, (_, i) =>
    env.consult(
      'sendMessage',
      { consultId: c.id, clientMsgId: `burst-${String(i).padStart(6, '0')}`, text: `第 ${i} 条` },
      i % 2 ? drWang : alice,
    ),
  );
  const seqs = (await Promise.all(sends))
    .map((r) => expectOk<MessageView>(r).seq)
    .sort((x, y) => x - y);
  expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  const page1 = expectOk<{ items: MessageView[]; nextAfter: number; hasMore: boolean }>(
    await env.consult('listMessages', { consultId: c.id, limit: 15 }),
  );
  expect(page1).toMatchObject({ nextAfter: 15, hasMore: true });
  const page2 = expectOk<{ items: MessageView[]; hasMore: boolean }>(
    await env.consult('listMessages', { consultId: c.id, after: page1.nextAfter, limit: 15 }),
  );
  expect([...page1.items, ...page2.items].map((m) => m.seq)).toEqual(seqs);
  expect(page2.hasMore).toBe(false);
});

it('two accepts at once: one wins, the other gets CONFLICT', async () => {
  const c = await paidConsult(env);
  const results = await Promise.all([
    env.consult('accept', { consultId: c.id }, drWang),
    env.consult('accept', { consultId: c.id }, drWang),
  ]);
  expect(codes(results)).toEqual(['CONFLICT', 'OK']);
  const lost = results.find((r) => !r.ok)!;
  expectError(lost, 'CONFLICT', { reason: 'status_changed', status: 'active' });
  const accepted = (await env.store.count('notices', { owner: alice.openid })) as number;
  expect(accepted).toBe(1);
});

it('an accept and a cancel at once: exactly one of them happens', async () => {
  let cancelsWon = 0;
  for (let round = 0; round < 5; round++) {
    const c = await paidConsult(env);
    const [accept, cancel] = await Promise.all([
      env.consult('accept', { consultId: c.id }, drWang),
      env.consult('cancel', { consultId: c.id }),
    ]);
    expect(codes([accept, cancel])).toEqual(['CONFLICT', 'OK']);
    const status = expectOk<ConsultView>(await env.consult('get', { consultId: c.id })).status;
    expect(status).toBe(accept.ok ? 'active' : 'refunded');
    if (cancel.ok) cancelsWon++;
  }
  // Only the cancels that won asked for money back.
  expect(env.payment.refunds).toHaveLength(cancelsWon);
});

it('concurrent payment confirmations move the consult once', async () => {
  const c = await createConsult(env);
  expectOk(await env.consult('pay', { consultId: c.id }));
  const confirm = () => env.consult('sandboxConfirm', { orderId: c.id, outcome: 'paid' });
  const results = await Promise.all([
    confirm(),
    confirm(),
    confirm(),
    env.consult('pay', { consultId: c.id }),
  ]);
  results.forEach((r) => expect(r).toMatchObject({ ok: true, data: { status: 'waiting' } }));
  const doctorNotices = expectOk<{ items: NoticeView[] }>(await env.consult('notices', {}, drWang));
  expect(doctorNotices.items.filter((n) => n.consultId === c.id)).toHaveLength(1);
  const statusEvents = (env.events.get(alice.openid) ?? []).filter(
    (e) => e.type === 'status' && e.consultId === c.id,
  );
  expect(statusEvents).toHaveLength(1);
});

it('a confirmation from the sandbox page cannot be forged for someone else’s order', async () => {
  const c = await createConsult(env);
  expectOk(await env.consult('pay', { consultId: c.id }));
  const { eve } = await import('./support');
  expectError(
    await env.consult('sandboxConfirm', { orderId: c.id, outcome: 'paid' }, eve),
    'NOT_FOUND',
  );
  expect(expectOk<ConsultView>(await env.consult('get', { consultId: c.id })).status).toBe(
    'pending_payment',
  );
});
