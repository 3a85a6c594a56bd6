import { ScrollView, Text, View } from '@tarojs/components';
import type { ScheduleData } from '../../../services/booking';

type Day = ScheduleData['days'][number];
const WEEKDAYS = '日一二三四五六';

/** A day's state in one word: any place left, all full, all stopped, not yet released, none. */
export function dayState(day: Day): string {
  const s = day.slots;
  if (s.some((x) => x.status === 'open')) return '有号';
  if (s.length === 0) return '无号';
  if (s.some((x) => x.status === 'unreleased')) return '未放号';
  if (s.every((x) => x.status === 'stopped')) return '停诊';
  return '约满';
}

/** The 14-day strip: date, weekday and each day's state; the chosen one highlighted. */
export function DayStrip(props: { days: Day[]; chosen: string; onChoose: (date: string) => void }) {
  return (
    <ScrollView scrollX className="day-strip" enhanced showScrollbar={false}>
      {props.days.map((d) => {
        const state = dayState(d);
        const on = d.date === props.chosen;
        return (
          <View
            key={d.date}
            className={`day-strip__day ${on ? 'day-strip__day--on' : ''} ${state === '有号' ? 'day-strip__day--open' : ''}`}
            role="tab"
            aria-selected={on}
            aria-label={`${d.date} ${state}`}
            onClick={() => props.onChoose(d.date)}
          >
            <Text className="day-strip__weekday">周{WEEKDAYS[d.weekday % 7]}</Text>
            <Text className="day-strip__date">{d.date.slice(5).replace('-', '/')}</Text>
            <Text className="day-strip__state">{state}</Text>
          </View>
        );
      })}
    </ScrollView>
  );
}
