/** The whole consultation on real SQLite with an injected clock (CAM, ALB, PI, SEC). */
import { SANDBOX_PAYMENTS } from '../../../backend/collections';
import { runConsultSweep } from '../../../backend/consult';
import type { ConsultView, MessageView, NoticeView } from '../../../contract/consult/views';
import {
  activeConsult,
  alice,
  consultWorldEachTest,
  createConsult,
  drWang,
  expectError,
  expectOk,
  FREE_DOCTOR,
  HOUR,
  paidConsult,
  payInSandbox,
  PRICE,
  send,
  upload,
  type ConsultEnv,
} from './support';

let env: ConsultEnv;
consultWorldEachTest((made) => (env = made));

const view = async (id: string, who = alice) =>
  expectOk<ConsultView>(await env.consult('get', { consultId: id }, who));
const notices = async (who = alice) =>
  expectOk<{ items: NoticeView[]; unread: number }>(await env.consult('notices', {}, who));

it('create → pay in the sandbox → accept → messages both ways → close', async () => {
  const photo = expectOk<{ key: string; url: string }>(
    await env.consult('uploadAttachment', { image: upload('jpeg', 2048) }),
  );
  // The price is the catalog's: a client cannot name one.
  expectError(
    await env.consult('create', {
      doctorId: 'd-wang',
      patient: { kind: 'self' },
      description: '手背起红疹三天，夜间瘙痒加重。',
      price: 1,
    }),
    'INVALID_ARGUMENT',
    { issues: [{ path: 'data.price' }] },
  );

  const c = await createConsult(env, alice, {
    patient: { kind: 'other', name: '张小明', sex: 'male', age: 6 },
    photoKeys: [photo.key],
  });
  expect(c).toMatchObject({ status: 'pending_payment', price: PRICE, role: 'patient' });
  expect(c.patient).toEqual({ kind: 'other', name: '张小明', sex: 'male', age: 6 });
  expect(c.photos).toEqual([{ key: photo.key, url: expect.stringMatching(/^\/files\//) }]);

  // The doctor sees it only once paid, without the patient's name (SEC).
  expect(expectOk<{ items: unknown[] }>(await env.consult('queue', {}, drWang)).items).toEqual([]);
  const pay = expectOk<{ payment: { kind: string; sandboxUrl: string; orderId: string } }>(
    await env.consult('pay', { consultId: c.id }),
  );
  expect(pay.payment).toEqual({
    kind: 'sandbox',
    orderId: c.id,
    sandboxUrl: `/subpackages/consult/pay/index?orderId=${c.id}`,
  });
  expect(expectOk(await env.consult('sandboxConfirm', { orderId: c.id, outcome: 'paid' }))).toEqual(
    { consultId: c.id, status: 'waiting' },
  );
  const queued = expectOk<{ items: ConsultView[] }>(await env.consult('queue', {}, drWang)).items;
  expect(queued.map((q) => [q.id, q.patient])).toEqual([
    [c.id, { kind: 'other', name: null, sex: 'male', age: 6 }],
  ]);
  expect((await view(c.id, drWang)).contact).toBeNull();
  expect((await notices(drWang)).items.map((n) => n.kind)).toEqual(['new_consult']);

  env.clock.advance(60_000);
  const accepted = expectOk<ConsultView>(await env.consult('accept', { consultId: c.id }, drWang));
  expect(accepted).toMatchObject({
    status: 'active',
    contact: { name: '张小明', phoneMasked: '138****0001' },
    patient: { kind: 'other', name: '张小明' },
    description: '手背起红疹三天，夜间瘙痒加重，没有发烧。',
  });
  expect((await view(c.id)).contact).toBeNull(); // the patient is not shown their own contact

  env.clock.advance(60_000);
  const q = await send(env, alice, c.id, '请问需要忌口吗？');
  const a = await send(env, drWang, c.id, '暂时避免辛辣食物，保持皮肤干燥。');
  expect([q.seq, a.seq]).toEqual([1, 2]);
  const img = expectOk<{ key: string }>(
    await env.consult('uploadAttachment', { image: upload('png') }, drWang),
  );
  const sent = expectOk<MessageView>(
    await env.consult(
      'sendMessage',
      { consultId: c.id, clientMsgId: 'img-00000001', imageKey: img.key },
      drWang,
    ),
  );
  expect(sent).toMatchObject({ seq: 3, kind: 'image', image: { key: img.key } });
  expect((await view(c.id)).unread).toBe(2);
  const history = expectOk<{ items: MessageView[]; hasMore: boolean }>(
    await env.consult('listMessages', { consultId: c.id }),
  );
  expect(history.items.map((m) => [m.seq, m.sender, m.mine, m.text])).toEqual([
    [1, 'patient', true, '请问需要忌口吗？'],
    [2, 'doctor', false, '暂时避免辛辣食物，保持皮肤干燥。'],
    [3, 'doctor', false, null],
  ]);
  expect((await view(c.id)).unread).toBe(0);
  expect((await notices()).items.map((n) => n.kind)).toEqual(['reply', 'accepted']);

  const closed = expectOk<ConsultView>(
    await env.consult(
      'close',
      { consultId: c.id, summary: '考虑湿疹，外用药膏一周后复诊。' },
      drWang,
    ),
  );
  expect(closed).toMatchObject({
    status: 'closed',
    summary: '考虑湿疹，外用药膏一周后复诊。',
    contact: null,
  });
  expectError(
    await env.consult('sendMessage', {
      consultId: c.id,
      clientMsgId: 'late-0000001',
      text: '还在吗',
    }),
    'FAILED_PRECONDITION',
    { reason: 'wrong_status', status: 'closed' },
  );
  expect((await view(c.id)).status).toBe('closed');
});

it('cancelling before the doctor accepts refunds the full price once', async () => {
  const c = await paidConsult(env);
  const cancelled = expectOk<ConsultView>(await env.consult('cancel', { consultId: c.id }));
  expect(cancelled).toMatchObject({
    status: 'refunded',
    refund: { status: 'done', reason: 'cancelled', amount: PRICE },
  });
  expect(env.payment.refunds).toEqual([
    { outTradeNo: c.id, outRefundNo: `R${c.id}`, totalFen: PRICE, refundFen: PRICE },
  ]);
  expect((await env.store.get(SANDBOX_PAYMENTS.name, c.id))?.refunds).toEqual({
    [`R${c.id}`]: { amount: PRICE, at: expect.any(String) },
  });
  expectError(await env.consult('accept', { consultId: c.id }, drWang), 'CONFLICT', {
    status: 'refunded',
  });
  expectError(await env.consult('cancel', { consultId: c.id }), 'FAILED_PRECONDITION');
  await runConsultSweep(env.ctx());
  expect(env.payment.refunds).toHaveLength(1);
});

it('an unpaid order is cancelled without a refund; a cancelled order cannot be paid', async () => {
  const c = await createConsult(env);
  expect(expectOk<ConsultView>(await env.consult('cancel', { consultId: c.id }))).toMatchObject({
    status: 'cancelled',
    cancelReason: 'patient',
    refund: null,
  });
  expectError(await env.consult('pay', { consultId: c.id }), 'FAILED_PRECONDITION', {
    reason: 'wrong_status',
  });
  expect(env.payment.refunds).toEqual([]);
});

it('a consult not accepted within 48 hours is refunded by the sweep; a second run refunds nothing more', async () => {
  const c = await paidConsult(env);
  env.clock.advance(47 * HOUR);
  expect(await runConsultSweep(env.ctx())).toMatchObject({ expired: 0, refunds: 0 });
  expect((await view(c.id)).status).toBe('waiting');
  env.clock.advance(1 * HOUR + 1000);
  expect(await runConsultSweep(env.ctx())).toMatchObject({ expired: 1, refunds: 1 });
  expect(await runConsultSweep(env.ctx())).toMatchObject({ expired: 0, refunds: 0 });
  expect(await view(c.id)).toMatchObject({
    status: 'refunded',
    refund: { status: 'done', reason: 'timeout', amount: PRICE },
  });
  expect(env.payment.refunds).toHaveLength(1);
  expect((await notices()).items[0]).toMatchObject({ kind: 'refunded', consultId: c.id });
  expectError(await env.consult('accept', { consultId: c.id }, drWang), 'CONFLICT');
});

it('two sweeps at once refund once; a failed refund is retried by the next run', async () => {
  const c = await paidConsult(env);
  env.clock.advance(49 * HOUR);
  env.payment.failRefunds = true;
  const [r1, r2] = await Promise.all([runConsultSweep(env.ctx()), runConsultSweep(env.ctx())]);
  expect(r1.expired + r2.expired).toBe(1);
  expect(r1.refundFailures + r2.refundFailures).toBe(1);
  expect((await view(c.id)).refund).toMatchObject({ status: 'failed' });
  env.payment.failRefunds = false;
  env.clock.advance(2 * 60_000);
  await Promise.all([runConsultSweep(env.ctx()), runConsultSweep(env.ctx())]);
  expect(env.payment.refunds).toHaveLength(1);
  expect((await view(c.id)).refund).toMatchObject({ status: 'done' });
});

it('price 0 skips payment and goes straight to the queue; its timeout cancels without a refund', async () => {
  const c = await createConsult(env, alice, { doctorId: FREE_DOCTOR });
  expect(c).toMatchObject({ status: 'waiting', price: 0, acceptDeadline: expect.any(String) });
  expect(expectOk(await env.consult('pay', { consultId: c.id }))).toEqual({
    consultId: c.id,
    status: 'waiting',
    payment: null,
  });
  env.clock.advance(48 * HOUR + 1);
  await runConsultSweep(env.ctx());
  expect(await view(c.id)).toMatchObject({
    status: 'cancelled',
    cancelReason: 'timeout',
    refund: null,
  });
  expect(env.payment.refunds).toEqual([]);
});

it('an order left unpaid is cancelled after the payment window; paying after that is refunded', async () => {
  const c = await createConsult(env);
  expectOk(await env.consult('pay', { consultId: c.id }));
  env.clock.advance(2 * HOUR + 1000);
  expect(await runConsultSweep(env.ctx())).toMatchObject({ unpaid: 1 });
  expect(await view(c.id)).toMatchObject({ status: 'cancelled', cancelReason: 'unpaid' });
  // The sandbox page was still open: paying now is answered with a refund, not a consult.
  expect(expectOk(await env.consult('sandboxConfirm', { orderId: c.id, outcome: 'paid' }))).toEqual(
    { consultId: c.id, status: 'refunded' },
  );
  expect(await view(c.id)).toMatchObject({ refund: { reason: 'late_payment', status: 'done' } });
});

it('payInSandbox on an accepted consult is nothing to pay', async () => {
  const c = await activeConsult(env);
  expect(expectOk(await env.consult('pay', { consultId: c.id }))).toMatchObject({
    status: 'active',
    payment: null,
  });
  await expect(payInSandbox(env, c.id)).rejects.toThrow();
});
