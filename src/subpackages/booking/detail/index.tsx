import { Button, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useRef } from 'react';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/list-states';
import { useAsync } from '../../../hooks/use-async';
import { getAppointment } from '../../../services/booking';
import { go, routes } from '../../../utils/routes';
import { AppointmentDetails } from '../parts/details';
import { PayOrRetry } from '../parts/pay-or-retry';
import { ProblemNote } from '../parts/problem';
import { bookingUrls } from '../parts/urls';
import { useAppointmentActions } from '../parts/use-appointment-actions';
import '../parts/booking.css';

/**
 * 预约详情 (also where a reminder or 停诊 notice opens): everything about one appointment,
 * 去支付 while 待支付, 取消预约 until the free-cancellation cutoff (after it the rule is shown
 * instead), and 再次预约 once it is over.
 */
export default function BookingDetailPage() {
  const id = useRouter().params.id ?? '';
  const load = useCallback(() => getAppointment({ id }), [id]);
  const appt = useAsync(id ? load : null);
  const actions = useAppointmentActions(appt.reload);
  // Back from 模拟支付 or WeChat Pay: read the state again.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void appt.reload();
    shown.current = true;
  });

  if (!id) return <EmptyState text="未找到该预约" />;
  if (appt.status === 'error')
    return <ErrorState error={appt.error} onRetry={() => void appt.reload()} />;
  if (appt.status !== 'ready') return <ListSkeleton rows={3} />;
  const a = appt.data;
  const open = a.status === 'pending_payment' || a.status === 'booked';
  const over = a.status !== 'pending_payment' && a.status !== 'booked';

  return (
    <View className="page booking">
      <AppointmentDetails a={a} />
      {open && !a.cancellable ? (
        <ProblemNote
          problem={{ text: '已过免费取消时间，无法在线取消。如不能就诊，请联系医院', next: null }}
          onAction={() => false}
          self={bookingUrls.detail(id)}
        />
      ) : null}
      <PayOrRetry
        a={a}
        actions={actions}
        reload={appt.reload}
        self={bookingUrls.detail(id)}
        open="navigate"
      />
      {open && a.cancellable ? (
        <Button
          className="btn btn--block"
          disabled={actions.busy}
          onClick={() => void actions.cancel(a)}
        >
          取消预约
        </Button>
      ) : null}
      {over ? (
        <Button className="btn btn--block" onClick={() => go(bookingUrls.schedule(a.doctor.id))}>
          再次预约
        </Button>
      ) : null}
      {over ? null : (
        <Button className="btn btn--block" onClick={() => go(routes.doctor(a.doctor.id))}>
          医生主页
        </Button>
      )}
    </View>
  );
}
