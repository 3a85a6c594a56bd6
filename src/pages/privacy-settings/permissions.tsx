import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import {
  SCOPE_LABELS,
  SCOPE_PURPOSES,
  type PermissionState,
  type Scope,
} from '../../platform/permissions/types';
import { CAN_OPEN_SETTINGS, check, openSettings } from '../../platform/permissions';

const SCOPES: Scope[] = ['location', 'camera', 'album', 'microphone'];

const STATE_TEXT: Record<PermissionState, string> = {
  granted: '已允许',
  denied: '未允许',
  prompt: '使用时询问',
  unsupported: '无需授权',
};

/**
 * LOC, CAM, ALB, MIC: each system permission with its current state, read without asking,
 * and the way to change it (WeChat's settings page; on H5, where the browser's switch is).
 */
export function SystemPermissions() {
  const [states, setStates] = useState<Partial<Record<Scope, PermissionState>>>({});
  const refresh = useCallback(async () => {
    const entries = await Promise.all(SCOPES.map(async (s) => [s, await check(s)] as const));
    setStates(Object.fromEntries(entries));
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // Back from WeChat's settings page: show what the user changed there.
  useDidShow(() => void refresh());

  return (
    <View className="section">
      <View className="section__title">系统权限</View>
      <View className="card">
        {SCOPES.map((scope) => (
          <View key={scope} className="permission-row">
            <View className="permission-row__body">
              <Text className="permission-row__label">
                {SCOPE_LABELS[scope]}
                <Text className="permission-row__state">
                  {' '}
                  {states[scope] ? STATE_TEXT[states[scope]] : '…'}
                </Text>
              </Text>
              <Text className="muted">{SCOPE_PURPOSES[scope]}</Text>
            </View>
            {states[scope] !== 'unsupported' ? (
              <Button
                className="btn btn--small"
                onClick={() => void openSettings(scope).then(() => refresh())}
              >
                {CAN_OPEN_SETTINGS ? '去设置' : '如何设置'}
              </Button>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  );
}
