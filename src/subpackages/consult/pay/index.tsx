import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/list-states';
import { useAsync } from '../../../hooks/use-async';
import { consultErrorText, getConsult, sandboxConfirm } from '../../../services/consult';
import { formatPrice } from '../../../utils/format';
import { chatUrl } from '../chat/payment';
import './index.css';

type PageLike = { route?: string; path?: string };

/** Back to the chat: the page below when it is that chat, else the chat replaces this page. */
function backToChat(consultId: string): void {
  const pages = (Taro.getCurrentPages?.() ?? []) as PageLike[];
  const below = pages.length >= 2 ? pages[pages.length - 2] : null;
  const path = below ? (below.route ?? below.path ?? '') : '';
  if (path.includes('consult-chat')) void Taro.navigateBack();
  else void Taro.redirectTo({ url: chatUrl(consultId) });
}

/**
 * 模拟支付 (local sandbox only; `orderId` is the consult id): the amount from `get`, then
 * 确认支付 or 取消 through sandboxConfirm, then back to the chat.
 */
export default function ConsultPayPage() {
  const orderId = useRouter().params.orderId ?? '';
  const load = useCallback(() => getConsult({ consultId: orderId }), [orderId]);
  const consult = useAsync(orderId ? load : null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const answer = async (outcome: 'paid' | 'cancelled') => {
    setBusy(true);
    setError(null);
    try {
      const res = await sandboxConfirm({ orderId, outcome });
      void Taro.showToast({ title: outcome === 'paid' ? '支付成功' : '已取消支付', icon: 'none' });
      backToChat(res.consultId);
    } catch (e) {
      setError(consultErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (!orderId) return <EmptyState text="未找到订单" />;
  if (consult.status === 'error') {
    return <ErrorState error={consult.error} onRetry={() => void consult.reload()} />;
  }
  if (consult.status !== 'ready') return <ListSkeleton rows={1} />;
  const c = consult.data;
  return (
    <View className="page consult-pay">
      <Text className="consult-pay__badge">本地测试环境 · 不会产生真实扣款</Text>
      <Text className="consult-pay__title">
        图文咨询 · {c.doctor.name} {c.doctor.title}
      </Text>
      <Text className="consult-pay__amount">{formatPrice(c.price)}</Text>
      {c.status !== 'pending_payment' ? <Text className="muted">该订单当前无需支付</Text> : null}
      {error ? (
        <View className="field__error" role="alert">
          {error}
        </View>
      ) : null}
      <Button
        className="btn btn--primary"
        loading={busy}
        disabled={busy || c.status !== 'pending_payment'}
        onClick={() => void answer('paid')}
      >
        确认支付
      </Button>
      <Button className="btn" disabled={busy} onClick={() => void answer('cancelled')}>
        取消
      </Button>
    </View>
  );
}
