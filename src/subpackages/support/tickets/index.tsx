import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { TICKET_STATUS_LABELS } from '../../../../contract/support/items';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/list-states';
import { PrivacyHost } from '../../../components/privacy-host';
import { useAsync } from '../../../hooks/use-async';
import { handleAccountError } from '../../../session/require-login';
import { listTickets, type TicketSummary } from '../../../services/support';
import { formatLocalDateTime } from '../../../utils/format';
import { go, routes } from '../../../utils/routes';
import { useAccountPage } from '../../account/use-account-page';
import '../support.css';

const SELF = routes.supportTickets;

function TicketRow({ ticket }: { ticket: TicketSummary }) {
  const kind = ticket.privacyKind ? '（个人信息请求）' : '';
  return (
    <View className="support-row" onClick={() => go(routes.supportTicket(ticket.id))}>
      <Text className="support-row__title">
        {ticket.category}
        {kind} · {TICKET_STATUS_LABELS[ticket.status]}
      </Text>
      <Text className="support-row__meta">{ticket.summary}</Text>
      <Text className="support-row__meta">
        提交于 {formatLocalDateTime(ticket.createdAt)}
        {ticket.status === 'closed' ? '' : ` · 预计 ${ticket.dueDate} 前答复`}
      </Text>
    </View>
  );
}

/** 我的工单 (CS): the account's tickets, newest first, 20 at a time. */
export default function SupportTicketsPage() {
  const state = useAccountPage(SELF);
  const load = useCallback(() => listTickets({}), []);
  const tickets = useAsync(state ? load : null);
  const [more, setMore] = useState<{ items: TicketSummary[]; next: string | null } | null>(null);
  // Back from a ticket: its status may have changed.
  useDidShow(() => {
    if (tickets.status === 'ready') void tickets.reload().then(() => setMore(null));
  });
  const failure = tickets.status === 'error' ? tickets.error : null;
  useEffect(() => {
    if (failure) handleAccountError(failure, SELF);
  }, [failure]);

  if (tickets.status === 'error')
    return (
      <View className="page">
        <ErrorState error={tickets.error} onRetry={() => void tickets.reload()} />
      </View>
    );
  if (tickets.status !== 'ready')
    return (
      <View className="page">
        <ListSkeleton rows={3} />
      </View>
    );
  const items = [...tickets.data.items, ...(more?.items ?? [])];
  const next = more ? more.next : tickets.data.next;
  const loadMore = () => {
    if (next)
      void listTickets({ before: next }).then((r) =>
        setMore({ items: [...(more?.items ?? []), ...r.items], next: r.next }),
      );
  };
  return (
    <View className="page support-tickets">
      {items.length === 0 ? (
        <EmptyState text="还没有工单" />
      ) : (
        <View className="support-card">
          {items.map((t) => (
            <TicketRow key={t.id} ticket={t} />
          ))}
          {next ? (
            <Text className="support-row__meta" onClick={loadMore}>
              加载更多
            </Text>
          ) : null}
        </View>
      )}
      <PrivacyHost />
    </View>
  );
}
