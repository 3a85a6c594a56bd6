import { Button, Text, View } from '@tarojs/components';
import type { Refusal } from '../../utils/pick-image';
import { SCOPE_LABELS } from '../../platform/permissions/types';
import { CAN_OPEN_SETTINGS, openSettings } from '../../platform/permissions';
import './index.css';

/**
 * CAM, ALB: why a picture could not be taken or picked, and the way to change that — the
 * settings (or, on H5, where the browser's switch is). Only this feature is affected.
 */
export function RefusalNote({ refusal, feature }: { refusal: Refusal; feature: string }) {
  const label = SCOPE_LABELS[refusal.source];
  return (
    <View className="refusal-note" role="alert">
      <Text className="refusal-note__text">
        {refusal.text}。{feature}需要使用{label}，
        {refusal.policy ? '请先同意隐私政策' : '您可以在设置中开启，或改用另一种方式'}
        ；其他功能不受影响。
      </Text>
      {refusal.policy ? null : (
        <Button
          className="btn btn--small refusal-note__settings"
          onClick={() => void openSettings(refusal.source)}
        >
          {CAN_OPEN_SETTINGS ? '去设置' : '如何开启'}
        </Button>
      )}
    </View>
  );
}
