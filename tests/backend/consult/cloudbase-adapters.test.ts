/**
 * The CloudBase consult adapters: the exact wx-server-sdk calls for WeChat Pay (unifiedOrder,
 * queryOrder, refund) and subscribe messages, with jest mocks — never the network — and the
 * payment notice path end to end over real SQLite.
 */
import { createSubscribeNotifier } from '../../../backend/adapters/cloudbase/subscribe-notifier';
import {
  createCloudPayProvider,
  readPayNotice,
  type CloudPayApi,
} from '../../../backend/adapters/cloudbase/wechat-pay';
import { consultFunction, paymentNotice } from '../../../backend/consult';
import { dispatch } from '../../../backend/core/dispatch';
import { silentLogger } from '../../../backend/ports/logger';
import type { ConsultView } from '../../../contract/consult/views';
import { CHECKED, testRandom } from '../support/env';
import {
  alice,
  consultWorldEachTest,
  createConsult,
  drWang,
  expectError,
  expectOk,
  PRICE,
  type ConsultEnv,
} from './support';

const CONFIG = { subMchId: '1900000109', envId: 'prod-1a2b', functionName: 'consult' };
const PAYMENT = {
  timeStamp: '1764489600',
  nonceStr: 'goJo1XyhvJA7R1tV',
  package: 'prepay_id=wx0309344739726764273eb73ac311f50000',
  signType: 'MD5',
  paySign: '5B09DB7255C453630B331170F9EBC942',
};
const OK = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', errCode: 0 };

function cloudPay() {
  return {
    unifiedOrder: jest.fn(async () => ({ ...OK, payment: PAYMENT })),
    queryOrder: jest.fn(async () => ({ ...OK, tradeState: 'NOTPAY' })),
    refund: jest.fn(async () => ({ ...OK, refundId: '50302030148218522032126281690' })),
  } satisfies CloudPayApi;
}

describe('WeChat Pay through cloudPay', () => {
  it('unifiedOrder, queryOrder and refund are called with exactly these fields', async () => {
    const api = cloudPay();
    const random = testRandom(7);
    const pay = createCloudPayProvider(api, CONFIG, random);
    const launch = await pay.start({
      outTradeNo: 'cabc',
      amountFen: 3000,
      description: '上海助医-图文咨询-王医生',
      payerOpenid: 'o-1',
      clientIp: '203.0.113.9',
    });
    expect(api.unifiedOrder).toHaveBeenCalledWith({
      body: '上海助医-图文咨询-王医生',
      outTradeNo: 'cabc',
      spbillCreateIp: '203.0.113.9',
      subMchId: '1900000109',
      totalFee: 3000,
      envId: 'prod-1a2b',
      functionName: 'consult',
      nonceStr: expect.stringMatching(/^[a-f0-9]{32}$/),
      tradeType: 'JSAPI',
    });
    expect(launch).toEqual({ kind: 'wechat', orderId: 'cabc', params: PAYMENT });

    api.queryOrder.mockResolvedValueOnce({
      ...OK,
      tradeState: 'SUCCESS',
      totalFee: 3000,
      transactionId: '4200001',
    } as never);
    expect(await pay.query('cabc')).toEqual({
      state: 'paid',
      amountFen: 3000,
      transactionId: '4200001',
    });
    expect(api.queryOrder).toHaveBeenCalledWith({
      subMchId: '1900000109',
      outTradeNo: 'cabc',
      nonceStr: expect.stringMatching(/^[a-f0-9]{32}$/),
    });
    expect(await pay.query('cabc')).toEqual({ state: 'unpaid' });
    api.queryOrder.mockResolvedValueOnce({
      returnCode: 'SUCCESS',
      resultCode: 'FAIL',
      errCode: 'ORDERNOTEXIST',
    } as never);
    expect(await pay.query('cnone')).toEqual({ state: 'unpaid' });
    api.queryOrder.mockResolvedValueOnce({ ...OK, tradeState: 'CLOSED' } as never);
    expect(await pay.query('cold')).toEqual({ state: 'closed' });

    await pay.refund({ outTradeNo: 'cabc', outRefundNo: 'Rcabc', totalFen: 3000, refundFen: 3000 });
    expect(api.refund).toHaveBeenCalledWith({
      subMchId: '1900000109',
      nonceStr: expect.stringMatching(/^[a-f0-9]{32}$/),
      outTradeNo: 'cabc',
      outRefundNo: 'Rcabc',
      totalFee: 3000,
      refundFee: 3000,
      envId: 'prod-1a2b',
      functionName: 'consult',
    });
  });

  it('refusals reject (the handler answers payment_failed; the sweep retries refunds)', async () => {
    const api = cloudPay();
    api.unifiedOrder.mockResolvedValueOnce({
      returnCode: 'FAIL',
      returnMsg: 'sub_mch_id与sub_appid不匹配',
    } as never);
    api.refund.mockResolvedValueOnce({
      returnCode: 'SUCCESS',
      resultCode: 'FAIL',
      errCodeDes: '余额不足',
    } as never);
    const pay = createCloudPayProvider(api, CONFIG, testRandom());
    const order = {
      outTradeNo: 'c1',
      amountFen: 1,
      description: 'x',
      payerOpenid: 'o',
      clientIp: null,
    };
    await expect(pay.start(order)).rejects.toThrow(/sub_mch_id/);
    await expect(
      pay.refund({ outTradeNo: 'c1', outRefundNo: 'Rc1', totalFen: 1, refundFen: 1 }),
    ).rejects.toThrow(/余额不足/);
  });

  it('tells payment and refund notices apart from client calls', () => {
    expect(
      readPayNotice({ outTradeNo: 'c1', returnCode: 'SUCCESS', resultCode: 'SUCCESS' }),
    ).toEqual({
      kind: 'payment',
      outTradeNo: 'c1',
    });
    expect(readPayNotice({ outRefundNo: 'Rc1', returnCode: 'SUCCESS' })).toEqual({
      kind: 'refund',
    });
    expect(readPayNotice({ action: 'pay', outTradeNo: 'c1', returnCode: 'SUCCESS' })).toBeNull();
    expect(readPayNotice({ outTradeNo: 'c1' })).toBeNull();
    expect(readPayNotice('x')).toBeNull();
  });
});

describe('subscribe messages', () => {
  it('sends the template with the recipient, page and cut values', async () => {
    const send = jest.fn(async () => ({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }));
    const notifier = createSubscribeNotifier({ subscribeMessage: { send } }, 'tpl-1', silentLogger);
    expect(notifier.templateIds).toEqual(['tpl-1']);
    await notifier.notify({
      to: 'o-patient',
      kind: 'reply',
      consultId: 'c1',
      title: '医生回复了您',
      body: '王医生回复了您的咨询，请及时查看医生的建议和注意事项',
      page: 'subpackages/consult/chat/index?id=c1',
      at: new Date('2026-11-30T08:05:00Z'),
    });
    expect(send).toHaveBeenCalledWith({
      touser: 'o-patient',
      templateId: 'tpl-1',
      page: 'subpackages/consult/chat/index?id=c1',
      data: {
        thing1: { value: '医生回复了您' },
        thing2: { value: '王医生回复了您的咨询，请及时查看医生的…' },
        time3: { value: '2026-11-30 16:05' },
      },
    });
  });

  it('a recipient without a subscription (43101) is not an error; other failures are', async () => {
    const send = jest.fn();
    const notifier = createSubscribeNotifier({ subscribeMessage: { send } }, 'tpl-1', silentLogger);
    const notice = {
      to: 'o',
      kind: 'accepted' as const,
      consultId: 'c',
      title: 't',
      body: 'b',
      page: 'p',
      at: new Date(),
    };
    send.mockRejectedValueOnce(
      Object.assign(new Error('user refuse to accept the msg'), { errCode: 43101 }),
    );
    await expect(notifier.notify(notice)).resolves.toBeUndefined();
    send.mockRejectedValueOnce(Object.assign(new Error('invalid template id'), { errCode: 40037 }));
    await expect(notifier.notify(notice)).rejects.toThrow(/invalid template/);
  });
});

describe('the payment notice path, over real SQLite', () => {
  let env: ConsultEnv;
  let api: ReturnType<typeof cloudPay>;
  consultWorldEachTest((made) => (env = made));
  beforeEach(() => {
    api = cloudPay();
    const wechat = createCloudPayProvider(api, CONFIG, env.random);
    const ctx = env.ctx.bind(env);
    env.ctx = (who) => ({ ...ctx(who), payment: wechat });
  });

  // Through dispatch with the WeChat Pay provider in place of the sandbox.
  const consult = (action: string, data: unknown, who = alice) =>
    dispatch(consultFunction, { action, data }, env.ctx(who), CHECKED);

  it('pay answers wx.requestPayment params; a notice marks it paid only once WeChat confirms the amount', async () => {
    const c = await createConsult(env);
    const paid = expectOk<{ payment: unknown }>(await consult('pay', { consultId: c.id }));
    expect(paid.payment).toEqual({ kind: 'wechat', orderId: c.id, params: PAYMENT });
    expect(api.unifiedOrder).toHaveBeenCalledWith(
      expect.objectContaining({
        outTradeNo: c.id,
        totalFee: PRICE,
        spbillCreateIp: alice.clientIp,
      }),
    );
    // A forged notice: WeChat says not paid.
    expect(await paymentNotice(env.ctx(), c.id)).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(expectOk<ConsultView>(await consult('get', { consultId: c.id })).status).toBe(
      'pending_payment',
    );
    // Paid, but a different amount: not marked.
    api.queryOrder.mockResolvedValueOnce({ ...OK, tradeState: 'SUCCESS', totalFee: 1 } as never);
    await paymentNotice(env.ctx(), c.id);
    expect(expectOk<ConsultView>(await consult('get', { consultId: c.id })).status).toBe(
      'pending_payment',
    );
    // The real notice, delivered twice as WeChat may: one transition.
    api.queryOrder.mockResolvedValue({
      ...OK,
      tradeState: 'SUCCESS',
      totalFee: PRICE,
      transactionId: 't1',
    } as never);
    await Promise.all([paymentNotice(env.ctx(), c.id), paymentNotice(env.ctx(), c.id)]);
    expect(expectOk<ConsultView>(await consult('get', { consultId: c.id }))).toMatchObject({
      status: 'waiting',
      paidAt: expect.any(String),
    });
    expect(
      (env.events.get(drWang.openid) ?? []).filter(
        (e) => e.type === 'queue' && e.status === 'waiting',
      ),
    ).toHaveLength(1);
    // The sandbox is not there in production.
    expectError(
      await consult('sandboxConfirm', { orderId: c.id, outcome: 'paid' }),
      'FAILED_PRECONDITION',
      {
        reason: 'sandbox_unavailable',
      },
    );
    // Cancel before acceptance: a full refund through cloudPay.refund.
    expectOk(await consult('cancel', { consultId: c.id }));
    expect(api.refund).toHaveBeenCalledWith(
      expect.objectContaining({
        outTradeNo: c.id,
        outRefundNo: `R${c.id}`,
        totalFee: PRICE,
        refundFee: PRICE,
      }),
    );
  });

  it('a notice that fails to be processed asks WeChat to retry', async () => {
    const c = await createConsult(env);
    expectOk(await consult('pay', { consultId: c.id }));
    api.queryOrder.mockRejectedValueOnce(new Error('network'));
    expect(await paymentNotice(env.ctx(), c.id)).toEqual({ errcode: 1, errmsg: 'RETRY' });
  });
});
