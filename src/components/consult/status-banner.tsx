import { Text, View } from '@tarojs/components';
import { CONSULT_STATUS_LABELS } from '../../../contract/consult/items';
import type { ConsultViewData } from '../../services/consult';
import { formatPrice } from '../../utils/format';
import './index.css';

function refundNote(c: ConsultViewData): string | null {
  if (!c.refund) return null;
  const amount = formatPrice(c.refund.amount);
  if (c.refund.status === 'done') return `已退款 ${amount}，将按原路退回`;
  if (c.refund.status === 'failed') return `退款 ${amount} 处理中，系统会自动重试`;
  return `退款 ${amount} 处理中`;
}

function detail(c: ConsultViewData): string {
  const doctorSide = c.role === 'doctor';
  switch (c.status) {
    case 'pending_payment':
      return '请完成支付，支付后医生即可接诊';
    case 'waiting':
      return doctorSide ? '患者正在等待接诊' : '已提交，等待医生接诊；接诊前可取消并全额退款';
    case 'active':
      return doctorSide ? '咨询进行中' : '医生已接诊，可以开始交流';
    case 'closed':
      return '咨询已结束';
    case 'cancelled':
      return '咨询已取消';
    case 'refunded':
      return '咨询已取消并退款';
  }
}

/** The consult's state in words, with the refund and the closing summary when there are. */
export function StatusBanner({ consult }: { consult: ConsultViewData }) {
  const refund = refundNote(consult);
  return (
    <View className={`status-banner status-banner--${consult.status}`}>
      <Text className="status-banner__label">{CONSULT_STATUS_LABELS[consult.status]}</Text>
      <Text className="status-banner__detail">{detail(consult)}</Text>
      {refund ? <Text className="status-banner__detail">{refund}</Text> : null}
      {consult.status === 'closed' && consult.summary ? (
        <View className="status-banner__summary">
          <Text className="status-banner__summary-title">医生总结</Text>
          <Text>{consult.summary}</Text>
        </View>
      ) : null}
    </View>
  );
}
