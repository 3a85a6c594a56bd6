import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SearchGuidance, Suggestion } from '../../../contract/catalog';
import { go, routes } from '../../utils/routes';

/** What patients commonly look for, to start from (a fixed list, not measured popularity). */
export const COMMON_SEARCHES = ['心血管内科', '儿科', '消化内科', '皮肤科', '六院', '胸痛'];

function Chips({ words, onPick }: { words: readonly string[]; onPick: (q: string) => void }) {
  return (
    <View className="search__chips">
      {words.map((w) => (
        <Text key={w} className="search__chip" onClick={() => onPick(w)}>
          {w}
        </Text>
      ))}
    </View>
  );
}

/** Before anything is typed: the device's history (after consent) and common searches. */
export function StartPanel(props: {
  history: readonly string[] | null;
  onPick: (q: string) => void;
  onClear: () => void;
}) {
  const { history, onPick, onClear } = props;
  return (
    <View className="search__start">
      {history && history.length > 0 ? (
        <View className="search__group">
          <View className="search__group-head">
            <Text className="search__group-title">搜索历史</Text>
            <Text className="search__clear" onClick={onClear}>
              清空
            </Text>
          </View>
          <Chips words={history} onPick={onPick} />
        </View>
      ) : null}
      <View className="search__group">
        <Text className="search__group-title">常用搜索</Text>
        <Chips words={COMMON_SEARCHES} onPick={onPick} />
      </View>
      <Text className="search__hint">可输入医院简称（如 六院）、科室、医生姓名、拼音或症状</Text>
    </View>
  );
}

const KIND_LABEL: Record<Suggestion['kind'], string> = {
  hospital: '医院',
  doctor: '医生',
  department: '科室',
  symptom: '症状',
};

/** Suggestions as the patient types: a hospital or doctor opens it, a word is searched. */
export function Suggestions(props: { items: Suggestion[]; onPick: (q: string) => void }) {
  const open = (s: Suggestion) => {
    if (s.kind === 'hospital' && s.id) go(routes.hospital(s.id));
    else if (s.kind === 'doctor' && s.id) go(routes.doctor(s.id));
    else props.onPick(s.text);
  };
  return (
    <View className="search__suggestions" role="listbox" aria-label="搜索建议">
      {props.items.map((s) => (
        <View
          key={`${s.kind}:${s.id ?? s.text}`}
          className="search__suggestion"
          role="option"
          onClick={() => open(s)}
        >
          <Text className="search__suggestion-kind">{KIND_LABEL[s.kind]}</Text>
          <Text className="search__suggestion-text">{s.text}</Text>
          {s.detail ? <Text className="search__suggestion-detail">{s.detail}</Text> : null}
        </View>
      ))}
    </View>
  );
}

/** A symptom's guidance: 急症请拨打120 first when it may be an emergency. */
export function GuidanceCard(props: { guidance: SearchGuidance; onPick: (q: string) => void }) {
  const { guidance, onPick } = props;
  return (
    <View
      className={`search__guidance ${guidance.emergency ? 'search__guidance--urgent' : ''}`}
      role={guidance.emergency ? 'alert' : undefined}
    >
      <Text className="search__guidance-notice">{guidance.notice}</Text>
      {guidance.emergency ? (
        <Button
          className="btn btn--small search__call"
          onClick={() => void Taro.makePhoneCall({ phoneNumber: '120' })}
        >
          拨打120
        </Button>
      ) : null}
      <Text className="search__group-title">建议科室</Text>
      <Chips words={guidance.departments} onPick={onPick} />
      {guidance.resultsFor ? (
        <Text className="search__guidance-for">以下是{guidance.resultsFor}的医院和医生</Text>
      ) : null}
    </View>
  );
}
