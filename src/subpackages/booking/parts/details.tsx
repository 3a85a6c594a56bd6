import { Text, View } from '@tarojs/components';
import { shanghaiTime, type AppointmentData } from '../../../services/booking';
import { formatPrice } from '../../../utils/format';
import { AppointmentCard } from './appointment-card';

const REFUND_TEXT: Record<string, string> = {
  pending: '退款处理中',
  sending: '退款处理中',
  done: '已退款',
  failed: '退款处理中（系统将自动重试）',
};

/** The refund in words: amount and where it is (原路退回 to what paid). */
export function refundText(refund: NonNullable<AppointmentData['refund']>): string {
  return `${REFUND_TEXT[refund.status] ?? '退款处理中'} ${formatPrice(refund.amountFen)}，原路退回`;
}

/**
 * One appointment in full: the card, the 取号码 and what to bring while booked, the payment
 * hold while 待支付, the free-cancellation cutoff, and the refund when there is one.
 */
export function AppointmentDetails({ a }: { a: AppointmentData }) {
  return (
    <View>
      <AppointmentCard a={a} />
      {a.visitCode ? (
        <View className="booking-panel">
          <Text className="booking-panel__title">取号码</Text>
          <Text className="booking-code" data-testid="visit-code">
            {a.visitCode}
          </Text>
          <Text className="muted">就诊当天到院后向医生或分诊台出示取号码</Text>
        </View>
      ) : null}
      {a.status === 'pending_payment' && a.holdUntil ? (
        <View className="booking-panel">
          <Text className="booking-rules__item">
            请在 {shanghaiTime(a.holdUntil)} 前完成支付，逾期号源自动释放
          </Text>
        </View>
      ) : null}
      {a.refund ? (
        <View className="booking-panel">
          <Text className="booking-panel__title">退款</Text>
          <Text data-testid="refund">{refundText(a.refund)}</Text>
        </View>
      ) : null}
      {a.status === 'stopped' ? (
        <View className="booking-panel">
          <Text className="booking-rules__item">
            医生停诊，本次预约已取消{a.refund ? '，挂号费全额退回' : ''}。可重新预约其他时段。
          </Text>
        </View>
      ) : null}
      {a.status === 'booked' || a.status === 'pending_payment' ? (
        <View className="booking-panel">
          <Text className="booking-panel__title">就诊须知</Text>
          <Text className="booking-rules__item">
            · {shanghaiTime(a.cancelUntil)} 前可免费取消并全额退款，之后不可取消
          </Text>
          {a.bring.map((b) => (
            <Text key={b} className="booking-rules__item">
              · 携带{b}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
