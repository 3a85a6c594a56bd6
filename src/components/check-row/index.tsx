import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

/**
 * An explicit "I agree" tick (IDV: the separate consent for sensitive personal information,
 * PIPL art. 29). It starts unticked and only the user's tap ticks it.
 */
export function CheckRow(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <View
      className={`check-row ${props.checked ? 'check-row--checked' : ''}`}
      role="checkbox"
      aria-checked={props.checked}
      onClick={() => props.onChange(!props.checked)}
    >
      <View className="check-row__box">{props.checked ? <Text>✓</Text> : null}</View>
      <Text className="check-row__text">{props.children}</Text>
    </View>
  );
}
