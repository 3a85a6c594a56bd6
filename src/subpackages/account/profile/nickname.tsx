import { Button, Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { NICKNAME_MAX_CHARS } from '../../../../contract/user/items';
import { accountErrorText } from '../../../session/messages';
import { handleAccountError } from '../../../session/require-login';
import { setProfile } from '../../../session/session';
import { nicknameError } from '../../../../contract/user/rules';
import { Field, FieldGroup } from '../../../components/field';
import { toServiceError } from '../../../services/errors';
import { updateProfile } from '../../../services/user';
import { routes } from '../../../utils/routes';

/**
 * The nickname, 1–20 characters. On WeChat `type="nickname"` offers the WeChat nickname
 * above the keyboard (WeChat checks it for safety); anywhere it is a plain text field.
 */
export function NicknameEditor({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const invalid = nicknameError(value);
    setError(invalid);
    if (invalid || busy) return;
    setBusy(true);
    try {
      const profile = await updateProfile({ nickname: value.trim() });
      setProfile(profile);
      setValue(profile.nickname);
      void Taro.showToast({ title: '昵称已保存', icon: 'success' });
    } catch (e) {
      const failure = toServiceError(e);
      if (!handleAccountError(failure, routes.profile)) setError(accountErrorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="profile__nickname">
      <FieldGroup>
        <Field label="昵称" error={error}>
          <Input
            className="field__input"
            type="nickname"
            // A little over the limit, so the over-long message can show instead of silent cutting.
            maxlength={NICKNAME_MAX_CHARS + 10}
            placeholder={`1–${NICKNAME_MAX_CHARS} 个字`}
            value={value}
            onInput={(e) => setValue(e.detail.value)}
            // Picking the WeChat nickname may fill the field without an input event.
            onBlur={(e) => setValue(e.detail.value)}
          />
        </Field>
      </FieldGroup>
      <Button
        className="btn btn--block btn--primary profile__save"
        disabled={busy}
        onClick={() => void save()}
      >
        {busy ? '保存中…' : '保存昵称'}
      </Button>
    </View>
  );
}
