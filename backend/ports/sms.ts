/** SmsSender: one verification code to one mainland phone (REG, DEV). */
export type SmsPurpose = 'register' | 'verify';

export interface SmsMessage {
  /** 11 digits, no country code. */
  phone: string;
  code: string;
  purpose: SmsPurpose;
  ttlMinutes: number;
}

export interface SmsSender {
  /** Resolves once the provider accepted the message; rejects when it did not. */
  send(message: SmsMessage): Promise<void>;
}

/** The text the user reads (the Tencent template must say the same, with {1} and {2}). */
export function smsText(message: SmsMessage): string {
  return `【上海助医】您的验证码为 ${message.code}，${message.ttlMinutes} 分钟内有效。如非本人操作，请忽略本短信。`;
}
