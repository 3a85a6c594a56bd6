import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { shanghaiTime, type SlotData } from '../../../services/booking';
import { formatPrice } from '../../../utils/format';

const pad = (n: number) => String(n).padStart(2, '0');

/** Until the release: "还有 01:02:03 放号" within a day, else the Shanghai time it opens. */
export function releaseText(releaseAt: string, now: number): string {
  const ms = new Date(releaseAt).getTime() - now;
  if (ms <= 0) return '即将放号，请刷新';
  if (ms >= 24 * 3600_000) return `${shanghaiTime(releaseAt)} 放号`;
  const s = Math.ceil(ms / 1000);
  return `还有 ${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)} 放号`;
}

/** Now, ticking every second while `on` (the release countdown). */
export function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}

/** One period of a day: when, fee, places left, and 预约 or why not. */
export function SlotRow(props: { slot: SlotData; now: number; onBook: () => void }) {
  const s = props.slot;
  return (
    <View className="slot-row" data-testid="slot-row">
      <View className="slot-row__main">
        <Text className="slot-row__period">
          {s.periodLabel} {s.window}
        </Text>
        <Text className="muted">
          挂号费 {formatPrice(s.feeFen)}
          {s.status === 'open' ? ` · 剩余 ${s.remaining} 个` : ''}
        </Text>
        {s.status === 'unreleased' ? (
          <Text className="slot-row__release">{releaseText(s.releaseAt, props.now)}</Text>
        ) : null}
      </View>
      {s.status === 'open' ? (
        <Button className="btn btn--primary btn--small" onClick={props.onBook}>
          预约
        </Button>
      ) : (
        <Text className={`slot-row__state slot-row__state--${s.status}`}>{s.statusLabel}</Text>
      )}
    </View>
  );
}
