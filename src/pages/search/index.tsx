import { Input, Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import type { SearchGuidance, SearchHit, SearchKind, Suggestion } from '../../../contract/catalog';
import { DoctorCard } from '../../components/doctor-card';
import { HospitalCard } from '../../components/hospital-card';
import { PagedListView } from '../../components/paged-list';
import { PrivacyHost } from '../../components/privacy-host';
import { usePagedList, type FetchPage } from '../../hooks/use-paged-list';
import { track, usePageView } from '../../privacy/analytics';
import { useConsent } from '../../privacy/use-consent';
import { search, suggest } from '../../services/catalog';
import { forgetHistory, readHistory, remember } from './history';
import { GuidanceCard, StartPanel, Suggestions } from './panels';
import './index.css';

const PAGE_SIZE = 20;
/** The contract's limit on `q`; the input stops there rather than letting the server refuse. */
const MAX_QUERY = 50;
const TYPING_PAUSE_MS = 300;
const SUGGEST_PAUSE_MS = 150;
const SUGGESTIONS_SHOWN = 5;

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

/** Suggestions for what is being typed; answers for older text are dropped. */
function useSuggestions(text: string): Suggestion[] {
  const [items, setItems] = useState<Suggestion[]>([]);
  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setItems([]);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      suggest({ q, limit: SUGGESTIONS_SHOWN }).then(
        (r) => current && setItems(r.items),
        // Suggestions are a help, not the search: a failure just shows none.
        () => current && setItems([]),
      );
    }, SUGGEST_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  return items;
}

export default function SearchPage() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<SearchKind>('all');
  const [guidance, setGuidance] = useState<SearchGuidance | null>(null);
  const { status } = useConsent();
  const agreed = status === 'agreed';
  const [history, setHistory] = useState<string[]>(() => (agreed ? readHistory() : []));
  const suggestions = useSuggestions(text);

  // Search once the user pauses typing; confirm (the keyboard's 搜索 key) searches at once.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  // POL: history only while the policy is agreed; gone from the device when it is not.
  useEffect(() => {
    if (agreed) setHistory(readHistory());
    else {
      forgetHistory();
      setHistory([]);
    }
  }, [agreed]);

  const fetchPage = useMemo<FetchPage<SearchHit> | null>(
    () =>
      query
        ? async (page) => {
            const r = await search({ q: query, kind, page, pageSize: PAGE_SIZE });
            if (page === 1) setGuidance(r.guidance ?? null);
            return r;
          }
        : null,
    [query, kind],
  );
  const list = usePagedList(fetchPage);
  useReachBottom(() => list.loadMore());
  usePageView('search');

  // SDK: that a search happened and in which tab — never what was searched for.
  useEffect(() => {
    if (query) track('search_submit', { kind });
  }, [query, kind]);

  // A search that found something is worth remembering (on this device, after consent).
  const found = list.status === 'ready' && list.items.length > 0;
  useEffect(() => {
    if (found && agreed && query) setHistory(remember(query));
  }, [found, agreed, query]);

  const pick = (q: string) => {
    setText(q);
    setQuery(q);
  };
  const clearHistory = () => {
    forgetHistory();
    setHistory([]);
  };

  return (
    <View className="page search">
      <View className="search__bar">
        <Input
          className="search__input"
          type="text"
          confirmType="search"
          focus
          maxlength={MAX_QUERY}
          placeholder="搜索医院、科室、医生、症状"
          value={text}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={(e) => setQuery(e.detail.value.trim())}
        />
      </View>
      {text.trim() && suggestions.length > 0 ? (
        <Suggestions items={suggestions} onPick={pick} />
      ) : null}
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
          <View>
            {guidance && list.status === 'ready' ? (
              <GuidanceCard guidance={guidance} onPick={pick} />
            ) : null}
            <PagedListView
              list={list}
              keyOf={keyOf}
              renderItem={renderHit}
              emptyText="没有找到相关的医院或医生"
            />
          </View>
        ) : (
          <StartPanel history={agreed ? history : null} onPick={pick} onClear={clearHistory} />
        )}
      </View>
      <PrivacyHost />
    </View>
  );
}
