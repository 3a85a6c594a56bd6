import { Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import { VIDEO_CONSULT_NOTICE } from '../../../../contract/call/items';
import { formatSlot, nextVideoSlots, type VideoHoursLike } from '../../../utils/video-slots';

const SHOWN = 12;

/**
 * 视频咨询: pick a time from the doctor's video hours (Shanghai time). The call is started from
 * the consult at that time; consultation, not 诊疗 (VIDEO_CONSULT_NOTICE).
 */
export function SlotPicker(props: {
  hours: VideoHoursLike[];
  value: string | null;
  onChange: (slot: string) => void;
}) {
  const { hours, value, onChange } = props;
  const slots = useMemo(() => nextVideoSlots(hours, new Date(), SHOWN), [hours]);
  return (
    <View className="section">
      <View className="section__title">预约视频时间（北京时间）</View>
      <View className="pi-notice" role="note">
        {VIDEO_CONSULT_NOTICE}
      </View>
      {slots.length === 0 ? <Text className="muted">近期没有可预约的时间</Text> : null}
      <View className="slot-picker">
        {slots.map((s) => (
          <Text
            key={s}
            className={`slot-picker__slot${s === value ? ' slot-picker__slot--on' : ''}`}
            data-testid="video-slot"
            onClick={() => onChange(s)}
          >
            {formatSlot(s)}
          </Text>
        ))}
      </View>
    </View>
  );
}
