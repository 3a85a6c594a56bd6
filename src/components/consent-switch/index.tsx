import { Switch, Text, View } from '@tarojs/components';
import './index.css';

/** One consent or permission row: what it is, what it is for, and its switch (off unless given). */
export function ConsentSwitch(props: {
  label: string;
  purpose: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <View className="consent-switch">
      <View className="consent-switch__body">
        <Text className="consent-switch__label">{props.label}</Text>
        <Text className="consent-switch__purpose">{props.purpose}</Text>
      </View>
      <Switch
        className="consent-switch__switch"
        aria-label={props.label}
        checked={props.checked}
        disabled={props.disabled}
        color="#1677ff"
        onChange={(e) => props.onChange(e.detail.value)}
      />
    </View>
  );
}
