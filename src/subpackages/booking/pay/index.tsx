import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/list-states';
import { useAsync } from '../../../hooks/use-async';
import {
  bookingProblem,
  getAppointment,
  sandboxConfirmAppointment,
  type BookingProblem,
} from '../../../services/booking';
import { formatPrice } from '../../../utils/format';
import { visitDay } from '../parts/appointment-card';
import { ProblemNote } from '../parts/problem';
import { bookingUrls } from '../parts/urls';
import '../parts/booking.css';
import './index.css';

/**
 * 模拟支付 for a registration fee (local sandbox only; `orderId` is the appointment id): the
 * amount from `get`, 确认支付 or 取消 through sandboxConfirm, then the result page, which
 * shows what the back end now says (booked, or still 待支付 with 去支付).
 */
export default function BookingPayPage() {
  const orderId = useRouter().params.orderId ?? '';
  const load = useCallback(() => getAppointment({ id: orderId }), [orderId]);
  const appt = useAsync(orderId ? load : null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<BookingProblem | null>(null);

  const answer = async (outcome: 'paid' | 'cancelled') => {
    setBusy(true);
    setProblem(null);
    try {
      await sandboxConfirmAppointment({ appointmentId: orderId, outcome });
      void Taro.showToast({ title: outcome === 'paid' ? '支付成功' : '已取消支付', icon: 'none' });
      await Taro.redirectTo({ url: bookingUrls.result(orderId) });
    } catch (e) {
      setProblem(bookingProblem(e));
    } finally {
      setBusy(false);
    }
  };

  if (!orderId) return <EmptyState text="未找到订单" />;
  if (appt.status === 'error')
    return <ErrorState error={appt.error} onRetry={() => void appt.reload()} />;
  if (appt.status !== 'ready') return <ListSkeleton rows={1} />;
  const a = appt.data;
  return (
    <View className="page booking-pay">
      <Text className="booking-pay__badge">本地测试环境 · 不会产生真实扣款</Text>
      <Text className="booking-pay__title">
        预约挂号 · {a.doctor.name} · {visitDay(a.date)} {a.periodLabel}
      </Text>
      <Text className="muted">{a.hospital.name}</Text>
      <Text className="booking-pay__amount">{formatPrice(a.feeFen)}</Text>
      {a.status !== 'pending_payment' ? <Text className="muted">该预约当前无需支付</Text> : null}
      {problem ? (
        <ProblemNote
          problem={problem}
          self={`/subpackages/booking/pay/index?orderId=${encodeURIComponent(orderId)}`}
          onAction={(next) => {
            if (next !== 'retry' && next !== 'refresh') return false;
            void appt.reload();
            setProblem(null);
            return true;
          }}
        />
      ) : null}
      <Button
        className="btn btn--primary"
        loading={busy}
        disabled={busy || a.status !== 'pending_payment'}
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
