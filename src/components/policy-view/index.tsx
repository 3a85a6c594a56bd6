import { Text, View } from '@tarojs/components';
import { CURRENT_POLICY, type Policy } from '../../../contract/privacy/policy';
import { formatChineseDate } from '../../utils/format';
import './index.css';

/** The whole policy (POL) as the operator wrote it: title, both dates, every heading and paragraph. */
export function PolicyView({ policy = CURRENT_POLICY }: { policy?: Policy }) {
  return (
    <View className="policy">
      <Text className="policy__title">{policy.title}</Text>
      <Text className="policy__date">更新日期：{formatChineseDate(policy.updatedAt)}</Text>
      <Text className="policy__date">生效日期：{formatChineseDate(policy.effectiveAt)}</Text>
      {policy.blocks.map((block, i) => (
        <Text key={i} className={`policy__${block.kind}`}>
          {block.text}
        </Text>
      ))}
    </View>
  );
}
