import type { Logger } from '../../ports/logger';
import type { Notifier } from '../../ports/notifier';

/**
 * Weapp notices as subscribe messages (`cloud.openapi.subscribeMessage.send`; config.json
 * grants it). One template for every consult notice, WX_SUBSCRIBE_TEMPLATE_ID, chosen in
 * 小程序后台 → 订阅消息 with these keywords: thing1 (事项, the title), thing2 (说明, the
 * body), time3 (时间). thing values are cut to 20 characters, as WeChat requires. A user
 * who did not subscribe (errCode 43101) is the normal case, not an error.
 */
export interface SubscribeMessageApi {
  subscribeMessage: {
    send(params: {
      touser: string;
      templateId: string;
      page: string;
      data: Record<string, { value: string }>;
    }): Promise<{ errCode?: number; errMsg?: string }>;
  };
}

const NOT_SUBSCRIBED = 43101;
const cut = (s: string, n = 20) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s);

/** `YYYY-MM-DD HH:mm` in China time, as the time keyword wants it. */
export function chinaTime(at: Date): string {
  const t = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

const errCodeOf = (err: unknown) =>
  typeof err === 'object' && err !== null ? (err as { errCode?: unknown }).errCode : undefined;

export function createSubscribeNotifier(
  openapi: SubscribeMessageApi,
  templateId: string,
  log: Logger,
): Notifier {
  return {
    templateIds: [templateId],
    async notify(notice) {
      try {
        const result = await openapi.subscribeMessage.send({
          touser: notice.to,
          templateId,
          page: notice.page,
          data: {
            thing1: { value: cut(notice.title) },
            thing2: { value: cut(notice.body) },
            time3: { value: chinaTime(notice.at) },
          },
        });
        if ((result.errCode ?? 0) !== 0 && result.errCode !== NOT_SUBSCRIBED)
          throw new Error(`subscribeMessage.send: ${result.errCode} ${result.errMsg ?? ''}`);
      } catch (err) {
        if (errCodeOf(err) === NOT_SUBSCRIBED) {
          log.info({ kind: notice.kind }, 'recipient has no subscription for this notice');
          return;
        }
        throw err;
      }
    },
  };
}
