import { Button, Input } from '@tarojs/components';
import { useState } from 'react';
import { useCountdown } from '../../hooks/use-countdown';
import { Field } from '../field';
import './index.css';

/**
 * A 6-digit SMS code with its 获取验证码 button (REG, DEV). `onSend` answers how many
 * seconds to wait before the next send (the server's resendAfterSeconds, or a rate
 * limit's retryAfterSeconds; 0 after a failure), and the button counts them down.
 */
export function SmsCodeField(props: {
  value: string;
  onChange: (code: string) => void;
  onSend: () => Promise<number>;
  disabled?: boolean;
  error?: string | null;
}) {
  const [left, startCountdown] = useCountdown();
  const [sending, setSending] = useState(false);

  const send = async () => {
    if (sending || left > 0) return;
    setSending(true);
    try {
      startCountdown(await props.onSend());
    } finally {
      setSending(false);
    }
  };

  const label = sending ? '发送中…' : left > 0 ? `${left} 秒后重新获取` : '获取验证码';
  return (
    <Field label="验证码" error={props.error}>
      <Input
        className="field__input"
        type="number"
        maxlength={6}
        placeholder="6 位验证码"
        value={props.value}
        onInput={(e) => props.onChange(e.detail.value.replace(/\D/g, ''))}
      />
      <Button
        className="btn btn--small sms-code-field__send"
        disabled={props.disabled || sending || left > 0}
        onClick={() => void send()}
      >
        {label}
      </Button>
    </Field>
  );
}
