import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeletionStatus } from '../../../../contract/account';
import { handleAccountError } from '../../../session/require-login';
import { forgetDeletedAccount } from '../../../session/session';
import { ErrorState, ListSkeleton } from '../../../components/list-states';
import { PrivacyHost } from '../../../components/privacy-host';
import { deletionPreview } from '../../../services/account';
import type { DeletionPreview } from '../../../services/account';
import { toServiceError } from '../../../services/errors';
import type { ServiceError } from '../../../services/errors';
import { routes } from '../../../utils/routes';
import { ConfirmForm } from './confirm-form';
import { pollUntilDone } from './poll';
import '../account.css';
import './index.css';

const SELF = routes.deleteAccount;

type Phase =
  | { kind: 'loading' }
  | { kind: 'error'; error: ServiceError }
  | { kind: 'form'; preview: DeletionPreview }
  | { kind: 'running'; status: DeletionStatus | null }
  | { kind: 'done'; status: DeletionStatus };

function Running({ status }: { status: DeletionStatus | null }) {
  const p = status?.progress;
  const percent = p && p.stepsTotal > 0 ? Math.round((p.stepsDone / p.stepsTotal) * 100) : 0;
  return (
    <View className="account-card delete-account__running" role="status">
      <Text className="account-card__title">正在注销账号…</Text>
      <View className="delete-account__bar">
        <View className="delete-account__bar-fill" style={{ width: `${percent}%` }} />
      </View>
      <Text className="account-card__text">
        {p ? `已完成 ${p.stepsDone} / ${p.stepsTotal} 步` : '正在准备'}，请勿关闭页面
      </Text>
    </View>
  );
}

function Done({ status }: { status: DeletionStatus }) {
  const receipt = status.receipt;
  return (
    <View className="account-card delete-account__done">
      <Text className="account-card__title">账号已注销</Text>
      <Text className="account-card__text">
        您的个人数据已删除；本设备上的登录状态和隐私选择也已清除，再次使用时将重新征求您的同意。
      </Text>
      {receipt ? (
        <Text className="account-card__text">
          注销凭证编号：{receipt.id}（如需联系客服请提供此编号）
        </Text>
      ) : null}
      <View className="account-card__actions">
        <Button
          className="btn btn--small"
          onClick={() => void Taro.switchTab({ url: routes.mine })}
        >
          返回我的
        </Button>
      </View>
    </View>
  );
}

/** 我的 → 设置 → 账号设置 → 注销账号 (DEL): confirm, re-verify, then follow the deletion. */
export default function DeleteAccountPage() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const gone = useRef(false);
  useEffect(
    () => () => {
      gone.current = true;
    },
    [],
  );

  const onGate = useCallback((error: ServiceError) => handleAccountError(error, SELF), []);

  const follow = useCallback(async (first: DeletionStatus | null) => {
    setPhase({ kind: 'running', status: first });
    try {
      const done =
        first?.state === 'done'
          ? first
          : await pollUntilDone(
              (status) => setPhase({ kind: 'running', status }),
              () => gone.current,
            );
      if (!done) return;
      forgetDeletedAccount();
      if (!gone.current) setPhase({ kind: 'done', status: done });
    } catch (error) {
      if (!gone.current) setPhase({ kind: 'error', error: toServiceError(error) });
    }
  }, []);

  const load = useCallback(async () => {
    setPhase({ kind: 'loading' });
    try {
      const preview = await deletionPreview();
      if (preview.deletion === 'none') setPhase({ kind: 'form', preview });
      else void follow(null);
    } catch (error) {
      const e = toServiceError(error);
      if (!onGate(e)) setPhase({ kind: 'error', error: e });
    }
  }, [follow, onGate]);

  useEffect(() => {
    void load();
  }, [load]);

  let body;
  if (phase.kind === 'loading') body = <ListSkeleton rows={3} />;
  else if (phase.kind === 'error') {
    body = <ErrorState error={phase.error} onRetry={() => void load()} />;
  } else if (phase.kind === 'form') {
    body = (
      <ConfirmForm preview={phase.preview} onStarted={(s) => void follow(s)} onGate={onGate} />
    );
  } else if (phase.kind === 'running') body = <Running status={phase.status} />;
  else body = <Done status={phase.status} />;

  return (
    <View className="page delete-account-page">
      {body}
      {/* Done: the consent was just forgotten; the policy is asked on the next page, not over the receipt. */}
      {phase.kind === 'done' ? null : <PrivacyHost />}
    </View>
  );
}
