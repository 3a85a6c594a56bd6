import { CONSULT_PAGES } from '../../../contract/consult/items';
import { SANDBOX_PAYMENTS } from '../../collections';
import type { Clock } from '../../ports/clock';
import type { DocumentStore, StoredDoc } from '../../ports/document-store';
import type { PaymentProvider } from '../../ports/payment';
import type { Random } from '../../ports/random';

/**
 * The local payment sandbox: no money moves. `start` opens an order and points the client
 * at the 模拟支付 page (`/subpackages/consult/pay/index?orderId=…`, built by the front end),
 * which shows the amount (from `get {consultId: orderId}`) and answers with
 * `sandboxConfirm {orderId, outcome}`. Only the payer's own order can be decided. Refunds
 * are recorded once per refund number. Never configured in production (ports.ts).
 */
interface SandboxOrder extends StoredDoc {
  owner: string;
  amount: number;
  description: string;
  status: 'pending' | 'paid' | 'cancelled';
  createdAt: string;
  paidAt: string | null;
  transactionId: string | null;
  refunds: Record<string, { amount: number; at: string }>;
}

export function createSandboxPayment(deps: {
  store: DocumentStore;
  clock: Clock;
  random: Random;
}): PaymentProvider {
  const { store, clock } = deps;
  const get = (id: string) => store.get<SandboxOrder>(SANDBOX_PAYMENTS.name, id);
  return {
    kind: 'sandbox',
    async start(order) {
      const existing = await get(order.outTradeNo);
      if (!existing) {
        const doc: SandboxOrder = {
          _id: order.outTradeNo,
          owner: order.payerOpenid,
          amount: order.amountFen,
          description: order.description,
          status: 'pending',
          createdAt: clock.now().toISOString(),
          paidAt: null,
          transactionId: null,
          refunds: {},
        };
        await store.insert(SANDBOX_PAYMENTS.name, doc);
      } else if (existing.status === 'cancelled') {
        // Cancelled on the 模拟支付 page, then 去支付 again: the same order reopens.
        await store.updateIf(
          SANDBOX_PAYMENTS.name,
          existing._id,
          { status: 'cancelled' },
          { set: { status: 'pending' } },
        );
      }
      const orderId = order.outTradeNo;
      return {
        kind: 'sandbox',
        orderId,
        sandboxUrl: `/${order.sandboxPage ?? CONSULT_PAGES.sandboxPay}?orderId=${encodeURIComponent(orderId)}`,
      };
    },
    async query(outTradeNo) {
      const order = await get(outTradeNo);
      if (!order || order.status !== 'paid') return { state: 'unpaid' };
      return {
        state: 'paid',
        amountFen: order.amount,
        transactionId: order.transactionId ?? undefined,
      };
    },
    async refund(request) {
      const order = await get(request.outTradeNo);
      if (!order || order.status !== 'paid')
        throw new Error(`sandbox order ${request.outTradeNo} is not paid`);
      if (order.refunds[request.outRefundNo]) return;
      const refunded = Object.values(order.refunds).reduce((s, r) => s + r.amount, 0);
      if (refunded + request.refundFen > order.amount)
        throw new Error('refund exceeds the amount paid');
      await store.update(SANDBOX_PAYMENTS.name, order._id, {
        set: {
          [`refunds.${request.outRefundNo}`]: {
            amount: request.refundFen,
            at: clock.now().toISOString(),
          },
        },
      });
    },
    sandbox: {
      async decide(orderId, payer, outcome) {
        const order = await get(orderId);
        if (!order || order.owner !== payer) return false;
        const set =
          outcome === 'paid'
            ? {
                status: 'paid',
                paidAt: clock.now().toISOString(),
                transactionId: `sandbox-${deps.random.hex(8)}`,
              }
            : { status: 'cancelled' };
        // Only a pending order changes; deciding again answers as before, changing nothing.
        await store.updateIf(SANDBOX_PAYMENTS.name, orderId, { status: 'pending' }, { set });
        return true;
      },
    },
  };
}
