import type { PaymentProvider, PaymentState } from '../../ports/payment';
import type { Random } from '../../ports/random';

/**
 * WeChat Pay through CloudBase (`cloud.cloudPay`, no certificates in our hands). The SDK
 * turns these camelCase fields into WeChat Pay's snake_case and answers in camelCase.
 *   unifiedOrder → the `payment` object wx.requestPayment takes; WeChat then calls the
 *     function `functionName` (our `consult` function) with the payment notice;
 *   queryOrder   → whether an order is paid (a notice is only a reason to ask);
 *   refund       → full refunds, idempotent by outRefundNo.
 * Settings from the function's environment: WX_PAY_SUB_MCH_ID (the merchant number bound in
 * 云开发控制台 → 设置 → 微信支付) and WX_PAY_ENV_ID (the environment of the notice function).
 */
export interface WeChatPayConfig {
  subMchId: string;
  envId: string;
  /** The cloud function WeChat Pay notifies: `consult`. */
  functionName: string;
}

interface PayResult {
  returnCode?: string;
  returnMsg?: string;
  resultCode?: string;
  errCode?: string | number;
  errCodeDes?: string;
}

export interface CloudPayApi {
  unifiedOrder(params: {
    body: string;
    outTradeNo: string;
    spbillCreateIp: string;
    subMchId: string;
    totalFee: number;
    envId: string;
    functionName: string;
    nonceStr: string;
    tradeType: 'JSAPI';
    /** yyyyMMddHHmmss, Beijing time. */
    timeExpire?: string;
  }): Promise<
    PayResult & {
      payment?: {
        timeStamp: string;
        nonceStr: string;
        package: string;
        signType: string;
        paySign: string;
      };
    }
  >;
  queryOrder(params: {
    subMchId: string;
    outTradeNo: string;
    nonceStr: string;
  }): Promise<PayResult & { tradeState?: string; totalFee?: number; transactionId?: string }>;
  refund(params: {
    subMchId: string;
    nonceStr: string;
    outTradeNo: string;
    outRefundNo: string;
    totalFee: number;
    refundFee: number;
    envId: string;
    functionName: string;
  }): Promise<PayResult & { refundId?: string }>;
}

const ok = (r: PayResult) => r.returnCode === 'SUCCESS' && r.resultCode === 'SUCCESS';
const why = (r: PayResult) =>
  `${r.returnCode ?? '?'}/${r.resultCode ?? '?'} ${r.errCode ?? ''} ${r.errCodeDes ?? r.returnMsg ?? ''}`.trim();

/** Trade states: SUCCESS and REFUND (paid, money on its way back) count as paid. */
function stateOf(tradeState: string | undefined): PaymentState['state'] {
  if (tradeState === 'SUCCESS' || tradeState === 'REFUND') return 'paid';
  if (tradeState === 'CLOSED' || tradeState === 'REVOKED' || tradeState === 'PAYERROR')
    return 'closed';
  return 'unpaid';
}

/** WeChat Pay's time format: yyyyMMddHHmmss in Beijing time (UTC+8, whatever the function's TZ). */
export function beijingStamp(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function createCloudPayProvider(
  cloudPay: CloudPayApi,
  config: WeChatPayConfig,
  random: Random,
): PaymentProvider {
  const nonce = () => random.hex(16);
  return {
    kind: 'wechat',
    async start(order) {
      const result = await cloudPay.unifiedOrder({
        body: order.description,
        outTradeNo: order.outTradeNo,
        spbillCreateIp: order.clientIp ?? '127.0.0.1',
        subMchId: order.subMchId ?? config.subMchId,
        totalFee: order.amountFen,
        ...(order.expiresAt ? { timeExpire: beijingStamp(order.expiresAt) } : {}),
        envId: config.envId,
        functionName: config.functionName,
        nonceStr: nonce(),
        tradeType: 'JSAPI',
      });
      if (!ok(result) || !result.payment) throw new Error(`unifiedOrder refused: ${why(result)}`);
      const p = result.payment;
      return {
        kind: 'wechat',
        orderId: order.outTradeNo,
        params: {
          timeStamp: p.timeStamp,
          nonceStr: p.nonceStr,
          package: p.package,
          signType: p.signType,
          paySign: p.paySign,
        },
      };
    },
    async query(outTradeNo, subMchId) {
      const result = await cloudPay.queryOrder({
        subMchId: subMchId ?? config.subMchId,
        outTradeNo,
        nonceStr: nonce(),
      });
      if (result.returnCode === 'SUCCESS' && result.errCode === 'ORDERNOTEXIST')
        return { state: 'unpaid' };
      if (!ok(result)) throw new Error(`queryOrder failed: ${why(result)}`);
      const state = stateOf(result.tradeState);
      return state === 'paid'
        ? { state, amountFen: result.totalFee, transactionId: result.transactionId }
        : { state };
    },
    async refund(request) {
      const result = await cloudPay.refund({
        subMchId: request.subMchId ?? config.subMchId,
        nonceStr: nonce(),
        outTradeNo: request.outTradeNo,
        outRefundNo: request.outRefundNo,
        totalFee: request.totalFen,
        refundFee: request.refundFen,
        envId: config.envId,
        functionName: config.functionName,
      });
      if (!ok(result)) throw new Error(`refund refused: ${why(result)}`);
    },
  };
}

/** Reads WX_PAY_SUB_MCH_ID and WX_PAY_ENV_ID: both (payments on), neither (free consults only), or it throws. */
export function weChatPayConfigFromEnv(
  env: NodeJS.ProcessEnv,
  functionName: string,
): WeChatPayConfig | null {
  const subMchId = env.WX_PAY_SUB_MCH_ID?.trim();
  const envId = env.WX_PAY_ENV_ID?.trim();
  if (!subMchId && !envId) return null;
  if (!subMchId || !envId)
    throw new Error('WeChat Pay is half configured: set both WX_PAY_SUB_MCH_ID and WX_PAY_ENV_ID');
  return { subMchId, envId, functionName };
}

/**
 * A WeChat Pay notice as the notified function receives it (an event with no `action`):
 * a payment (outTradeNo + returnCode) or a refund (outRefundNo / reqInfo). Null otherwise.
 */
export function readPayNotice(
  event: unknown,
): { kind: 'payment'; outTradeNo: string } | { kind: 'refund' } | null {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return null;
  const e = event as Record<string, unknown>;
  if ('action' in e) return null;
  if ('outRefundNo' in e || 'reqInfo' in e) return { kind: 'refund' };
  if (typeof e.outTradeNo === 'string' && ('returnCode' in e || 'resultCode' in e))
    return { kind: 'payment', outTradeNo: e.outTradeNo };
  return null;
}
