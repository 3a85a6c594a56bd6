/** SmsSender: one verification code to one mainland phone (REG, DEV). */
export type SmsPurpose = 'register' | 'verify';

export interface SmsMessage {
  /** 11 digits, no country code. */
  phone: string;
  code: string;
  purpose: SmsPurpose;
  ttlMinutes: number;
}

/** A notice by SMS (booking's 停诊 reaches every booked patient this way too), one template per kind. */
export interface SmsNotice {
  phone: string;
  kind: 'appointment_stopped';
  /** Template parameters, in order: the doctor, the visit date and period. */
  params: string[];
}

export interface SmsSender {
  /** Resolves once the provider accepted the message; rejects when it did not. */
  send(message: SmsMessage): Promise<void>;
  /** Absent where no notice template is configured (the in-app notice still goes). */
  sendNotice?(notice: SmsNotice): Promise<void>;
}

export function smsNoticeText(notice: SmsNotice): string {
  const [doctor, when] = notice.params;
  return `【上海助医】您预约的${doctor}医生${when}门诊已停诊，挂号费将全额原路退回。请在小程序「我的预约」查看。`;
}

/** The text the user reads (the Tencent template must say the same, with {1} and {2}). */
export function smsText(message: SmsMessage): string {
  return `【上海助医】您的验证码为 ${message.code}，${message.ttlMinutes} 分钟内有效。如非本人操作，请忽略本短信。`;
}
