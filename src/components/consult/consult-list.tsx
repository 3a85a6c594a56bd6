// Before the list-state components, in the same order as the chat page (one CSS chunk order).
import './index.css';
import { Text, View } from '@tarojs/components';
import { useDidShow, useReachBottom } from '@tarojs/taro';
import { useEffect } from 'react';
import { CONSULT_STATUS_LABELS } from '../../../contract/consult/items';
import { subscribeConsult } from '../../platform/consult-live';
import type { SummaryData } from '../../services/consult';
import { formatLocalDateTime } from '../../utils/format';
import { go, routes } from '../../utils/routes';
import { PagedListView } from '../paged-list';
import { useConsultList, type FetchConsults } from './use-consult-list';

function who(s: SummaryData): string {
  if (s.role === 'doctor') {
    if (s.patient.kind === 'self') return '患者本人';
    const sex = s.patient.sex === 'male' ? '男' : '女';
    return `${s.patient.name ?? '患者'} · ${sex} · ${s.patient.age} 岁`;
  }
  return `${s.doctor.name} ${s.doctor.title} · ${s.doctor.hospitalName}`;
}

/** One consult in a list: whom with, its state, the last message and unread count. */
export function ConsultRow({ item }: { item: SummaryData }) {
  const last = item.lastMessage;
  const preview = last
    ? `${last.sender === item.role ? '我' : last.sender === 'doctor' ? '医生' : '患者'}：${last.preview}`
    : item.descriptionPreview;
  return (
    <View
      className="consult-row"
      data-testid="consult-row"
      onClick={() => go(routes.consultChat(item.id))}
    >
      <View className="consult-row__top">
        <Text className="consult-row__who">{who(item)}</Text>
        <Text className={`consult-row__status consult-row__status--${item.status}`}>
          {CONSULT_STATUS_LABELS[item.status]}
        </Text>
      </View>
      <View className="consult-row__bottom">
        <Text className="consult-row__preview muted">{preview}</Text>
        {item.unread > 0 ? (
          <Text className="consult-row__unread" aria-label={`${item.unread} 条未读`}>
            {item.unread > 99 ? '99+' : item.unread}
          </Text>
        ) : null}
      </View>
      <Text className="consult-row__time muted">
        {formatLocalDateTime(last?.at ?? item.updatedAt)}
      </Text>
    </View>
  );
}

/**
 * My consults (or the doctor's), refreshed quietly when shown again and on live events
 * (SSE on H5; database watch or polling on weapp).
 */
export function ConsultList(props: {
  fetch: FetchConsults | null;
  role: 'patient' | 'doctor';
  emptyText: string;
}) {
  const { fetch, role } = props;
  const { list, refresh } = useConsultList(fetch);
  useDidShow(() => void refresh(true));
  useReachBottom(list.loadMore);
  useEffect(() => {
    if (!fetch) return undefined;
    return subscribeConsult({ role, onChange: () => void refresh(true) });
  }, [fetch, role, refresh]);

  return (
    <PagedListView
      list={list}
      keyOf={(s: SummaryData) => s.id}
      renderItem={(s: SummaryData) => <ConsultRow item={s} />}
      emptyText={props.emptyText}
    />
  );
}
