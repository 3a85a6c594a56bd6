import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

/** One labelled row of a form (phone, code, nickname, ID number), with its error below. */
export function Field(props: {
  label: string;
  children: ReactNode;
  error?: string | null;
  className?: string;
}) {
  return (
    <View className={`field ${props.className ?? ''}`}>
      <View className="field__row">
        <Text className="field__label">{props.label}</Text>
        {props.children}
      </View>
      {props.error ? <Text className="field__error">{props.error}</Text> : null}
    </View>
  );
}

/** A white group of fields. */
export function FieldGroup({ children }: { children: ReactNode }) {
  return <View className="field-group">{children}</View>;
}
