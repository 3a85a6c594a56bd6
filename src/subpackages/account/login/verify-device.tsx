import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AccountState } from '../../../../contract/user';
import { USER_ERROR_REASONS } from '../../../../contract/user/items';
import { accountErrorText, needsNewCode, resendWait } from '../../../session/messages';
import { setAccount, withDevice } from '../../../session/session';
import { codeError } from '../../../../contract/user/rules';
import { FieldGroup } from '../../../components/field';
import { SmsCodeField } from '../../../components/sms-code-field';
import { toServiceError } from '../../../services/errors';
import * as user from '../../../services/user';

/**
 * DEV: a login from a device this account has not used makes the session untrusted until
 * a code sent to the bound phone is entered here (sendCode 'verify' → verifyDevice).
 */
export function VerifyDevice({ onDone }: { onDone: (state: AccountState) => void }) {
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (): Promise<number> => {
    setMessage(null);
    try {
      const sent = await user.sendCode({ purpose: 'verify' });
      setNote('验证码已发送至账号绑定的手机号，5 分钟内有效');
      return sent.resendAfterSeconds;
    } catch (error) {
      const e = toServiceError(error);
      setMessage(accountErrorText(e));
      return resendWait(e);
    }
  };

  const submit = async () => {
    if (busy) return;
    const invalid = codeError(code);
    if (invalid) {
      setMessage(invalid);
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      onDone(setAccount(await user.verifyDevice({ code, ...(await withDevice()) })));
    } catch (error) {
      const e = toServiceError(error);
      setMessage(accountErrorText(e));
      if (needsNewCode(e)) setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="login">
      <Text className="login__title">验证新设备</Text>
      <Text className="login__hint">
        {USER_ERROR_REASONS.device_unverified}。验证后本设备将被记为可信设备。
      </Text>
      <FieldGroup>
        <SmsCodeField value={code} onChange={setCode} onSend={send} disabled={busy} />
      </FieldGroup>
      {note ? <Text className="login__note">{note}</Text> : null}
      {message ? <Text className="login__error">{message}</Text> : null}
      <View className="login__actions">
        <Button
          className="btn btn--primary login__submit"
          disabled={busy}
          onClick={() => void submit()}
        >
          {busy ? '验证中…' : '验证'}
        </Button>
      </View>
    </View>
  );
}
