import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { handleAccountError } from '../../../session/require-login';
import { useAccountPage } from '../use-account-page';
import { ListSkeleton } from '../../../components/list-states';
import { PrivacyHost } from '../../../components/privacy-host';
import { exportData } from '../../../services/account';
import type { AccountExport } from '../../../services/account';
import { toServiceError } from '../../../services/errors';
import { formatLocalDateTime } from '../../../utils/format';
import { routes } from '../../../utils/routes';
import { deletionErrorText } from '../delete-account/messages';
import { saveExport } from './save';
import '../account.css';
import './index.css';

const SELF = routes.exportData;

/** One line per collection: what it is and how many rows, for the clipboard. */
export function summaryText(data: AccountExport): string {
  return [
    `上海助医 · 我的数据（导出于 ${formatLocalDateTime(data.exportedAt)}）`,
    ...data.collections.map(
      (c) => `${c.descriptions[0] ?? c.collection}（${c.collection}）：${c.rows.length} 条`,
    ),
  ].join('\n');
}

function Summary({ data }: { data: AccountExport }) {
  return (
    <View className="export-list">
      {data.collections.map((c) => (
        <View key={c.collection} className="export-row" data-testid="export-row">
          <View className="export-row__head">
            <Text className="export-row__name">{c.descriptions[0] ?? c.collection}</Text>
            <Text className="export-row__count">{c.rows.length} 条</Text>
          </View>
          <Text className="muted export-row__line">
            {c.collection}
            {c.clauses.length ? ` · ${c.clauses.join('、')}` : ''}
          </Text>
          {c.descriptions.slice(1).map((d) => (
            <Text key={d} className="muted export-row__line">
              {d}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

/** 我的 → 设置 → 账号设置 → 导出我的数据 (PIPL art. 45): a copy of everything kept about me. */
export default function ExportPage() {
  const state = useAccountPage(SELF);
  const [data, setData] = useState<AccountExport | null>(null);
  const [busy, setBusy] = useState(false);
  /** Rows read so far while a long history comes in page by page. */
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      setData(await exportData(setProgress));
    } catch (error) {
      const e = toServiceError(error);
      if (!handleAccountError(e, SELF)) setMessage(deletionErrorText(e));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const save = async () => {
    if (!data) return;
    try {
      setMessage(await saveExport(data));
    } catch (error) {
      setMessage(`保存失败：${toServiceError(error).message}`);
    }
  };

  const copy = () => {
    if (data) void Taro.setClipboardData({ data: summaryText(data) });
  };

  if (!state) return <ListSkeleton rows={3} />;
  return (
    <View className="page export-page">
      <View className="account-card">
        <Text className="account-card__title">导出我的数据</Text>
        <Text className="account-card__text">
          导出本账号下保存的全部个人信息（JSON 格式）。其中的图片为临时链接，
          {data ? `于 ${formatLocalDateTime(data.linksExpireAt)} 失效` : '10 分钟内有效'}。
        </Text>
        <View className="account-card__actions">
          <Button
            className="btn btn--small btn--primary"
            disabled={busy}
            onClick={() => void run()}
          >
            {busy
              ? progress === null
                ? '导出中…'
                : `导出中… 已读取 ${progress} 条`
              : data
                ? '重新导出'
                : '开始导出'}
          </Button>
          {data ? (
            <>
              <Button className="btn btn--small" onClick={() => void save()}>
                保存 JSON 文件
              </Button>
              <Button className="btn btn--small" onClick={copy}>
                复制摘要
              </Button>
            </>
          ) : null}
        </View>
      </View>
      {message ? <Text className="account-error">{message}</Text> : null}
      {data ? <Summary data={data} /> : null}
      <PrivacyHost />
    </View>
  );
}
