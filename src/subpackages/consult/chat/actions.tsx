import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { SUMMARY_CHARS } from '../../../../contract/consult/items';
import {
  acceptConsult,
  cancelConsult,
  closeConsult,
  consultErrorText,
  type ConsultViewData,
} from '../../../services/consult';
import { formatPrice } from '../../../utils/format';
import { startPayment } from './payment';

interface Props {
  consult: ConsultViewData;
  onChanged: (next: ConsultViewData | null) => void;
}

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

/** What each side can do in the consult's state: pay/cancel (patient), accept/close (doctor). */
export function ChatActions({ consult, onChanged }: Props) {
  const [summary, setSummary] = useState('');
  const [closing, setClosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const { status, role, id } = consult;

  const run = async (work: () => Promise<ConsultViewData | null>) => {
    setBusy(true);
    try {
      onChanged(await work());
    } catch (e) {
      toast(consultErrorText(e));
      onChanged(null);
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    const paid = status === 'waiting' && consult.price > 0;
    const { confirm } = await Taro.showModal({
      title: '取消咨询',
      content: paid
        ? `医生尚未接诊，取消后 ${formatPrice(consult.price)} 将全额原路退回。`
        : '确定取消这次咨询吗？',
      confirmText: '确定取消',
      cancelText: '再等等',
    });
    if (confirm) await run(() => cancelConsult({ consultId: id }));
  };

  const close = async () => {
    const n = [...summary.trim()].length;
    if (n < SUMMARY_CHARS.min || n > SUMMARY_CHARS.max) {
      toast(`请填写 ${SUMMARY_CHARS.min}–${SUMMARY_CHARS.max} 字的咨询总结`);
      return;
    }
    await run(() => closeConsult({ consultId: id, summary: summary.trim() }));
    setClosing(false);
  };

  if (role === 'patient') {
    if (status !== 'pending_payment' && status !== 'waiting') return null;
    return (
      <View className="chat-actions">
        {status === 'pending_payment' ? (
          <Button
            className="btn btn--primary btn--small"
            loading={busy}
            onClick={() => void run(async () => (await startPayment(id, 'navigate'), null))}
          >
            去支付 {formatPrice(consult.price)}
          </Button>
        ) : null}
        <Button className="btn btn--small" disabled={busy} onClick={() => void cancel()}>
          取消咨询
        </Button>
      </View>
    );
  }
  if (status === 'waiting') {
    return (
      <View className="chat-actions">
        <Button
          className="btn btn--primary btn--small"
          loading={busy}
          onClick={() => void run(() => acceptConsult({ consultId: id }))}
        >
          接诊
        </Button>
      </View>
    );
  }
  if (status !== 'active') return null;
  if (!closing) {
    return (
      <View className="chat-actions">
        <Button className="btn btn--small" onClick={() => setClosing(true)}>
          结束咨询
        </Button>
      </View>
    );
  }
  return (
    <View className="chat-actions chat-actions--close">
      <Text className="section__title">咨询总结（患者可见）</Text>
      <Textarea
        className="chat-actions__summary"
        placeholder="请填写诊断意见与建议"
        value={summary}
        maxlength={SUMMARY_CHARS.max}
        onInput={(e) => setSummary(e.detail.value)}
      />
      <View className="chat-actions">
        <Button className="btn btn--small" onClick={() => setClosing(false)}>
          返回
        </Button>
        <Button className="btn btn--primary btn--small" loading={busy} onClick={() => void close()}>
          提交并结束
        </Button>
      </View>
    </View>
  );
}
