import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

/** An honest placeholder for a feature not built yet: no made-up records. */
export function ComingSoon({
  title,
  text,
  children,
}: {
  title: string;
  text: string;
  children?: ReactNode;
}) {
  return (
    <View className="page coming-soon">
      <Text className="coming-soon__title">{title}</Text>
      <Text className="coming-soon__text">{text}</Text>
      {children}
    </View>
  );
}
