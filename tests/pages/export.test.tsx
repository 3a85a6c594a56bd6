/**
 * 导出我的数据 (PIPL art. 45): nothing is fetched until the user asks; then one summary row
 * per collection (what it is, how many rows), the whole JSON saved as a file (H5: a
 * download of exactly what the server sent), and a short summary for the clipboard.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ExportPage from '../../src/subpackages/account/export';
import type { AccountExport } from '../../src/services/account';
import { forgetAccount, loggedIn } from './account-fixtures';
import { givenConsent } from './consent-fixtures';
import { fail, installBackend } from './fake-backend';
import { button } from './forms';
import { taro } from './taro-fake';

const EXPORTED: AccountExport = {
  exportedAt: '2026-11-30T05:00:00.000Z',
  linksExpireAt: '2026-11-30T05:10:00.000Z',
  collections: [
    {
      collection: 'users',
      descriptions: ['账号与个人资料'],
      clauses: ['REG'],
      rows: [{ phone: '13800138000', nickname: '助医用户1234' }],
    },
    {
      collection: 'consultations',
      descriptions: ['图文咨询', '病情描述与照片'],
      clauses: ['PI', 'CS'],
      rows: [{ id: 'c1' }, { id: 'c2' }],
    },
  ],
  next: null,
};
/** What the saved file holds: the data, without the transport's paging cursor. */
const { next: _next, ...SAVED } = EXPORTED;

beforeEach(() => {
  forgetAccount();
  givenConsent('agreed');
});

/** jsdom's Blob has no text(): read it as a browser's FileReader would. */
const blobText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

const exports = (b: ReturnType<typeof installBackend>) =>
  b.callsTo('account').filter((c) => c.action === 'export');

test('开始导出: a row per collection with its count; the JSON downloads; the summary copies', async () => {
  const b = installBackend({}, { 'user.me': () => loggedIn(), 'account.export': () => EXPORTED });
  render(<ExportPage />);
  await screen.findByText('开始导出');
  expect(exports(b)).toEqual([]);
  fireEvent.click(button('开始导出'));

  const rows = await screen.findAllByTestId('export-row');
  expect(rows.map((r) => r.textContent)).toEqual([
    expect.stringMatching(/^账号与个人资料1 条users · REG/),
    expect.stringMatching(/^图文咨询2 条consultations · PI、CS病情描述与照片/),
  ]);

  let saved: Blob | null = null;
  const createObjectURL = jest.fn((blob: Blob) => {
    saved = blob;
    return 'blob:export';
  });
  Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  const prev = process.env.TARO_ENV;
  process.env.TARO_ENV = 'h5';
  fireEvent.click(button('保存 JSON 文件'));
  expect(await screen.findByText('已下载 上海助医-我的数据-2026-11-30.json')).toBeTruthy();
  process.env.TARO_ENV = prev;
  expect(click).toHaveBeenCalledTimes(1);
  expect(JSON.parse(await blobText(saved!))).toEqual(SAVED);
  click.mockRestore();

  fireEvent.click(button('复制摘要'));
  const copied = (taro.setClipboardData.mock.calls[0] as unknown as [{ data: string }])[0].data;
  expect(copied).toContain('账号与个人资料（users）：1 条');
  expect(copied).toContain('图文咨询（consultations）：2 条');
  expect(copied).not.toContain('13800138000');
});

test('refused while the account is being deleted: says so, shows no rows', async () => {
  installBackend(
    {},
    {
      'user.me': () => loggedIn(),
      'account.export': () => fail('FAILED_PRECONDITION', 'x', { reason: 'deletion_running' }),
    },
  );
  render(<ExportPage />);
  await screen.findByText('开始导出');
  fireEvent.click(button('开始导出'));
  expect(await screen.findByText('账号正在注销中')).toBeTruthy();
  expect(screen.queryAllByTestId('export-row')).toEqual([]);
  await waitFor(() => expect(screen.queryByText('保存 JSON 文件')).toBeNull());
});

test('a long history comes page by page: joined by collection, progress shown, one file', async () => {
  const [users, consults] = EXPORTED.collections;
  const page = (rows: [number, number], next: string | null): AccountExport => ({
    ...EXPORTED,
    collections: [
      { ...users, rows: users.rows.slice(0, rows[0]) },
      { ...consults, rows: Array.from({ length: rows[1] }, (_, i) => ({ id: `c${next}-${i}` })) },
    ],
    next,
  });
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  const b = installBackend(
    {},
    {
      'user.me': () => loggedIn(),
      'account.export': async (data) => {
        const cursor = (data as { cursor?: string }).cursor;
        if (cursor === undefined) return page([1, 499], 'p2');
        await held;
        return cursor === 'p2' ? page([0, 500], 'p3') : page([0, 7], null);
      },
    },
  );
  render(<ExportPage />);
  fireEvent.click(await screen.findByText('开始导出'));
  expect(await screen.findByText('导出中… 已读取 500 条')).toBeTruthy();
  release();

  const rows = await screen.findAllByTestId('export-row');
  expect(rows.map((r) => r.textContent)).toEqual([
    expect.stringMatching(/^账号与个人资料1 条/),
    expect.stringMatching(/^图文咨询1006 条/),
  ]);
  expect(exports(b).map((c) => c.data)).toEqual([{}, { cursor: 'p2' }, { cursor: 'p3' }]);
});

test('a server that hands back the same cursor twice is an error, not an endless export', async () => {
  installBackend(
    {},
    { 'user.me': () => loggedIn(), 'account.export': () => ({ ...EXPORTED, next: 'again' }) },
  );
  render(<ExportPage />);
  fireEvent.click(await screen.findByText('开始导出'));
  expect(await screen.findByText(/导出未能完成/)).toBeTruthy();
  expect(screen.queryAllByTestId('export-row')).toEqual([]);
});
