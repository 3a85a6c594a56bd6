import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { DELETION_TYPED_WORD } from '../../../../contract/account/items';
import type { DeletionStatus } from '../../../../contract/account';
import { accountErrorText, needsNewCode, resendWait } from '../../../session/messages';
import { CheckRow } from '../../../components/check-row';
import { Field, FieldGroup } from '../../../components/field';
import { SmsCodeField } from '../../../components/sms-code-field';
import { deleteAccount } from '../../../services/account';
import type { DeletionPreview } from '../../../services/account';
import { toServiceError } from '../../../services/errors';
import type { ServiceError } from '../../../services/errors';
import * as user from '../../../services/user';
import { COUNT_LABELS, deletionErrorText } from './messages';

function Losses({ preview }: { preview: DeletionPreview }) {
  const keys = Object.keys(COUNT_LABELS) as (keyof typeof COUNT_LABELS)[];
  return (
    <View className="account-card delete-account__losses">
      <Text className="account-card__title">将被删除的数据</Text>
      {keys.map((key) => (
        <View key={key} className="delete-account__count">
          <Text>{COUNT_LABELS[key]}</Text>
          <Text className="delete-account__number">{preview.counts[key]}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * DEL: the consequences as the policy words them, what will be lost, an unticked
 * confirmation, and re-verification (a code to the bound phone, or typing 注销).
 */
export function ConfirmForm(props: {
  preview: DeletionPreview;
  onStarted: (status: DeletionStatus) => void;
  onGate: (error: ServiceError) => boolean;
}) {
  const { preview } = props;
  const [ticked, setTicked] = useState(false);
  const [code, setCode] = useState('');
  const [typed, setTyped] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sms = preview.verification === 'sms';

  const send = async (): Promise<number> => {
    setMessage(null);
    try {
      const sent = await user.sendCode({ purpose: 'verify' });
      setNote(`验证码已发送至 ${preview.phoneMasked ?? '绑定的手机号'}，5 分钟内有效`);
      return sent.resendAfterSeconds;
    } catch (error) {
      const e = toServiceError(error);
      if (!props.onGate(e)) setMessage(accountErrorText(e));
      return resendWait(e);
    }
  };

  const submit = async () => {
    if (busy) return;
    if (!ticked) return setMessage('请先勾选确认注销');
    if (sms && !/^\d{6}$/.test(code)) return setMessage('请输入 6 位验证码');
    if (!sms && typed.trim() !== DELETION_TYPED_WORD) return setMessage('请输入“注销”确认');
    setBusy(true);
    setMessage(null);
    try {
      const input: Parameters<typeof deleteAccount>[0] = sms
        ? { confirm: true, code }
        : { confirm: true, typed: DELETION_TYPED_WORD };
      props.onStarted(await deleteAccount(input));
    } catch (error) {
      const e = toServiceError(error);
      if (props.onGate(e)) return;
      setMessage(deletionErrorText(e));
      if (needsNewCode(e)) setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="delete-account">
      <View className="account-card delete-account__consequences">
        <Text className="account-card__title">注销后</Text>
        {preview.consequences.map((line) => (
          <Text key={line} className="account-card__text">
            {line}
          </Text>
        ))}
      </View>
      <Losses preview={preview} />
      <FieldGroup>
        {sms ? (
          <SmsCodeField value={code} onChange={setCode} onSend={send} disabled={busy} />
        ) : (
          <Field label="确认">
            <Input
              className="field__input"
              placeholder={`请输入“${DELETION_TYPED_WORD}”`}
              value={typed}
              onInput={(e) => setTyped(e.detail.value)}
            />
          </Field>
        )}
      </FieldGroup>
      {note ? <Text className="account-card__text delete-account__note">{note}</Text> : null}
      <View className="delete-account__check">
        <CheckRow checked={ticked} onChange={setTicked}>
          我已阅读并知晓以上后果，确认注销账号
        </CheckRow>
      </View>
      {message ? <Text className="account-error">{message}</Text> : null}
      <Button
        className="btn btn--block btn--danger delete-account__submit"
        disabled={busy || !ticked}
        onClick={() => void submit()}
      >
        {busy ? '注销中…' : '确认注销'}
      </Button>
    </View>
  );
}
