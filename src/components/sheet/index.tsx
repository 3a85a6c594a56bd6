import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

/** A bottom sheet over a dimmed page; the page behind cannot scroll or be tapped. */
export function Sheet({
  title,
  children,
  actions,
  className = '',
}: {
  title: string;
  children: ReactNode;
  actions: ReactNode;
  className?: string;
}) {
  return (
    <View className="sheet-mask" catchMove>
      <View className={`sheet ${className}`} role="dialog" aria-label={title}>
        <Text className="sheet__title">{title}</Text>
        {children}
        <View className="sheet__actions">{actions}</View>
      </View>
    </View>
  );
}
