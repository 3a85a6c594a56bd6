import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/list-states';
import { useAsync } from '../../../hooks/use-async';
import { getAppointment, type AppointmentData } from '../../../services/booking';
import { routes } from '../../../utils/routes';
import { AppointmentDetails } from '../parts/details';
import { PayOrRetry } from '../parts/pay-or-retry';
import { bookingUrls } from '../parts/urls';
import { useAppointmentActions } from '../parts/use-appointment-actions';
import '../parts/booking.css';
import './index.css';

function headline(a: AppointmentData): string {
  if (a.status === 'booked') return a.payAt === 'hospital' ? '预约成功，请到院支付' : '预约成功';
  if (a.status === 'pending_payment') return '待支付';
  if (a.status === 'released') return '支付超时，号源已释放';
  return a.statusLabel;
}

/**
 * After 确认预约 and paying: what the back end says now (it asks the payment provider),
 * the 取号码 when booked, or 去支付 while the place is still held.
 */
export default function BookingResultPage() {
  const id = useRouter().params.id ?? '';
  const load = useCallback(() => getAppointment({ id }), [id]);
  const appt = useAsync(id ? load : null);
  const actions = useAppointmentActions(appt.reload);

  if (!id) return <EmptyState text="未找到该预约" />;
  if (appt.status === 'error')
    return <ErrorState error={appt.error} onRetry={() => void appt.reload()} />;
  if (appt.status !== 'ready') return <ListSkeleton rows={3} />;
  const a = appt.data;
  return (
    <View className="page booking">
      <Text className={`booking-result__head booking-result__head--${a.status}`}>
        {headline(a)}
      </Text>
      <AppointmentDetails a={a} />
      <PayOrRetry
        a={a}
        actions={actions}
        reload={appt.reload}
        self={bookingUrls.result(id)}
        open="redirect"
      />
      <Button
        className="btn btn--block"
        onClick={() => void Taro.redirectTo({ url: bookingUrls.list })}
      >
        查看我的预约
      </Button>
      <Button className="btn btn--block" onClick={() => void Taro.switchTab({ url: routes.home })}>
        返回首页
      </Button>
    </View>
  );
}
