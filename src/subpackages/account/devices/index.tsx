import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { LoginDevice } from '../../../../contract/user';
import { handleAccountError } from '../../../session/require-login';
import { useAccountPage } from '../use-account-page';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/list-states';
import { PrivacyHost } from '../../../components/privacy-host';
import { useAsync } from '../../../hooks/use-async';
import { hasConsent } from '../../../privacy/consent';
import { toServiceError } from '../../../services/errors';
import { listDevices, removeDevice } from '../../../services/user';
import { formatLocalDateTime } from '../../../utils/format';
import { go, routes } from '../../../utils/routes';
import '../account.css';
import './index.css';

const SELF = routes.devices;

async function confirmRemove(device: LoginDevice): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '移除登录设备',
    content: device.current
      ? '这是您正在使用的设备。移除后，本设备再次使用时需要重新验证绑定的手机号。'
      : `移除「${device.model}」后，该设备再次登录时需要验证绑定的手机号。`,
    confirmText: '移除',
    cancelText: '取消',
  });
  return confirm;
}

function DeviceRow({ device, onRemove }: { device: LoginDevice; onRemove: () => void }) {
  return (
    <View className="device-row">
      <View className="device-row__body">
        <Text className="device-row__model">
          {[device.brand, device.model].filter(Boolean).join(' ')}
          {device.current ? <Text className="tag">当前设备</Text> : null}
          {device.trusted ? null : <Text className="tag tag--warn">未验证</Text>}
        </Text>
        <Text className="muted device-row__line">
          {device.system} · {device.platform} · {device.screen.width}×{device.screen.height}
        </Text>
        <Text className="muted device-row__line">
          首次登录 {formatLocalDateTime(device.firstSeen)}
        </Text>
        <Text className="muted device-row__line">
          最近登录 {formatLocalDateTime(device.lastSeen)}
        </Text>
      </View>
      <Button className="btn btn--small btn--danger device-row__remove" onClick={onRemove}>
        移除
      </Button>
    </View>
  );
}

/** 我的 → 设置 → 账号设置 → 登录设备 (DEV): where this account has logged in, and 移除. */
export default function DevicesPage() {
  const state = useAccountPage(SELF);
  const load = useCallback(() => listDevices().then((r) => r.items), []);
  const devices = useAsync(state ? load : null);
  const [removing, setRemoving] = useState<string | null>(null);

  const failure = devices.status === 'error' ? devices.error : null;
  useEffect(() => {
    if (failure) handleAccountError(failure, SELF);
  }, [failure]);

  const remove = async (device: LoginDevice) => {
    if (removing || !(await confirmRemove(device))) return;
    setRemoving(device.deviceId);
    try {
      await removeDevice({ deviceId: device.deviceId });
      void Taro.showToast({ title: '已移除', icon: 'success' });
      await devices.reload();
    } catch (error) {
      const e = toServiceError(error);
      if (!handleAccountError(e, SELF)) void Taro.showToast({ title: e.message, icon: 'none' });
    } finally {
      setRemoving(null);
    }
  };

  let body;
  if (devices.status === 'error') {
    body = <ErrorState error={devices.error} onRetry={() => void devices.reload()} />;
  } else if (devices.status !== 'ready') body = <ListSkeleton rows={2} />;
  else if (devices.data.length === 0) body = <EmptyState text="暂无登录设备记录" />;
  else {
    body = (
      <View className="device-list">
        {devices.data.map((d) => (
          <DeviceRow key={d.deviceId} device={d} onRemove={() => void remove(d)} />
        ))}
      </View>
    );
  }

  return (
    <View className="page devices">
      {hasConsent('device') ? null : (
        <View className="account-card">
          <Text className="account-card__text">
            您未开启「设备信息」授权：不记录登录设备，也不做新设备验证。开启后可在此查看登录过的设备。
          </Text>
          <View className="account-card__actions">
            <Button className="btn btn--small" onClick={() => go(routes.privacySettings)}>
              去隐私设置
            </Button>
          </View>
        </View>
      )}
      {body}
      <PrivacyHost />
    </View>
  );
}
