import type { ActionName, InputOf, OutputOf } from '../../contract';
import { call } from './client';
import { ServiceError } from './errors';

/** The account function (DEL: 注销账号; 导出我的数据), one wrapper per action. */
type Action = ActionName<'account'>;
type In<A extends Action> = InputOf<'account', A>;
type Out<A extends Action> = Promise<OutputOf<'account', A>>;

export type DeletionPreview = OutputOf<'account', 'deletionPreview'>;
export type AccountExport = OutputOf<'account', 'export'>;

export const deletionPreview = (): Out<'deletionPreview'> => call('account', 'deletionPreview', {});

export const deleteAccount = (input: In<'delete'>): Out<'delete'> =>
  call('account', 'delete', input);

export const deletionStatus = (): Out<'deletionStatus'> => call('account', 'deletionStatus', {});

const rowCount = (data: AccountExport) => data.collections.reduce((n, c) => n + c.rows.length, 0);

/**
 * 导出我的数据: every page of the export joined into one copy (rows concatenated by
 * collection; the first page's times, whose links expire first). `onProgress` hears the
 * rows read so far after each page.
 */
export async function exportData(onProgress?: (rowsSoFar: number) => void): Promise<AccountExport> {
  let page = await call('account', 'export', {});
  const joined: AccountExport = {
    ...page,
    collections: page.collections.map((c) => ({ ...c, rows: [...c.rows] })),
  };
  const seen = new Set<string>();
  while (page.next !== null) {
    // A server handing back a cursor twice would loop for ever: stop instead.
    if (seen.has(page.next)) throw new ServiceError('INTERNAL', '导出未能完成，请重试');
    seen.add(page.next);
    onProgress?.(rowCount(joined));
    page = await call('account', 'export', { cursor: page.next });
    for (const c of page.collections) {
      const into = joined.collections.find((j) => j.collection === c.collection);
      if (into) into.rows.push(...c.rows);
      else joined.collections.push({ ...c, rows: [...c.rows] });
    }
  }
  return { ...joined, next: null };
}
