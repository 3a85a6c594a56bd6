import type { NoticeView } from '../../contract/consult/views';

/**
 * Notifier: tells one person something happened in a consult (docs/ARCHITECTURE.md "The ports").
 * Adapters: the in-app notice list (the `notices` collection, every deployment) and WeChat
 * subscribe messages (CloudBase, when a template is configured). Failing to notify never
 * fails the action that caused it.
 */
export interface Notice {
  /** openid of the recipient. */
  to: string;
  kind: NoticeView['kind'];
  consultId: string;
  /** Short, e.g. 医生已回复; subscribe messages cut it to 20 characters. */
  title: string;
  /** e.g. the doctor's name or a preview; cut to 20 characters in subscribe messages. */
  body: string;
  /** Mini-program page with query, no leading slash. */
  page: string;
  at: Date;
}

export interface Notifier {
  notify(notice: Notice): Promise<void>;
  /** Subscribe-message templates the client should ask for on submit ([] when none). */
  readonly templateIds: readonly string[];
}

/** Every notifier gets every notice; one failing does not stop the others. */
export function combineNotifiers(...notifiers: Notifier[]): Notifier {
  return {
    templateIds: notifiers.flatMap((n) => n.templateIds),
    async notify(notice) {
      const results = await Promise.allSettled(notifiers.map((n) => n.notify(notice)));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
