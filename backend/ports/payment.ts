import type { PaymentLaunch } from '../../contract/consult/views';

/**
 * PaymentProvider: taking and returning money for a consult (docs/ARCHITECTURE.md "The ports").
 * Adapters: WeChat Pay through CloudBase (cloudPay) and a local sandbox. The handler never
 * trusts a client's word that something was paid: it asks `query`.
 */
export interface PaymentOrder {
  /** Our order number (the consult id): ≤ 32 of [A-Za-z0-9_-], the same on every retry. */
  outTradeNo: string;
  amountFen: number;
  /** What the payer sees (≤ 128 bytes). */
  description: string;
  payerOpenid: string;
  clientIp: string | null;
  /**
   * The payee as a 服务商 sub-merchant (booking: the hospital's own merchant number, so the
   * fee never passes through the platform's account; docs/booking-payments.md). Absent: the
   * adapter's configured merchant (consultations).
   */
  subMchId?: string;
  /** The order cannot be paid after this (WeChat Pay time_expire); booking's 15-minute hold. */
  expiresAt?: Date;
  /** The local sandbox's 模拟支付 page for this order (booking has its own); default consult's. */
  sandboxPage?: string;
}

export interface PaymentState {
  /** paid: money taken; unpaid: not (yet); closed: the order can no longer be paid. */
  state: 'paid' | 'unpaid' | 'closed';
  amountFen?: number;
  transactionId?: string;
}

export interface RefundRequest {
  outTradeNo: string;
  /** Stable per refund: a retry with the same number is the same refund at the provider. */
  outRefundNo: string;
  totalFen: number;
  refundFen: number;
  /** The sub-merchant the order was paid to (see PaymentOrder.subMchId). */
  subMchId?: string;
}

/** The sandbox's controls, which only the local adapter has (sandboxConfirm). */
export interface SandboxControls {
  /** Records the 模拟支付 page's answer for an order of `payer`; false when no such order is theirs. */
  decide(orderId: string, payer: string, outcome: 'paid' | 'cancelled'): Promise<boolean>;
}

export interface PaymentProvider {
  readonly kind: 'wechat' | 'sandbox' | 'none';
  /** What the client needs to pay the order; rejects when the provider refuses. */
  start(order: PaymentOrder): Promise<PaymentLaunch>;
  query(outTradeNo: string, subMchId?: string): Promise<PaymentState>;
  /** Resolves once the provider accepted the refund; rejects otherwise (the sweep retries). */
  refund(request: RefundRequest): Promise<void>;
  readonly sandbox?: SandboxControls;
}

/** For a deployment that takes no money (self-hosted in production): free consults only. */
export const noPayments: PaymentProvider = {
  kind: 'none',
  start: () => Promise.reject(new Error('payments are not configured')),
  query: async () => ({ state: 'unpaid' }),
  refund: () => Promise.reject(new Error('payments are not configured')),
};
