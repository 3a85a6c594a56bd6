import { View } from '@tarojs/components';
import { useDidShow, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppointmentTab } from '../../../../contract/booking/items';
import { PagedListView } from '../../../components/paged-list';
import { usePagedList } from '../../../hooks/use-paged-list';
import { listAppointments, type AppointmentData } from '../../../services/booking';
import { requireLogin } from '../../../session/require-login';
import { go } from '../../../utils/routes';
import { AppointmentCard } from '../parts/appointment-card';
import { bookingUrls } from '../parts/urls';
import '../parts/booking.css';
import './index.css';

const TABS: { tab: AppointmentTab; label: string; empty: string }[] = [
  { tab: 'upcoming', label: '待就诊', empty: '没有待就诊的预约，可在医生主页预约挂号' },
  { tab: 'past', label: '已就诊', empty: '还没有就诊记录' },
  { tab: 'cancelled', label: '已取消', empty: '没有已取消的预约' },
];

/** 我的 → 我的预约: upcoming (soonest first), past, cancelled (including 停诊 and 已失效). */
export default function MyAppointmentsPage() {
  const [tab, setTab] = useState<AppointmentTab>('upcoming');
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void requireLogin(bookingUrls.list).then(setReady);
  }, []);

  // The list is cursor-paged; page n starts at the cursor page n−1 returned.
  const cursors = useRef<(string | null)[]>([]);
  const fetchPage = useCallback(
    async (page: number) => {
      const cursor = page === 1 ? undefined : (cursors.current[page] ?? undefined);
      const res = await listAppointments({ status: tab, ...(cursor ? { cursor } : {}) });
      cursors.current[page + 1] = res.nextCursor;
      return { items: res.items, hasMore: res.nextCursor !== null };
    },
    [tab],
  );
  const list = usePagedList<AppointmentData>(ready ? fetchPage : null);
  useReachBottom(() => list.loadMore());
  // Back from a detail page where it was cancelled or paid: show the change.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && ready) void list.reload();
    shown.current = true;
  });
  const current = TABS.find((t) => t.tab === tab) ?? TABS[0];

  return (
    <View className="page booking-list">
      <View className="booking-tabs" role="tablist">
        {TABS.map((t) => (
          <View
            key={t.tab}
            role="tab"
            aria-selected={t.tab === tab}
            className={`booking-tabs__tab ${t.tab === tab ? 'booking-tabs__tab--on' : ''}`}
            onClick={() => setTab(t.tab)}
          >
            {t.label}
          </View>
        ))}
      </View>
      <View className="booking-list__items">
        <PagedListView
          list={list}
          keyOf={(a) => a.id}
          emptyText={current.empty}
          renderItem={(a) => <AppointmentCard a={a} onTap={() => go(bookingUrls.detail(a.id))} />}
        />
      </View>
    </View>
  );
}
