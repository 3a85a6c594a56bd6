import type { ActionName, InputOf, OutputOf } from '../../contract';
import { call } from './client';

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

export const exportData = (): Out<'export'> => call('account', 'export', {});
