import { Button, Image, Text, View } from '@tarojs/components';
import type { AccountState } from '../../../contract/user';
import type { ServiceError } from '../../services/errors';
import { initialOf } from '../../utils/format';

/**
 * The top of 我的 (REG, CAM): avatar, nickname and the masked phone when logged in; a way
 * to log in otherwise. The phone is masked by the server; this never sees it whole.
 */
export function MineHeader(props: {
  state: AccountState | null;
  error: ServiceError | null;
  onLogin: () => void;
  onProfile: () => void;
  onRetry: () => void;
}) {
  const { state, error } = props;
  const profile = state?.session.trusted ? state.profile : null;

  if (profile) {
    return (
      <View className="mine__head" onClick={props.onProfile}>
        {profile.avatarUrl ? (
          <Image
            className="mine__avatar mine__avatar--image"
            src={profile.avatarUrl}
            mode="aspectFill"
          />
        ) : (
          <View className="mine__avatar mine__avatar--filled">
            <Text>{initialOf(profile.nickname)}</Text>
          </View>
        )}
        <View className="mine__who">
          <Text className="mine__name">{profile.nickname}</Text>
          <Text className="muted mine__phone">{profile.phoneMasked}</Text>
        </View>
        <Text className="mine__arrow">›</Text>
      </View>
    );
  }

  const pendingDevice = state?.loggedIn && state.session.reason === 'new_device';
  let note = '登录后可使用咨询、预约等服务；浏览和搜索医院、医生无需登录';
  if (pendingDevice) note = '检测到新设备登录，验证绑定的手机号后即可使用';
  else if (error && !state) note = `无法获取登录状态：${error.message}`;

  return (
    <View className="mine__head">
      <View className="mine__avatar">
        <Text>未</Text>
      </View>
      <View className="mine__who">
        <Text className="mine__name">{pendingDevice ? '新设备待验证' : '未登录'}</Text>
        <Text className="muted">{note}</Text>
      </View>
      {error && !state ? (
        <Button className="btn btn--small" onClick={props.onRetry}>
          重试
        </Button>
      ) : (
        <Button className="btn btn--small btn--primary mine__login" onClick={props.onLogin}>
          {pendingDevice ? '去验证' : '登录/注册'}
        </Button>
      )}
    </View>
  );
}
