import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { bindDoctor, consultErrorText } from '../../../services/consult';

/** Not a doctor yet: the one-time invite code from the platform binds this account. */
export function BindForm({ onBound }: { onBound: () => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!code.trim()) {
      setError('请输入邀请码');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await bindDoctor({ code: code.trim() });
      onBound();
    } catch (e) {
      setError(consultErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="section workbench__bind">
      <View className="section__title">绑定医生身份</View>
      <Text className="muted">
        请输入平台发给您的医生邀请码（如 ABCD-EFGH-JKMN），绑定后即可接诊。
      </Text>
      <Input
        className="workbench__input"
        placeholder="医生邀请码"
        value={code}
        maxlength={20}
        onInput={(e) => setCode(e.detail.value)}
      />
      {error ? (
        <View className="field__error" role="alert">
          {error}
        </View>
      ) : null}
      <Button className="btn btn--primary btn--block" loading={busy} onClick={() => void submit()}>
        绑定
      </Button>
    </View>
  );
}
