import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Profile } from '../../../../contract/user';
import { accountErrorText } from '../../../session/messages';
import { pickOneImage, type Refusal } from '../../../utils/pick-image';
import { handleAccountError } from '../../../session/require-login';
import { setProfile } from '../../../session/session';
import { RefusalNote } from '../../../components/refusal-note';
import { AvatarButton } from '../../../platform/avatar-button';
import { prepareImage } from '../../../platform/image-upload';
import { AVATAR_FIT, type ImageUpload } from '../../../platform/image-upload/types';
import { toServiceError } from '../../../services/errors';
import { updateProfile } from '../../../services/user';
import { initialOf } from '../../../utils/format';
import { routes } from '../../../utils/routes';

/**
 * CAM, ALB: the avatar. Nothing is asked before the user taps 更换头像; the camera only
 * when they choose 拍照. A refusal is explained with a way to the settings and nothing is
 * sent. The picture is shrunk (~512 px JPEG) before upload. On WeChat, chooseAvatar's own
 * sheet replaces ours.
 */
export function AvatarEditor({ profile }: { profile: Profile }) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const upload = async (image: ImageUpload) => {
    try {
      setProfile(await updateProfile({ avatar: image }));
      void Taro.showToast({ title: '头像已更新', icon: 'success' });
    } catch (error) {
      const e = toServiceError(error);
      if (!handleAccountError(e, routes.profile)) setMessage(accountErrorText(e));
    }
  };

  const run = async (get: () => Promise<ImageUpload | null>) => {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    setMessage(null);
    try {
      const image = await get();
      if (image) await upload(image);
    } finally {
      setBusy(false);
    }
  };

  const pick = () =>
    run(async () => {
      const outcome = await pickOneImage(AVATAR_FIT);
      if (outcome.status === 'ready') return outcome.image;
      if (outcome.status === 'refused') setRefusal(outcome.refusal);
      if (outcome.status === 'error') setMessage(outcome.reason);
      return null;
    });

  const picked = (path: string) =>
    run(async () => {
      const prepared = await prepareImage(path, AVATAR_FIT);
      if (prepared.status === 'ready') return prepared.image;
      setMessage(prepared.reason);
      return null;
    });

  return (
    <View className="account-card profile__avatar">
      <View className="profile__avatar-row">
        {profile.avatarUrl ? (
          <Image className="profile__image" src={profile.avatarUrl} mode="aspectFill" />
        ) : (
          <View className="profile__image profile__image--empty">
            <Text>{initialOf(profile.nickname)}</Text>
          </View>
        )}
        <AvatarButton
          className="btn btn--small profile__change"
          onTap={() => void pick()}
          onPicked={(path) => void picked(path)}
        >
          {busy ? '上传中…' : '更换头像'}
        </AvatarButton>
      </View>
      {refusal ? <RefusalNote refusal={refusal} feature="更换头像" /> : null}
      {message ? <Text className="account-error">{message}</Text> : null}
    </View>
  );
}
