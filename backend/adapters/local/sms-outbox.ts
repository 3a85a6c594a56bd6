import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { maskPhone } from '../../../contract/user/id-number';
import type { Clock } from '../../ports/clock';
import type { Logger } from '../../ports/logger';
import { smsNoticeText, smsText, type SmsSender } from '../../ports/sms';

export const SMS_OUTBOX_FILE = 'sms-outbox.jsonl';

/** One line of `<dataDir>/sms-outbox.jsonl`. */
export interface OutboxLine {
  phone: string;
  code: string;
  text: string;
  at: string;
}

/**
 * REG, locally: instead of sending, appends `{"phone","code","text","at"}` as one JSON line
 * to `<dataDir>/sms-outbox.jsonl` (which the developer, or an e2e test, reads) and logs it.
 * It refuses to exist in production: codes in a file would let anyone with the file log in
 * as anyone.
 */
export function createOutboxSmsSender(options: {
  dataDir: string;
  log: Logger;
  clock: Clock;
  env?: NodeJS.ProcessEnv;
}): SmsSender {
  if ((options.env ?? process.env).NODE_ENV === 'production') {
    throw new Error(
      'The local SMS outbox is for development only. In production set TENCENT_SMS_SDK_APP_ID, ' +
        'TENCENT_SMS_SIGN_NAME, TENCENT_SMS_TEMPLATE_ID, TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY.',
    );
  }
  const file = join(options.dataDir, SMS_OUTBOX_FILE);
  return {
    async sendNotice(notice) {
      const line: OutboxLine = {
        phone: notice.phone,
        code: '',
        text: smsNoticeText(notice),
        at: options.clock.now().toISOString(),
      };
      await appendFile(file, JSON.stringify(line) + '\n', { encoding: 'utf8', mode: 0o600 });
    },
    async send(message) {
      const line: OutboxLine = {
        phone: message.phone,
        code: message.code,
        text: smsText(message),
        at: options.clock.now().toISOString(),
      };
      await appendFile(file, JSON.stringify(line) + '\n', { encoding: 'utf8', mode: 0o600 });
      options.log.info(
        { sms: { phone: maskPhone(message.phone), code: message.code }, file },
        'sms written to the local outbox (not sent)',
      );
    },
  };
}
