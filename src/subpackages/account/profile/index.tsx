import { Text, View } from '@tarojs/components';
import { useAccountPage } from '../use-account-page';
import { ListSkeleton } from '../../../components/list-states';
import { PrivacyHost } from '../../../components/privacy-host';
import { usePageView } from '../../../privacy/analytics';
import { routes } from '../../../utils/routes';
import { AvatarEditor } from './avatar';
import { NicknameEditor } from './nickname';
import '../account.css';
import './index.css';

/** 个人资料 (CAM, ALB): avatar and nickname; the bound phone is shown masked, not editable. */
export default function ProfilePage() {
  usePageView('profile');
  const profile = useAccountPage(routes.profile)?.profile ?? null;
  return (
    <View className="page profile">
      {profile ? (
        <>
          <AvatarEditor profile={profile} />
          <NicknameEditor initial={profile.nickname} />
          <Text className="muted profile__phone">绑定手机号：{profile.phoneMasked}</Text>
        </>
      ) : (
        <ListSkeleton rows={2} />
      )}
      <PrivacyHost />
    </View>
  );
}
