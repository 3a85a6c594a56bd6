import { Button, View } from '@tarojs/components';
import { useDidShow, useReachBottom, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { PagedListView } from '../../../components/paged-list';
import { ListSkeleton } from '../../../components/list-states';
import { PatientPicker } from '../../../components/patient-picker';
import { go, routes } from '../../../utils/routes';
import { useAccountPage } from '../../account/use-account-page';
import { RecordItem } from './record-item';
import { useRecords } from './use-records';
import '../family.css';

/**
 * 我的 → 我的病历 (PI): choose a 就诊人, then their records as a timeline, newest first —
 * typed in by hand or written from a consult's summary — each opening to its detail.
 */
export default function RecordsPage() {
  const initial = useRouter().params.patientId;
  const state = useAccountPage(routes.records(initial));
  const [patientId, setPatientId] = useState<string | undefined>(initial || undefined);
  const records = useRecords(state ? (patientId ?? null) : null);
  useReachBottom(records.loadMore);
  const shown = useRef(false);
  useDidShow(() => {
    // Back from 新建/详情: a record may have been added, changed or removed.
    if (shown.current) void records.reload();
    shown.current = true;
  });

  if (!state) return <ListSkeleton rows={3} />;
  return (
    <View className="page">
      <View className="section">
        <View className="section__title">就诊人</View>
        <PatientPicker
          value={patientId}
          onChange={setPatientId}
          onAdd={() => go(routes.patientForm())}
          selectFirst
        />
      </View>
      {patientId ? (
        <>
          <View className="family-actions">
            <Button
              className="btn btn--primary btn--block"
              onClick={() => go(routes.recordForm(patientId))}
            >
              添加病历
            </Button>
          </View>
          <PagedListView
            list={records}
            keyOf={(r) => r.id}
            emptyText="还没有病历。可添加门诊记录、检查报告、处方等；咨询结束后医生的建议也会自动记入。"
            renderItem={(r) => <RecordItem record={r} onTap={() => go(routes.record(r.id))} />}
          />
        </>
      ) : null}
    </View>
  );
}
