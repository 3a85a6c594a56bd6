import { LIST_PAGE } from '../../contract/consult/items';
import type { NoticeView } from '../../contract/consult/views';
import { NOTICES } from '../collections';
import type { Handler } from '../core/action';
import type { DocumentStore, Filter, StoredDoc } from '../ports/document-store';
import type { Notifier } from '../ports/notifier';
import type { Random } from '../ports/random';
import { requireAccount } from './access';
import { sortKeyOf } from './model';

/**
 * The in-app notice list: every deployment writes notices here (locally it is the only
 * Notifier; on weapp it sits beside subscribe messages). Read with `notices`, cleared
 * with `markRead`.
 */
interface NoticeDoc extends StoredDoc, Omit<NoticeView, 'id'> {
  owner: string;
  sortKey: string;
}

export function createStoreNotifier(deps: { store: DocumentStore; random: Random }): Notifier {
  return {
    templateIds: [],
    async notify(notice) {
      const id = `n${deps.random.hex(12)}`;
      const at = notice.at.toISOString();
      const doc: NoticeDoc = {
        _id: id,
        owner: notice.to,
        kind: notice.kind,
        consultId: notice.consultId,
        title: notice.title,
        body: notice.body,
        page: notice.page,
        at,
        read: false,
        sortKey: sortKeyOf(at, id),
      };
      await deps.store.insert(NOTICES.name, doc);
    },
  };
}

const toNotice = (d: NoticeDoc): NoticeView => ({
  id: d._id,
  kind: d.kind,
  consultId: d.consultId,
  title: d.title,
  body: d.body,
  page: d.page,
  at: d.at,
  read: d.read,
});

export const notices: Handler<'consult', 'notices'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  const limit = input.limit ?? LIST_PAGE.default;
  const filter: Filter = input.cursor
    ? { owner: openid, sortKey: { $lt: input.cursor } }
    : { owner: openid };
  const [docs, unread] = await Promise.all([
    ctx.store.find<NoticeDoc>(NOTICES.name, filter, {
      sort: [['sortKey', 'desc']],
      limit: limit + 1,
    }),
    ctx.store.count(NOTICES.name, { owner: openid, read: false }),
  ]);
  const page = docs.slice(0, limit);
  return {
    items: page.map(toNotice),
    unread,
    nextCursor: docs.length > limit ? page[page.length - 1].sortKey : null,
  };
};

/** Marks the caller's notices read (others' ids are ignored, as if they did not exist). */
export const markRead: Handler<'consult', 'markRead'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  const ids = input.ids
    ? input.ids
    : (
        await ctx.store.find<NoticeDoc>(
          NOTICES.name,
          { owner: openid, read: false },
          { limit: 500 },
        )
      ).map((d) => d._id);
  for (const id of ids)
    await ctx.store.updateIf(
      NOTICES.name,
      id,
      { owner: openid, read: false },
      { set: { read: true } },
    );
  return { unread: await ctx.store.count(NOTICES.name, { owner: openid, read: false }) };
};
