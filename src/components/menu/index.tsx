import { Text, View } from '@tarojs/components';
import './index.css';

export interface MenuItem {
  title: string;
  /** A short grey note on the right: a state, or 即将上线. */
  note?: string;
  onClick: () => void;
}

/** A grouped list of tappable rows, as in any settings screen. */
export function Menu({ items }: { items: MenuItem[] }) {
  return (
    <View className="menu">
      {items.map((item) => (
        <View key={item.title} className="menu__item" onClick={item.onClick}>
          <Text className="menu__title">{item.title}</Text>
          {item.note ? <Text className="menu__note">{item.note}</Text> : null}
          <Text className="menu__arrow">›</Text>
        </View>
      ))}
    </View>
  );
}
