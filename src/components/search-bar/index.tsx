import { Text, View } from '@tarojs/components';
import { go, routes } from '../../utils/routes';
import './index.css';

/** A search field look-alike: tapping opens the search page, where typing happens. */
export function SearchBar() {
  return (
    <View className="search-bar" onClick={() => go(routes.search)}>
      <View className="search-bar__icon" />
      <Text className="search-bar__placeholder">搜索医院、科室、医生</Text>
    </View>
  );
}
