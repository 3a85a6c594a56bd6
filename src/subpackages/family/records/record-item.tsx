import { Text, View } from '@tarojs/components';
import type { RecordSummaryData } from '../../../services/records';

/** One entry of the timeline: date, kind, where, and what was found. */
export function RecordItem(props: { record: RecordSummaryData; onTap: () => void }) {
  const r = props.record;
  return (
    <View className="timeline__item" data-testid="record-item" onClick={props.onTap}>
      <View className="timeline__dot" />
      <Text className="timeline__date">{r.date}</Text>
      <View className="family-card__head">
        <Text className="family-card__title">{r.kind}</Text>
        {r.source.kind === 'consult' ? (
          <Text className="family-card__tag">来自咨询 · {r.source.doctorName}</Text>
        ) : null}
      </View>
      <Text className="family-card__text">
        {r.hospital.name}
        {r.department ? ` · ${r.department}` : ''}
      </Text>
      {r.diagnosis ? <Text className="family-card__text">{r.diagnosis}</Text> : null}
      {r.attachmentCount > 0 ? (
        <Text className="family-card__text">附件 {r.attachmentCount} 个</Text>
      ) : null}
    </View>
  );
}
