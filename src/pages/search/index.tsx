import { Input, Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import type { SearchHit, SearchKind } from '../../../contract/catalog';
import { DoctorCard } from '../../components/doctor-card';
import { HospitalCard } from '../../components/hospital-card';
import { PagedListView } from '../../components/paged-list';
import { PrivacyHost } from '../../components/privacy-host';
import { usePagedList, type FetchPage } from '../../hooks/use-paged-list';
import { track, usePageView } from '../../privacy/analytics';
import { search } from '../../services/catalog';
import './index.css';

const PAGE_SIZE = 20;
/** The contract's limit on `q`; the input stops there rather than letting the server refuse. */
const MAX_QUERY = 50;
const TYPING_PAUSE_MS = 300;

const TABS: { kind: SearchKind; label: string }[] = [
  { kind: 'all', label: '全部' },
  { kind: 'hospital', label: '医院' },
  { kind: 'doctor', label: '医生' },
];

const keyOf = (hit: SearchHit) =>
  hit.kind === 'hospital' ? `h:${hit.hospital.id}` : `d:${hit.doctor.id}`;

const renderHit = (hit: SearchHit) =>
  hit.kind === 'hospital' ? (
    <HospitalCard hospital={hit.hospital} />
  ) : (
    <DoctorCard doctor={hit.doctor} />
  );

export default function SearchPage() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<SearchKind>('all');

  // Search once the user pauses typing; confirm (the keyboard's 搜索 key) searches at once.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const fetchPage = useMemo<FetchPage<SearchHit> | null>(
    () => (query ? (page) => search({ q: query, kind, page, pageSize: PAGE_SIZE }) : null),
    [query, kind],
  );
  const list = usePagedList(fetchPage);
  useReachBottom(() => list.loadMore());
  usePageView('search');

  // SDK: that a search happened and in which tab — never what was searched for.
  useEffect(() => {
    if (query) track('search_submit', { kind });
  }, [query, kind]);

  return (
    <View className="page search">
      <View className="search__bar">
        <Input
          className="search__input"
          type="text"
          confirmType="search"
          focus
          maxlength={MAX_QUERY}
          placeholder="搜索医院、科室、医生"
          value={text}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={(e) => setQuery(e.detail.value.trim())}
        />
      </View>
      <View className="search__tabs">
        {TABS.map((tab) => (
          <Text
            key={tab.kind}
            className={`search__tab ${tab.kind === kind ? 'search__tab--active' : ''}`}
            onClick={() => setKind(tab.kind)}
          >
            {tab.label}
          </Text>
        ))}
      </View>
      <View className="section">
        {query ? (
          <PagedListView
            list={list}
            keyOf={keyOf}
            renderItem={renderHit}
            emptyText="没有找到相关的医院或医生"
          />
        ) : (
          <Text className="search__hint">输入医院名称、科室或医生姓名</Text>
        )}
      </View>
      <PrivacyHost />
    </View>
  );
}
