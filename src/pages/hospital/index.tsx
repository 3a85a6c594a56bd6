import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { DoctorSummary } from '../../../contract/catalog';
import type { OutputOf } from '../../../contract';
import { DoctorCard } from '../../components/doctor-card';
import { DoctorSortRow } from '../../components/list-filters';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/list-states';
import { PagedListView } from '../../components/paged-list';
import { PrivacyHost } from '../../components/privacy-host';
import { useAsync } from '../../hooks/use-async';
import { usePagedList, type FetchPage } from '../../hooks/use-paged-list';
import { openMap } from '../../platform/map';
import { usePageView } from '../../privacy/analytics';
import { getHospital, listDoctors } from '../../services/catalog';
import './index.css';

const PAGE_SIZE = 20;
type HospitalDetail = OutputOf<'catalog', 'getHospital'>;

/** Stored phone fields may hold several numbers ("021-1234; 021-5678"): dial the first. */
function firstPhone(phone: string): string {
  return phone.split(/[;；,，、/\s]+/).find(Boolean) ?? phone;
}

function Header({ hospital }: { hospital: HospitalDetail }) {
  const { location, name, address, phone } = hospital;
  const navigate = () => void openMap({ lat: location.lat, lng: location.lng, name, address });
  return (
    <View className="hospital-head">
      <View className="hospital-head__title">
        <Text className="hospital-head__name">{name}</Text>
        {hospital.grade ? <Text className="badge badge--grade">{hospital.grade}</Text> : null}
      </View>
      <Text className="muted">{hospital.district}</Text>
      <View className="hospital-head__row" onClick={navigate}>
        <Text className="hospital-head__label">地址</Text>
        <Text className="hospital-head__value">{address}</Text>
        <Text className="hospital-head__action">导航</Text>
      </View>
      {phone ? (
        <View
          className="hospital-head__row"
          onClick={() => void Taro.makePhoneCall({ phoneNumber: firstPhone(phone) })}
        >
          <Text className="hospital-head__label">电话</Text>
          <Text className="hospital-head__value">{phone}</Text>
          <Text className="hospital-head__action">拨打</Text>
        </View>
      ) : null}
    </View>
  );
}

function DepartmentChips(props: {
  hospital: HospitalDetail;
  selected: string | null;
  onSelect: (name: string | null) => void;
}) {
  const chip = (name: string | null, label: string) => (
    <Text
      key={name ?? ''}
      className={`chip ${props.selected === name ? 'chip--active' : ''}`}
      onClick={() => props.onSelect(name)}
    >
      {label}
    </Text>
  );
  return (
    <View className="chips">
      {chip(null, '全部科室')}
      {props.hospital.departmentList.map((d) => chip(d.name, `${d.name} ${d.doctorCount}`))}
    </View>
  );
}

export default function HospitalPage() {
  const id = useRouter().params.id ?? '';
  const [department, setDepartment] = useState<string | null>(null);
  const [sort, setSort] = useState<'title' | 'rating' | 'price'>('title');

  const loadHospital = useCallback(() => getHospital({ id }), [id]);
  const hospital = useAsync(id ? loadHospital : null);

  const fetchDoctors = useCallback<FetchPage<DoctorSummary>>(
    (page) =>
      listDoctors({
        hospitalId: id,
        ...(department ? { department } : {}),
        // The default order is the server's default: only a chosen one is sent.
        ...(sort === 'title' ? {} : { sort }),
        page,
        pageSize: PAGE_SIZE,
      }),
    [id, department, sort],
  );
  const doctors = usePagedList(id ? fetchDoctors : null);
  useReachBottom(() => doctors.loadMore());

  const name = hospital.data?.name;
  useEffect(() => {
    if (name) void Taro.setNavigationBarTitle({ title: name });
  }, [name]);

  usePageView('hospital');

  // A shared link may open the app here: the consent sheet shows on this page too.
  const page = (content: ReactNode) => (
    <>
      {content}
      <PrivacyHost />
    </>
  );
  if (!id) return page(<EmptyState text="未找到该医院" />);
  if (hospital.status === 'error') {
    return page(<ErrorState error={hospital.error} onRetry={() => void hospital.reload()} />);
  }
  if (hospital.status !== 'ready') return page(<ListSkeleton rows={3} />);

  return page(
    <View className="page hospital">
      <Header hospital={hospital.data} />
      <View className="section">
        <View className="section__title">科室</View>
        <DepartmentChips hospital={hospital.data} selected={department} onSelect={setDepartment} />
      </View>
      <View className="section">
        <View className="section__title">{department ? `${department}医生` : '医生'}</View>
        <DoctorSortRow value={sort} onChange={setSort} />
        <PagedListView
          list={doctors}
          keyOf={(d) => d.id}
          renderItem={(d) => <DoctorCard doctor={d} />}
          emptyText="暂无医生信息"
        />
      </View>
      {hospital.data.source ? (
        <Text className="hospital__source">数据来源：{hospital.data.source}</Text>
      ) : null}
    </View>,
  );
}
