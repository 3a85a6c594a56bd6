import { Button, Text, View } from '@tarojs/components';
import { useAsync } from '../../hooks/use-async';
import { getSupplement } from '../../services/privacy';
import './index.css';

const HEADING = /^[一二三四五六七八九十]+、/;

/** A line of the supplement as the policy's own blocks: title, date, headings, paragraphs. */
function classOf(line: string, index: number): string {
  if (index === 0) return 'policy__title';
  if (line.startsWith('更新日期')) return 'policy__date';
  return HEADING.test(line) ? 'policy__heading' : 'policy__paragraph';
}

/**
 * 《隐私政策补充说明》 (issue 11 point 10) below the operator's policy: filled by the server
 * from the operator's configuration, so it is read from there (privacy.getSupplement, no
 * caller, nothing personal sent). A failed read says so and offers a retry.
 */
export function SupplementView() {
  const supplement = useAsync(getSupplement);
  if (supplement.status === 'error') {
    return (
      <View className="policy policy--supplement">
        <Text className="policy__paragraph">《隐私政策补充说明》加载失败，请检查网络后重试。</Text>
        <Button className="btn btn--small" onClick={() => void supplement.reload()}>
          重试
        </Button>
      </View>
    );
  }
  if (supplement.status !== 'ready') {
    return <Text className="policy__paragraph">正在加载《隐私政策补充说明》…</Text>;
  }
  return (
    <View className="policy policy--supplement" data-version={supplement.data.version}>
      {supplement.data.text.split('\n').map((line, i) => (
        <Text key={i} className={classOf(line, i)}>
          {line}
        </Text>
      ))}
    </View>
  );
}
