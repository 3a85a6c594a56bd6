import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useMemo, useState } from 'react';
import type { HospitalSummary } from '../../../contract/catalog';
import { DoctorCard } from '../../components/doctor-card';
import { HospitalCard } from '../../components/hospital-card';
import { HospitalFilters, type HospitalFilter } from '../../components/list-filters';
import { ErrorState, ListSkeleton } from '../../components/list-states';
import { PagedListView } from '../../components/paged-list';
import { PrivacyHost } from '../../components/privacy-host';
import { SearchBar } from '../../components/search-bar';
import { useAsync } from '../../hooks/use-async';
import { usePagedList, type FetchPage } from '../../hooks/use-paged-list';
import { openSettings } from '../../platform/permissions';
import { usePageView } from '../../privacy/analytics';
import { useConsent } from '../../privacy/use-consent';
import { listHospitals } from '../../services/catalog';
import { go, routes } from '../../utils/routes';
import { feedNotice, loadFeed, type HomeFeed } from './feed';
import './index.css';

const PAGE_SIZE = 20;

function NoticeAction({
  feed,
  onEnableLocation,
  onAskLocation,
}: {
  feed: HomeFeed;
  onEnableLocation: () => void;
  onAskLocation: () => void;
}) {
  if (!feed.location) {
    return (
      <Button className="btn btn--small" onClick={() => go(routes.privacyPolicy)}>
        查看隐私政策
      </Button>
    );
  }
  if (feed.location.status === 'off') {
    return (
      <Button className="btn btn--small btn--primary home__locate" onClick={onAskLocation}>
        开启定位
      </Button>
    );
  }
  if (feed.location.status === 'denied') {
    return (
      <Button className="btn btn--small" onClick={onEnableLocation}>
        去开启
      </Button>
    );
  }
  return null;
}

interface FeedProps {
  feed: HomeFeed;
  onEnableLocation: () => void;
  onAskLocation: () => void;
}

function Feed({ feed, onEnableLocation, onAskLocation }: FeedProps) {
  const notice = feedNotice(feed);
  const near = feed.mode === 'nearby';
  return (
    <View>
      {notice ? (
        <View className="home__notice">
          <Text className="home__notice-text">{notice}</Text>
          <NoticeAction
            feed={feed}
            onEnableLocation={onEnableLocation}
            onAskLocation={onAskLocation}
          />
        </View>
      ) : null}
      <View className="section">
        <View className="section__title">{near ? '附近医院' : '推荐医院'}</View>
        {feed.hospitals.map((e) => (
          <HospitalCard
            key={e.hospital.id}
            hospital={e.hospital}
            distanceMeters={e.distanceMeters}
          />
        ))}
      </View>
      <View className="section">
        <View className="section__title">{near ? '附近医生' : '推荐医生'}</View>
        {feed.doctors.map((e) => (
          <DoctorCard key={e.doctor.id} doctor={e.doctor} distanceMeters={e.distanceMeters} />
        ))}
      </View>
    </View>
  );
}

export default function HomePage() {
  const { status } = useConsent();
  // Issue 11 point 4: location is asked for when the user taps 开启定位, not on load.
  const [askLocation, setAskLocation] = useState(false);
  // Undecided: wait under the consent sheet rather than load a feed that is replaced at once.
  const load = useCallback(() => loadFeed(status === 'agreed', askLocation), [status, askLocation]);
  const feed = useAsync(status === 'undecided' ? null : load);
  // 全部医院: filters and order (issue 17); distance only with the location the feed has.
  const [filter, setFilter] = useState<HospitalFilter>({ sort: 'grade' });
  const fix = feed.data?.location?.status === 'granted' ? feed.data.location : null;
  const lat = fix?.lat;
  const lng = fix?.lng;
  const here = useMemo(
    () => (lat !== undefined && lng !== undefined ? { lat, lng } : null),
    [lat, lng],
  );
  // Only a distance order depends on where the patient is: other orders never refetch on a fix.
  const origin = filter.sort === 'distance' ? here : null;
  const fetchAllHospitals = useCallback<FetchPage<HospitalSummary>>(
    (page) => {
      const { sort, ...chosen } = filter;
      // The default order is the server's default: only a chosen one is sent.
      const order =
        sort === 'grade'
          ? {}
          : sort === 'distance'
            ? origin
              ? { sort, ...origin }
              : {}
            : { sort };
      return listHospitals({ ...chosen, ...order, page, pageSize: PAGE_SIZE });
    },
    [filter, origin],
  );
  const all = usePagedList(fetchAllHospitals);
  usePageView('home');

  usePullDownRefresh(async () => {
    await Promise.all([feed.reload(), all.reload()]);
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => all.loadMore());

  const enableLocation = async () => {
    if (await openSettings('location')) void feed.reload();
  };

  return (
    <View className="page home">
      <SearchBar />
      {feed.status === 'loading' || feed.status === 'idle' ? (
        <View className="section">
          <ListSkeleton rows={3} />
        </View>
      ) : null}
      {feed.status === 'error' ? (
        <ErrorState error={feed.error} onRetry={() => void feed.reload()} />
      ) : null}
      {feed.status === 'ready' ? (
        <Feed
          feed={feed.data}
          onEnableLocation={() => void enableLocation()}
          onAskLocation={() => setAskLocation(true)}
        />
      ) : null}
      <View className="section">
        <View className="section__title">全部医院</View>
        <HospitalFilters value={filter} onChange={setFilter} canSortByDistance={here !== null} />
        <PagedListView
          list={all}
          keyOf={(h) => h.id}
          renderItem={(h) => <HospitalCard hospital={h} />}
          emptyText="暂无医院"
        />
      </View>
      <PrivacyHost />
    </View>
  );
}
