import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AccountState } from '../../../../contract/user';
import { maskPhone } from '../../../../contract/user/id-number';
import { accountErrorText, needsNewCode, resendWait } from '../../../session/messages';
import { setAccount, withDevice } from '../../../session/session';
import { codeError, normalizePhone, phoneError } from '../../../../contract/user/rules';
import { Field, FieldGroup } from '../../../components/field';
import { SmsCodeField } from '../../../components/sms-code-field';
import { HAS_WECHAT_PHONE, WeChatPhoneButton } from '../../../platform/phone-button';
import { toServiceError } from '../../../services/errors';
import * as user from '../../../services/user';
import { go, routes } from '../../../utils/routes';

/**
 * REG: phone + SMS code (registers, or logs back in), and on WeChat the one-tap phone
 * number. Every failure says what to do next: attempts left, a new code, when to retry.
 */
export function SmsLogin({ onDone }: { onDone: (state: AccountState) => void }) {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [phoneMessage, setPhoneMessage] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (): Promise<number> => {
    const number = normalizePhone(phone);
    const invalid = phoneError(number);
    setPhoneMessage(invalid);
    setMessage(null);
    if (invalid) return 0;
    try {
      const sent = await user.sendCode({ purpose: 'register', phone: number });
      setSentTo(number);
      return sent.resendAfterSeconds;
    } catch (error) {
      const e = toServiceError(error);
      setMessage(accountErrorText(e));
      return resendWait(e);
    }
  };

  const login = async (run: () => Promise<AccountState>) => {
    setBusy(true);
    setMessage(null);
    try {
      onDone(setAccount(await run()));
    } catch (error) {
      const e = toServiceError(error);
      setMessage(accountErrorText(e));
      if (needsNewCode(e)) setCode('');
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    if (busy) return;
    const number = normalizePhone(phone);
    const invalid = phoneError(number) ?? codeError(code);
    if (invalid) {
      setMessage(invalid);
      return;
    }
    void login(async () => user.register({ phone: number, code, ...(await withDevice()) }));
  };

  return (
    <View className="login">
      <Text className="login__title">手机号登录 / 注册</Text>
      <Text className="login__hint">未注册的手机号验证后将自动注册</Text>
      <FieldGroup>
        <Field label="手机号" error={phoneMessage}>
          <Input
            className="field__input"
            type="number"
            maxlength={11}
            placeholder="请输入手机号"
            value={phone}
            onInput={(e) => setPhone(e.detail.value)}
          />
        </Field>
        <SmsCodeField value={code} onChange={setCode} onSend={send} disabled={busy} />
      </FieldGroup>
      {sentTo ? (
        <Text className="login__note">验证码已发送至 {maskPhone(sentTo)}，5 分钟内有效</Text>
      ) : null}
      {message ? <Text className="login__error">{message}</Text> : null}
      <View className="login__actions">
        <Button className="btn btn--primary login__submit" disabled={busy} onClick={submit}>
          {busy ? '登录中…' : '登录'}
        </Button>
        {HAS_WECHAT_PHONE ? (
          <>
            <Text className="login__or">或</Text>
            <WeChatPhoneButton
              disabled={busy}
              onCode={(wxCode) =>
                void login(async () =>
                  user.loginWithWeChatPhone({ code: wxCode, ...(await withDevice()) }),
                )
              }
              onRefuse={(text) => setMessage(text || null)}
            />
          </>
        ) : null}
      </View>
      <Text className="login__policy">
        登录即表示您同意
        <Text className="login__link" onClick={() => go(routes.privacyPolicy)}>
          《上海助医用户隐私政策协议》
        </Text>
      </Text>
    </View>
  );
}
