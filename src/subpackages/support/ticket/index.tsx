import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import {
  PRIVACY_KIND_LABELS,
  TICKET_STATUS_LABELS,
  TICKET_TEXT_MAX,
} from '../../../../contract/support/items';
import { ErrorState, ListSkeleton } from '../../../components/list-states';
import { PrivacyHost } from '../../../components/privacy-host';
import { handleAccountError } from '../../../session/require-login';
import { toServiceError, type ServiceError } from '../../../services/errors';
import {
  closeTicket,
  getTicket,
  replyTicket,
  supportErrorText,
  type TicketData,
} from '../../../services/support';
import { formatLocalDateTime } from '../../../utils/format';
import { routes } from '../../../utils/routes';
import { useAccountPage } from '../../account/use-account-page';
import { RateCard, rateOf } from './rate-card';
import '../support.css';

/**
 * How often an open ticket asks for 客服's answer while the page is shown. Live updates are
 * polled here (not pushed as consult chat is): a ticket is answered in hours, not seconds.
 */
const TICKET_POLL_MS = 15_000;

const WHO = { patient: '我', support: '客服', system: '系统自动回复' } as const;

/** 工单详情 (CS, SEC): the conversation, its status and due date; reply, close, rate. */
export default function SupportTicketPage() {
  const id = useRouter().params.id ?? '';
  const self = routes.supportTicket(id);
  const state = useAccountPage(self);
  const [data, setData] = useState<TicketData | null>(null);
  const [failure, setFailure] = useState<ServiceError | null>(null);
  const [shown, setShown] = useState(true);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));

  const refresh = useCallback(async () => {
    try {
      setData(await getTicket({ ticketId: id }));
      setFailure(null);
    } catch (e) {
      const err = toServiceError(e);
      if (!handleAccountError(err, self)) setFailure(err);
    }
  }, [id, self]);

  const closed = data?.ticket.status === 'closed';
  useEffect(() => {
    if (!state || !shown) return;
    void refresh();
    if (closed) return;
    const timer = setInterval(() => void refresh(), TICKET_POLL_MS);
    return () => clearInterval(timer);
  }, [state, shown, closed, refresh]);

  const act = async (work: () => Promise<TicketData>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setData(await work());
      return true;
    } catch (e) {
      if (!handleAccountError(toServiceError(e), self)) setError(supportErrorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    if ([...text.trim()].length === 0) return;
    if (await act(() => replyTicket({ ticketId: id, text }))) setText('');
  };
  const close = async () => {
    const { confirm } = await Taro.showModal({
      title: '关闭工单',
      content: '问题已解决？关闭后不能再回复，可以对本次服务评价。',
      confirmText: '关闭',
      cancelText: '取消',
    });
    if (confirm) await act(() => closeTicket({ ticketId: id }));
  };

  if (failure && !data)
    return (
      <View className="page">
        <ErrorState error={failure} onRetry={() => void refresh()} />
      </View>
    );
  if (!data)
    return (
      <View className="page">
        <ListSkeleton rows={2} />
      </View>
    );
  const { ticket, messages } = data;
  return (
    <View className="page support-ticket">
      <View className="support-card">
        <Text className="support-card__title">
          {ticket.category} · {TICKET_STATUS_LABELS[ticket.status]}
        </Text>
        {ticket.privacyKind ? (
          <Text className="support-card__text">{PRIVACY_KIND_LABELS[ticket.privacyKind]}</Text>
        ) : null}
        <Text className="support-card__text">
          {closed
            ? `已于 ${formatLocalDateTime(ticket.closedAt ?? ticket.updatedAt)} 关闭`
            : `预计 ${ticket.dueDate} 前答复（按法定工作日计算）`}
        </Text>
        {messages.map((m) => (
          <View key={m.id} className={`support-message support-message--${m.author}`}>
            <Text className="support-message__who">
              {WHO[m.author]} · {formatLocalDateTime(m.at)}
            </Text>
            <Text className="support-message__text">{m.text}</Text>
          </View>
        ))}
      </View>
      {closed ? (
        <RateCard
          ticket={ticket}
          busy={busy}
          onRate={(score, comment) => void act(() => rateOf(id, score, comment))}
        />
      ) : (
        <View className="support-card">
          <Textarea
            className="support-textarea"
            placeholder="补充说明"
            value={text}
            maxlength={TICKET_TEXT_MAX}
            onInput={(e) => setText(e.detail.value)}
          />
          <View className="support-actions">
            <Button
              className="btn btn--primary btn--small"
              disabled={busy}
              onClick={() => void send()}
            >
              发送
            </Button>
            <Button className="btn btn--small" disabled={busy} onClick={() => void close()}>
              问题已解决，关闭工单
            </Button>
          </View>
        </View>
      )}
      {error ? <Text className="support-error">{error}</Text> : null}
      <PrivacyHost />
    </View>
  );
}
